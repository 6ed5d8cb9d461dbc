/**
 * The condor builder's planner: form values -> a block of labelled inputs, a legs table, live
 * `=SHIELD.*` analytics pointing at those inputs, a payoff table and a chart spec. Pure: no
 * Office, no DOM. Strikes are chosen here, once, with the core's strikeForDelta on the strike
 * grid (put side at the put vol, call side at the call vol), and written as values.
 */
import { condorPrice } from "../../core/condor";
import { strikeForDelta } from "../../core/strike";
import * as rule from "../../core/validate";
import { InputError } from "../../core/errors";
import { FieldReader, type FormValues } from "./fields";
import { FMT, GREEK_POSITION_FORMATS, GREEK_POSITION_UNITS, GREEK_UNIT_FORMATS, strikeFormat } from "./formats";
import { mul, neg, num, range, ref, shield, spilled, sub, type Expr } from "./formula";
import { Grid } from "./grid";
import type { Plan, PlanResult } from "./types";

/** The validated inputs of a condor block. */
export interface CondorInputs {
  spot: number;
  days: number;
  putVol: number;
  callVol: number;
  shortDelta: number;
  wingWidth: number;
  increment: number;
  quantity: number;
  multiplier: number;
  rate: number;
  yield: number;
}

/** Strikes and the model credit chosen at build time. */
export interface CondorChoice {
  putLong: number;
  putShort: number;
  callShort: number;
  callLong: number;
  credit: number;
}

/** SPEC's P50: the probability of keeping at least this share of the credit. */
export const P50_TARGET = 0.5;

/** Number of evenly spaced prices of the payoff table (the four strikes are added to them). */
export const PAYOFF_POINTS = 41;

/** Where things sit in the block (anchor-relative rows/cols), exported for tests and the UI. */
export const CONDOR_LAYOUT = {
  input: { spot: 2, days: 3, putVol: 4, callVol: 5, rate: 6, yield: 7, quantity: 8, multiplier: 9, credit: 10 },
  legsHeader: 14,
  firstLeg: 15,
  greeksHeader: 21,
  greeksUnit: 22,
  greeksDollars: 23,
  greeksUnits: 24,
  breakevensHeader: 25,
  breakevens: 26,
  riskHeader: 27,
  riskUnit: 28,
  riskDollars: 29,
  pop: 30,
  openPl: 31,
  p50: 32,
  daysForward: 33,
  breakevensAt: 34,
  payoffSection: 36,
  payoffHeader: 37,
  firstPrice: 38,
  valueCol: 1,
  cols: 10,
} as const;

export const GREEK_HEADERS = ["Credit", "Delta", "Gamma", "Theta", "Vega", "Rho", "Vanna", "Charm", "Vomma"];

/** Reads and validates the condor form. Errors are keyed by field id. */
export function readCondorInputs(values: FormValues): { inputs?: CondorInputs; errors: Record<string, string> } {
  const f = new FieldReader(values);
  const inputs: CondorInputs = {
    spot: f.number("spot", "Spot", [rule.positive]),
    days: f.number("days", "Days to expiry", [rule.positive, rule.days]),
    putVol: f.number("putVol", "Put-side vol", [rule.vol]),
    callVol: f.number("callVol", "Call-side vol", [rule.vol]),
    shortDelta: f.number("shortDelta", "Short delta", [openInterval(0, 0.5, "a delta between 0 and 0.5 (e.g. 0.16)")], 0.16),
    wingWidth: f.number("wingWidth", "Wing width", [rule.positive], 50),
    increment: f.number("increment", "Strike increment", [rule.positive], 5),
    quantity: f.number("quantity", "Quantity", [(l, v) => rule.integerAtLeast(l, v, 1)], 1),
    multiplier: f.number("multiplier", "Multiplier", [rule.positive], 100),
    rate: f.number("rate", "Rate", [rule.rate], 0),
    yield: f.number("yield", "Dividend yield", [rule.rate], 0),
  };
  if (f.ok) {
    const steps = inputs.wingWidth / inputs.increment;
    if (Math.abs(steps - Math.round(steps)) > 1e-9) {
      f.fail("wingWidth", new InputError("Wing width", `must be a multiple of the strike increment (${inputs.increment})`, inputs.wingWidth));
    }
  }
  return f.ok ? { inputs, errors: {} } : { errors: f.errors };
}

