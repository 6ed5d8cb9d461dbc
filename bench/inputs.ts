/**
 * The bench's input grids, shared by the bench sections and by scripts/golden/exact.ts (which
 * computed their exact outputs once into bench/golden/*.json). Yield 0 throughout because the npm
 * peers have none; T = days / 365.
 */
import { undiscountedBlack } from "../src/core/black";

export type Kind = "call" | "put";

export interface OptionInput {
  kind: Kind;
  spot: number;
  strike: number;
  days: number;
  vol: number;
  rate: number;
}

export interface IvInput extends OptionInput {
  /** The double price whose exact implied vol is the reference (made at `vol`, which is only a seed). */
  price: number;
  /** True for the 3/5/8-standard-deviation wings, false for the SPX grid. */
  wing: boolean;
}

export const DAYS = [1, 7, 30, 60, 91, 182, 365];
export const VOLS = [0.12, 0.2, 0.35];

/** SPX-like grid: spot 5000, strikes 4000..6000 by 50, calls and puts, 1 day to 1 year, vols 12/20/35%, rate 4.5%. */
export function optionInputs(): OptionInput[] {
  const out: OptionInput[] = [];
  for (const kind of ["call", "put"] as const) {
    for (let strike = 4000; strike <= 6000; strike += 50) {
      for (const days of DAYS) for (const vol of VOLS) out.push({ kind, spot: 5000, strike, days, vol, rate: 0.045 });
    }
  }
  return out;
}

function ivInput(strike: number, days: number, vol: number, wing: boolean): IvInput {
  const spot = 5000;
  const rate = 0.045;
  const discount = Math.exp((-rate * days) / 365);
  const forward = spot / discount;
  const kind: Kind = strike < forward ? "put" : "call";
  const price = discount * undiscountedBlack(forward, strike, vol * Math.sqrt(days / 365), kind);
  return { kind, price, spot, strike, days, rate, vol, wing };
}

/** Out-of-the-money options as quoted (puts below the forward, calls above), the grid plus wings at 3, 5 and 8 sd. */
export function ivInputs(): IvInput[] {
  const out: IvInput[] = [];
  for (const days of DAYS) {
    for (const vol of VOLS) {
      for (let strike = 4000; strike <= 6000; strike += 50) out.push(ivInput(strike, days, vol, false));
      const sd = vol * Math.sqrt(days / 365);
      for (const z of [-8, -5, -3, 3, 5, 8]) out.push(ivInput(5000 * Math.exp(z * sd), days, vol, true));
    }
  }
  return out.filter((i) => i.price > 0);
}
