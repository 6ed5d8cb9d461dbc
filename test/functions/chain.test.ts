/**
 * The option-chain custom functions (IMPLIED_FORWARD, CHAIN_VOLS, SMILE_VOL, VIX_VARIANCE,
 * VIX_INDEX), called by id from the BUILT bundle (dist/functions.js) loaded with no DOM, with
 * arguments shaped as Excel passes them: columns as n x 1 matrices, `null` for an omitted
 * optional, error values in cells as Excel's error objects.
 *
 * Expected values: Cboe's worked example (test/fixtures/published-cases.json "cboeVix",
 * "cboeVixWhitePaper"; quotes in test/fixtures/cboe-vix-example/), and chains priced from known
 * vols with the accurate Black of src/core/black.ts.
 */
import { undiscountedBlack } from "../../src/core/black";
import { expectExcelError, loadBundle, StubExcelError } from "../helpers/bundle";
import { cboeRows, published } from "../core/chain/cboe";

const bundle = loadBundle();
const call = (id: string, ...args: unknown[]) => bundle.call(id, ...args);
const column = (xs: unknown[]) => xs.map((x) => [x]);
const IDS = ["IMPLIED_FORWARD", "CHAIN_VOLS", "SMILE_VOL", "VIX_VARIANCE", "VIX_INDEX"];

/** The five columns of a Cboe term, as Excel passes five n x 1 ranges. */
function cboeColumns(term: "near" | "next"): unknown[][][] {
  const rows = cboeRows(term);
  return [0, 1, 2, 3, 4].map((j) => column(rows.map((r) => r[j])));
}

const { cboeVix, cboeVixWhitePaper } = published;

describe("metadata", () => {
  test("every id is declared, associated and has its help link", () => {
    for (const id of IDS) {
      const f = bundle.metadata.functions.find((x) => x.id === id) as { helpUrl?: string } | undefined;
      expect(f).toBeDefined();
      expect(f?.helpUrl).toBe(`https://localhost:3000/functions.html#${id.toLowerCase()}`);
      expect(bundle.functions.has(id)).toBe(true);
    }
  });
  test("the chain's columns and SMILE_VOL's strike are matrix parameters (one call for the whole range)", () => {
    const dims = (id: string) => Object.fromEntries(bundle.metadata.functions.find((f) => f.id === id)!.parameters.map((p) => [p.name, p.dimensionality]));
    expect(dims("CHAIN_VOLS")).toMatchObject({ strikes: "matrix", callBid: "matrix", callAsk: "matrix", putBid: "matrix", putAsk: "matrix" });
    expect(dims("SMILE_VOL")).toMatchObject({ strikes: "matrix", vols: "matrix", strike: "matrix" });
  });
});

describe("Cboe's worked example through the bundle", () => {
  for (const term of ["near", "next"] as const) {
    const e = cboeVix[term];
    test(`VIX_VARIANCE ${term} term: [${e.variance}, ${e.forward}, ${e.K0}, ${e.strikesUsed}]`, () => {
      const [row] = call("VIX_VARIANCE", ...cboeColumns(term), e.minutes / 1440, e.rate) as number[][];
      expect(Math.abs(row[0] - e.variance)).toBeLessThanOrEqual(cboeVix.tol.variance);
      expect(Math.abs(row[1] - e.forward)).toBeLessThanOrEqual(cboeVix.tol.forward);
      expect(row.slice(2)).toEqual([e.K0, e.strikesUsed]);
    });
    test(`VIX_VARIANCE ${term} term, white paper edition: ${cboeVixWhitePaper[term].variance}`, () => {
      const w = cboeVixWhitePaper[term];
      const [row] = call("VIX_VARIANCE", ...cboeColumns(term), w.minutes / 1440, w.rate) as number[][];
      expect(Math.abs(row[0] - w.variance)).toBeLessThanOrEqual(cboeVixWhitePaper.tol.variance);
    });
  }

  test(`VIX_INDEX of the two VIX_VARIANCE cells: ${cboeVix.vixUnrounded} (printed ${cboeVix.vix})`, () => {
    const v = (term: "near" | "next") => (call("VIX_VARIANCE", ...cboeColumns(term), cboeVix[term].minutes / 1440, cboeVix[term].rate) as number[][])[0][0];
    const vix = call("VIX_INDEX", cboeVix.near.minutes / 1440, v("near"), cboeVix.next.minutes / 1440, v("next"), null) as number;
    expect(Math.abs(vix - cboeVix.vixUnrounded)).toBeLessThanOrEqual(cboeVix.tol.vix);
  });

  test("IMPLIED_FORWARD on the near term's mids: F = 1962.89996 at K* = 1965", () => {
    const rows = cboeRows("near");
    const mid = (b: number, a: number) => (b > 0 ? (b + a) / 2 : "");
    const [[F, K]] = call(
      "IMPLIED_FORWARD",
      column(rows.map((r) => r[0])),
      column(rows.map((r) => mid(r[1], r[2]))),
      column(rows.map((r) => mid(r[3], r[4]))),
      cboeVix.near.minutes / 1440,
      cboeVix.near.rate,
    ) as number[][];
    expect(Math.abs(F - cboeVix.near.forward)).toBeLessThanOrEqual(cboeVix.tol.forward);
    expect(K).toBe(1965);
  });

  test("CHAIN_VOLS on the near term: a column of vols, #N/A only where the OTM side has a zero bid", () => {
    const cols = cboeColumns("near");
    const out = call("CHAIN_VOLS", ...cols, cboeVix.near.minutes / 1440, cboeVix.near.rate, null) as unknown[][];
    const rows = cboeRows("near");
    expect(out).toHaveLength(rows.length);
    rows.forEach((r, i) => {
      const otmBid = r[0] >= cboeVix.near.forward ? r[1] : r[3];
      if (otmBid > 0) expect(typeof out[i][0]).toBe("number");
      else expectExcelError(out[i][0], "#N/A", "CHAIN_VOLS", `at strike ${r[0]}`);
    });
  });
});