function openInterval(lo: number, hi: number, what: string) {
  return (label: string, v: number) => {
    if (!(v > lo && v < hi)) throw new InputError(label, `must be ${what}`, v);
    return v;
  };
}

/**
 * Chooses the strikes: each short strike is the strike whose delta is the target (put at
 * -shortDelta with the put vol, call at +shortDelta with the call vol), on the increment grid;
 * each long strike is a wing width further out. The credit is the model credit of the short
 * condor at the inputs. Errors are keyed by the field to change.
 */
export function chooseCondor(x: CondorInputs): { choice?: CondorChoice; errors: Record<string, string> } {
  let putShort: number;
  let callShort: number;
  try {
    putShort = strikeForDelta("put", -x.shortDelta, x.spot, x.days, x.putVol, x.rate, x.yield, x.increment);
    callShort = strikeForDelta("call", x.shortDelta, x.spot, x.days, x.callVol, x.rate, x.yield, x.increment);
  } catch (error) {
    return { errors: { shortDelta: `No strike on the grid reaches this delta: ${(error as Error).message}` } };
  }
  const putLong = putShort - x.wingWidth;
  const callLong = callShort + x.wingWidth;
  if (!(putShort <= callShort)) {
    return { errors: { shortDelta: `Short delta gives crossed short strikes (put ${putShort} above call ${callShort}); use a smaller delta` } };
  }
  if (!(putLong > 0)) {
    return { errors: { wingWidth: `Wing width puts the long put at ${putLong}; it must stay above 0` } };
  }
  const vols = [x.putVol, x.putVol, x.callVol, x.callVol] as const;
  const credit = condorPrice(x.spot, { putLong, putShort, callShort, callLong }, x.days, vols, x.rate, x.yield);
  return { choice: { putLong, putShort, callShort, callLong, credit }, errors: {} };
}

/**
 * The payoff table's prices, ascending: PAYOFF_POINTS prices on a step that is a whole number of
 * strike increments, centred between the short strikes, spanning at least one wing width beyond
 * each long strike, AND the four strikes themselves. The expiry P/L is piecewise linear with
 * its corners at the strikes, so a grid that missed one drew the corner bevelled (at a 20-point
 * step from 4580 the long put 4670 fell between 4660 and 4680 and the line read -30.95 there,
 * not the -35.95 max loss).
 */
export function payoffPrices(c: CondorChoice, wingWidth: number, increment: number): number[] {
  const half = (PAYOFF_POINTS - 1) / 2;
  const span = c.callLong - c.putLong + 2 * wingWidth;
  const step = Math.max(1, Math.ceil(span / (PAYOFF_POINTS - 1) / increment)) * increment;
  const centre = Math.round((c.putShort + c.callShort) / 2 / increment) * increment;
  let first = centre - half * step;
  if (first <= 0) first = step;
  const grid = Array.from({ length: PAYOFF_POINTS }, (_, i) => roundTo(first + i * step, 1e-9));
  const all = [...grid, c.putLong, c.putShort, c.callShort, c.callLong].sort((a, b) => a - b);
  return all.filter((p, i) => i === 0 || Math.abs(p - all[i - 1]) > 1e-9 * Math.max(1, p));
}

function roundTo(x: number, eps: number): number {
  const r = Math.round(x);
  return Math.abs(x - r) < eps ? r : x;
}