describe("shapes and blanks", () => {
  const strikes = [90, 95, 100, 105, 110];
  const callBid = [10.5, 6.3, 2.9, 0.9, 0.2];
  const callAsk = [10.9, 6.6, 3.1, 1.1, 0.3];
  const putBid = [0.3, 1.1, 2.8, 5.8, 10.1];
  const putAsk = [0.4, 1.3, 3.0, 6.1, 10.6];

  test("blank rows after the last strike are blank in CHAIN_VOLS' column", () => {
    const pad = (xs: unknown[]) => column([...xs, "", null]);
    const out = call("CHAIN_VOLS", pad(strikes), pad(callBid), pad(callAsk), pad(putBid), pad(putAsk), 30, null, null) as unknown[][];
    expect(out).toHaveLength(7);
    expect(out.slice(5)).toEqual([[""], [""]]);
    for (const [v] of out.slice(0, 5)) expect(typeof v).toBe("number");
  });

  test("a chain given as rows gives a row", () => {
    const out = call("CHAIN_VOLS", [strikes], [callBid], [callAsk], [putBid], [putAsk], 30, null, null) as unknown[][];
    expect(out).toHaveLength(1);
    expect(out[0]).toHaveLength(5);
  });

  test("SMILE_VOL skips CHAIN_VOLS' #N/A cells and returns the shape of its strike argument", () => {
    const na = new StubExcelError("#N/A", "no quote");
    const vols = column([0.25, na, 0.2, 0.18, ""]);
    const out = call("SMILE_VOL", column(strikes), vols, [[90, 100, 105, 120]], null, null) as unknown[][];
    expect(out).toEqual([[0.25, 0.2, 0.18, 0.18]]);
  });

  test("SMILE_VOL: a bad strike cell is an error in its own cell only", () => {
    const out = call("SMILE_VOL", column([90, 100]), column([0.3, 0.2]), column([95, "x", -1]), null, null) as unknown[][];
    expect(typeof out[0][0]).toBe("number");
    expectExcelError(out[1][0], "#VALUE!", "SMILE_VOL", "strike must be a number");
    expectExcelError(out[2][0], "#VALUE!", "SMILE_VOL", "strike must be a number greater than 0");
  });
});