/** Plans the condor block from form values. */
export function planCondor(values: FormValues): PlanResult {
  const read = readCondorInputs(values);
  if (!read.inputs) return { ok: false, errors: read.errors };
  const chosen = chooseCondor(read.inputs);
  if (!chosen.choice) return { ok: false, errors: chosen.errors };
  return { ok: true, plan: layoutCondor(read.inputs, chosen.choice) };
}

/** Lays the block out (exported so tests can plan with known strikes). */
export function layoutCondor(x: CondorInputs, c: CondorChoice): Plan {
  const L = CONDOR_LAYOUT;
  const V = L.valueCol;
  const g = new Grid();
  const inputRef = (name: keyof typeof L.input): Expr => ref(L.input[name], V);

  g.value(0, 0, "SHIELD iron condor", "title");
  g.value(1, 0, "Inputs (edit the yellow cells)", "section");
  const inputRows: Array<[keyof typeof L.input, string, number, string]> = [
    ["spot", "Spot", x.spot, FMT.price],
    ["days", "Days to expiry", x.days, FMT.general],
    ["putVol", "Put-side vol", x.putVol, FMT.vol],
    ["callVol", "Call-side vol", x.callVol, FMT.vol],
    ["rate", "Rate", x.rate, FMT.rate],
    ["yield", "Dividend yield", x.yield, FMT.rate],
    ["quantity", "Quantity (condors)", x.quantity, FMT.general],
    ["multiplier", "Multiplier", x.multiplier, FMT.general],
    ["credit", "Credit received (your fill)", c.credit, FMT.price],
  ];
  for (const [name, label, value, format] of inputRows) {
    g.value(L.input[name], 0, label, "label");
    g.value(L.input[name], V, value, "input", format);
  }
  // How the strikes were chosen (build-time only: editing these does not move the strikes).
  g.value(11, 0, "Built at delta, wing, grid", "label");
  g.value(11, V, x.shortDelta, "note", FMT.general);
  g.value(11, V + 1, x.wingWidth, "note", FMT.general);
  g.value(11, V + 2, x.increment, "note", FMT.general);

  // Legs: type, strike (value), side, signed quantity (follows the quantity cell), vol (follows the side's vol cell).
  g.value(13, 0, "Legs", "section");
  ["Leg", "Type", "Strike", "Side", "Qty", "Vol"].forEach((h, i) => g.value(L.legsHeader, i, h, "header"));
  const legs: Array<[string, string, number, "Long" | "Short", "putVol" | "callVol"]> = [
    ["Long put", "P", c.putLong, "Long", "putVol"],
    ["Short put", "P", c.putShort, "Short", "putVol"],
    ["Short call", "C", c.callShort, "Short", "callVol"],
    ["Long call", "C", c.callLong, "Long", "callVol"],
  ];
  legs.forEach(([name, type, strike, side, vol], i) => {
    const r = L.firstLeg + i;
    g.value(r, 0, name, "label");
    g.value(r, 1, type);
    g.value(r, 2, strike, undefined, strikeFormat(x.increment));
    g.value(r, 3, side);
    g.formula(r, 4, side === "Long" ? inputRef("quantity") : neg(inputRef("quantity")), FMT.general);
    g.formula(r, 5, inputRef(vol), FMT.vol);
  });
  const strike = (i: number) => ref(L.firstLeg + i, 2);
  const strikes = [strike(0), strike(1), strike(2), strike(3)];
  const vols = range(L.firstLeg, 5, 4, 1);
  const market = [inputRef("rate"), inputRef("yield")];
  const credit = inputRef("credit");
  const perPosition = (e: Expr) => mul(e, inputRef("quantity"), inputRef("multiplier"));

  g.value(20, 0, "Analytics (model, live)", "section");
  GREEK_HEADERS.forEach((h, i) => g.value(L.greeksHeader, V + i, h, "header"));
  g.value(L.greeksUnit, 0, "Per unit", "label");
  const greeksHead = { row: L.greeksUnit, col: V };
  g.formula(L.greeksUnit, V, shield("CONDOR_GREEKS", inputRef("spot"), ...strikes, inputRef("days"), vols, ...market), GREEK_UNIT_FORMATS, "output", {
    rows: 1,
    cols: 9,
  });
  // Not all of them are dollars (delta, gamma, vanna, charm are in units of the underlying):
  // the row says "position", and the row under it names each column's unit.
  g.value(L.greeksDollars, 0, "Position (x qty x mult)", "label");
  GREEK_HEADERS.forEach((_, i) => g.formula(L.greeksDollars, V + i, perPosition(spilled(greeksHead, L.greeksUnit, V + i)), GREEK_POSITION_FORMATS[i]));
  g.value(L.greeksUnits, 0, "Position unit", "note");
  GREEK_POSITION_UNITS.forEach((u, i) => g.value(L.greeksUnits, V + i, u, "note"));

  g.value(L.breakevensHeader, V, "Lower", "header");
  g.value(L.breakevensHeader, V + 1, "Upper", "header");
  g.value(L.breakevens, 0, "Breakevens", "label");
  g.formula(L.breakevens, V, shield("BREAKEVEN", ...strikes, credit), FMT.price, "output", { rows: 1, cols: 2 });
  ["Max profit", "Max loss", "Profit / loss"].forEach((h, i) => g.value(L.riskHeader, V + i, h, "header"));
  g.value(L.riskUnit, 0, "Risk per unit", "label");
  g.formula(L.riskUnit, V, shield("CONDOR_RISK", ...strikes, credit), FMT.price, "output", { rows: 1, cols: 3 });
  g.value(L.riskDollars, 0, "Risk, position $", "label");
  const riskHead = { row: L.riskUnit, col: V };
  g.formula(L.riskDollars, V, perPosition(spilled(riskHead, L.riskUnit, V)), FMT.dollars);
  g.formula(L.riskDollars, V + 1, perPosition(spilled(riskHead, L.riskUnit, V + 1)), FMT.dollars);
  g.value(L.pop, 0, "Probability of profit", "label");
  g.formula(L.pop, V, shield("CONDOR_POP", inputRef("spot"), ...strikes, inputRef("days"), vols, credit, ...market), FMT.probability, "output");
  g.value(L.openPl, 0, "Open P/L, position $", "label");
  g.formula(L.openPl, V, perPosition(sub(credit, ref(L.greeksUnit, V))), FMT.dollars, "output");
  // P50 (SPEC's PROB_PROFIT_TARGET, target 0.5) and the time-shifted breakevens BREAKEVEN_AT,
  // daysLeft = days to expiry - the "days forward" input cell (0 at build: the breakevens today).
  g.value(L.p50, 0, "P50 (keep 50% of credit)", "label");
  g.formula(
    L.p50,
    V,
    shield("PROB_PROFIT_TARGET", inputRef("spot"), ...strikes, inputRef("days"), vols, credit, num(P50_TARGET), ...market),
    FMT.probability,
    "output",
  );
  g.value(L.daysForward, 0, "Days forward (breakevens then)", "label");
  g.value(L.daysForward, V, 0, "input", FMT.general);
  g.value(L.breakevensAt, 0, "Breakevens then (Lower, Upper)", "label");
  const daysLeft = sub(inputRef("days"), ref(L.daysForward, V));
  g.formula(L.breakevensAt, V, shield("BREAKEVEN_AT", ...strikes, credit, daysLeft, vols, ...market), FMT.price, "output", { rows: 1, cols: 2 });

  // Payoff: prices (values), P/L per unit at expiry and today (spilled), and in position dollars.
  g.value(L.payoffSection, 0, "Payoff", "section");
  const headers = ["Price", "Expiry P/L / unit", "Today P/L / unit", "Expiry P/L $", "Today P/L $"];
  headers.forEach((h, i) => g.value(L.payoffHeader, i, h, "header"));
  const prices = payoffPrices(c, x.wingWidth, x.increment);
  prices.forEach((p, i) => g.value(L.firstPrice + i, 0, p, undefined, strikeFormat(x.increment)));
  const priceRange = range(L.firstPrice, 0, prices.length, 1);
  const spill = { rows: prices.length, cols: 1 };
  g.formula(L.firstPrice, 1, shield("CONDOR_PAYOFF", ...strikes, credit, priceRange), FMT.price, undefined, spill);
  g.formula(L.firstPrice, 2, shield("CONDOR_PAYOFF", ...strikes, credit, priceRange, inputRef("days"), vols, ...market), FMT.price, undefined, spill);
  prices.forEach((_, i) => {
    g.formula(L.firstPrice + i, 3, perPosition(spilled({ row: L.firstPrice, col: 1 }, L.firstPrice + i, 1)), FMT.dollars);
    g.formula(L.firstPrice + i, 4, perPosition(spilled({ row: L.firstPrice, col: 2 }, L.firstPrice + i, 2)), FMT.dollars);
  });

  const rows = Math.max(g.rows, L.firstPrice + prices.length);
  const cols = L.cols;
  return {
    kind: "condor" as const,
    title: "Condor block",
    rows,
    cols,
    cells: g.cells,
    chart: {
      title: "Condor P/L, position $",
      categories: { row: L.firstPrice, col: 0, rows: prices.length, cols: 1 },
      series: [
        { name: headers[3], range: { row: L.firstPrice, col: 3, rows: prices.length, cols: 1 } },
        { name: headers[4], range: { row: L.firstPrice, col: 4, rows: prices.length, cols: 1 } },
      ],
      source: { row: L.payoffHeader, col: 3, rows: prices.length + 1, cols: 2 },
      placement: { row: 0, col: cols + 1, rows: 20, cols: 8 },
      xTitle: "Price at expiry",
      yTitle: "P/L ($)",
    },
    keyCells: {
      spot: { row: L.input.spot, col: V, label: "Spot" },
      credit: { row: L.input.credit, col: V, label: "Credit received" },
      positionVega: { row: L.greeksDollars, col: V + 4, label: "Position $ vega" },
      pop: { row: L.pop, col: V, label: "Probability of profit" },
      putLong: { row: L.firstLeg, col: 2, label: "Long put" },
      putShort: { row: L.firstLeg + 1, col: 2, label: "Short put" },
      callShort: { row: L.firstLeg + 2, col: 2, label: "Short call" },
      callLong: { row: L.firstLeg + 3, col: 2, label: "Long call" },
      lowerBreakeven: { row: L.breakevens, col: V, label: "Lower breakeven" },
      upperBreakeven: { row: L.breakevens, col: V + 1, label: "Upper breakeven" },
      maxProfit: { row: L.riskDollars, col: V, label: "Max profit $" },
      maxLoss: { row: L.riskDollars, col: V + 1, label: "Max loss $" },
      positionDelta: { row: L.greeksDollars, col: V + 1, label: "Position delta (units)" },
      positionTheta: { row: L.greeksDollars, col: V + 3, label: "Position $ theta / day" },
      openPl: { row: L.openPl, col: V, label: "Open P/L $" },
      p50: { row: L.p50, col: V, label: "P50" },
      daysForward: { row: L.daysForward, col: V, label: "Days forward" },
      lowerBreakevenAt: { row: L.breakevensAt, col: V, label: "Lower breakeven then" },
      upperBreakevenAt: { row: L.breakevensAt, col: V + 1, label: "Upper breakeven then" },
    },
    model: {
      kind: "condor",
      spot: x.spot,
      days: x.days,
      vols: [x.putVol, x.putVol, x.callVol, x.callVol],
      rate: x.rate,
      yield: x.yield,
      quantity: x.quantity,
      multiplier: x.multiplier,
      increment: x.increment,
      strikes: [c.putLong, c.putShort, c.callShort, c.callLong],
      credit: c.credit,
      prices,
    },
  };
}