describe("errors name the function, the argument and the row", () => {
  const s = column([90, 95, 100, 105, 110]);
  const q = (xs: unknown[]) => column(xs);
  const good = [q([10.5, 6.3, 2.9, 0.9, 0.2]), q([10.9, 6.6, 3.1, 1.1, 0.3]), q([0.3, 1.1, 2.8, 5.8, 10.1]), q([0.4, 1.3, 3.0, 6.1, 10.6])];

  test("strikes not ascending: #VALUE!", () => {
    expectExcelError(
      call("VIX_VARIANCE", column([90, 95, 95, 105, 110]), ...good, 30, null),
      "#VALUE!",
      "VIX_VARIANCE",
      "strikes must be strictly ascending",
      "row 3",
    );
  });
  test("columns of different lengths: #VALUE!", () => {
    expectExcelError(
      call("CHAIN_VOLS", s, q([1, 2, 3]), good[1], good[2], good[3], 30, null, null),
      "#VALUE!",
      "CHAIN_VOLS",
      "callBid must have as many cells as strikes (5)",
    );
  });
  test("a negative price: #VALUE!", () => {
    expectExcelError(
      call("CHAIN_VOLS", s, good[0], good[1], q([0.3, -1.1, 2.8, 5.8, 10.1]), good[3], 30, null, null),
      "#VALUE!",
      "CHAIN_VOLS",
      "putBid must be a price of 0 or more at row 2",
      "got -1.1",
    );
  });
  test("text in a number column: #VALUE!", () => {
    expectExcelError(
      call("VIX_VARIANCE", s, good[0], q([10.9, "n/a", 3.1, 1.1, 0.3]), good[2], good[3], 30, null),
      "#VALUE!",
      "VIX_VARIANCE",
      "callAsk must be a price (a number) or empty at row 2",
      '"n/a"',
    );
    expectExcelError(
      call("IMPLIED_FORWARD", column([90, "x"]), column([1, 2]), column([1, 2]), 30, null),
      "#VALUE!",
      "IMPLIED_FORWARD",
      "strikes must be a number at row 2",
    );
  });
  test("negative days: #VALUE!", () => {
    expectExcelError(call("VIX_VARIANCE", s, ...good, -1, null), "#VALUE!", "VIX_VARIANCE", "days must be calendar days");
  });
  test("no usable quote: #NUM! with the reason", () => {
    const none = q(["", "", "", "", ""]);
    expectExcelError(call("CHAIN_VOLS", s, none, none, good[2], good[3], 30, null, null), "#NUM!", "CHAIN_VOLS", "no strike has both a call and a put quote");
    expectExcelError(call("SMILE_VOL", s, q(["", "", "", "", ""]), [[100]], null, null), "#NUM!", "SMILE_VOL", "no vol to read");
  });
  test("a forward no strike brackets: #NUM! with the reason", () => {
    expectExcelError(
      call("IMPLIED_FORWARD", column([90, 100]), column([30, 20]), column([1, 1]), 30, null),
      "#NUM!",
      "IMPLIED_FORWARD",
      "no strike brackets it",
    );
  });
  test("VIX_INDEX: next expiry not after the near one is #VALUE!", () => {
    expectExcelError(call("VIX_INDEX", 30, 0.02, 20, 0.02, null), "#VALUE!", "VIX_INDEX", "nextDays must be more than nearDays");
  });
});

describe("done when: a pasted chain -> CHAIN_VOLS -> SMILE_VOL at the condor's strikes -> CONDOR_GREEKS' 4 vols", () => {
  // A chain priced from a known skew: spot 5000, 30 days, rate 4.5%, yield 1.3%, strikes 4500..5500 by 25,
  // vol(K) = 0.17 - 0.35 ln(K/F) + 0.9 ln(K/F)^2, quoted with a spread around the model price.
  const spot = 5000;
  const days = 30;
  const rate = 0.045;
  const yield_ = 0.013;
  const T = days / 365;
  const F = spot * Math.exp((rate - yield_) * T);
  const df = Math.exp(-rate * T);
  const strikes: number[] = [];
  for (let k = 4500; k <= 5500; k += 25) strikes.push(k);
  const smile = (k: number) => 0.17 - 0.35 * Math.log(k / F) + 0.9 * Math.log(k / F) ** 2;
  const price = (kind: "call" | "put", k: number) => df * undiscountedBlack(F, k, smile(k) * Math.sqrt(T), kind);
  const sheet = strikes.map((k) => {
    const c = price("call", k);
    const p = price("put", k);
    return [k, c - 0.05 * c, c + 0.05 * c, p - 0.05 * p, p + 0.05 * p];
  });
  const col = (j: number) => column(sheet.map((r) => r[j]));
  const condor = [4800, 4850, 5150, 5200];

  test("the vols read at the four strikes give CONDOR_GREEKS the same row as the vols typed in, and a finite credit", () => {
    const vols = call("CHAIN_VOLS", col(0), col(1), col(2), col(3), col(4), days, rate, spot) as unknown[][];
    const legVols = call("SMILE_VOL", col(0), vols, [condor], null, null) as number[][];
    expect(legVols[0]).toHaveLength(4);
    // the condor strikes are quoted, so the smile returns the chain's vols: the generating skew to 1e-10
    legVols[0].forEach((v, i) => expect(Math.abs(v - smile(condor[i]))).toBeLessThan(1e-10));
    const viaChain = call("CONDOR_GREEKS", spot, ...condor, days, legVols, rate, yield_) as number[][];
    const typed = call("CONDOR_GREEKS", spot, ...condor, days, [legVols[0].slice()], rate, yield_) as number[][];
    expect(viaChain).toEqual(typed);
    expect(Number.isFinite(viaChain[0][0])).toBe(true);
    expect(viaChain[0][0]).toBeGreaterThan(0);
    // and against the generating skew typed directly
    const exact = call("CONDOR_GREEKS", spot, ...condor, days, [condor.map(smile)], rate, yield_) as number[][];
    expect(Math.abs(viaChain[0][0] - exact[0][0])).toBeLessThan(1e-8);
  });

  test("the same on Cboe's near-term chain, strikes between quotes, with SVI wings on", () => {
    const cols = cboeColumns("near");
    const d = cboeVix.near.minutes / 1440;
    const vols = call("CHAIN_VOLS", ...cols, d, cboeVix.near.rate, null) as unknown[][];
    const [[fwd]] = call(
      "IMPLIED_FORWARD",
      cols[0],
      cols[0].map((_, i) => [((cols[1][i][0] as number) + (cols[2][i][0] as number)) / 2]),
      cols[0].map((_, i) => [((cols[3][i][0] as number) + (cols[4][i][0] as number)) / 2]),
      d,
      cboeVix.near.rate,
    ) as number[][];
    const strikesIC = [[1852.5], [1902.5], [2012.5], [2062.5]]; // a column this time
    const legVols = call("SMILE_VOL", cols[0], vols, strikesIC, fwd, d) as number[][];
    for (const [v] of legVols) expect(v).toBeGreaterThan(0.05);
    const viaChain = call("CONDOR_GREEKS", fwd, 1852.5, 1902.5, 2012.5, 2062.5, d, legVols, cboeVix.near.rate, cboeVix.near.rate) as number[][];
    const typed = call(
      "CONDOR_GREEKS",
      fwd,
      1852.5,
      1902.5,
      2012.5,
      2062.5,
      d,
      legVols.map((r) => [r[0]]),
      cboeVix.near.rate,
      cboeVix.near.rate,
    ) as number[][];
    expect(viaChain).toEqual(typed);
    expect(Number.isFinite(viaChain[0][0])).toBe(true);
  });
});

describe("SMILE_VOL names the sheet's row when cells are skipped", () => {
  const na = new StubExcelError("#N/A", "no quote");
  test("a vol out of range at row 3 (after a skipped row) says row 3", () => {
    expectExcelError(
      call("SMILE_VOL", column([90, 95, 100]), column([0.2, na, 20]), [[95]], null, null),
      "#VALUE!",
      "SMILE_VOL",
      "vols must be a decimal between 0 and 5",
      "at row 3",
      "got 20",
    );
  });
  test("an error other than #N/A in vols (a broken upstream cell) is #VALUE! naming its row, not skipped", () => {
    // SPEC skips #N/A cells (CHAIN_VOLS' no-quote cells); a #DIV/0! or #NUM! vol is not "no quote",
    // and reading the smile across it would be a silently wrong number.
    for (const code of ["#DIV/0!", "#NUM!", "#VALUE!"]) {
      const bad = new StubExcelError(code, "upstream");
      expectExcelError(
        call("SMILE_VOL", column([90, 95, 100]), column([0.2, bad, 0.18]), [[95]], null, null),
        "#VALUE!",
        "SMILE_VOL",
        "vols must be",
        "at row 2",
      );
    }
  });
  test("strikes out of order at row 3 say row 3", () => {
    expectExcelError(
      call("SMILE_VOL", column([90, 95, 85]), column([0.2, na, 0.2]), [[95]], null, null),
      "#VALUE!",
      "SMILE_VOL",
      "strikes must be strictly ascending (row 3",
    );
  });
});
