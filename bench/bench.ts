/**
 * `npm run bench`: SHIELD's core side by side with the npm peers on the same inputs. Each
 * section prints its own table; run on an otherwise idle machine for stable numbers.
 */
import { sink } from "./harness";

const sections: Array<[string, () => Promise<{ run(): void }>]> = [
  // Each area adds its section file here: bench/<area>.ts exporting `run()`.
  ["signals", () => import("./signals")],
  ["options: BSM price and greeks", () => import("./options")],
  ["implied vol", () => import("./impliedVol")],
  ["stress", () => import("./stress").then((m) => ({ run: m.runStress }))],
  ["option chain", () => import("./chain")],
  ["governance and time", () => import("./governance")],
  ["time-shift: BREAKEVEN_AT and the P50", () => import("./timeShift")],
];

async function main(): Promise<void> {
  console.log(`SHIELD bench on Node ${process.version}, one thread`);
  for (const [name, load] of sections) {
    console.log(`\n=== ${name} ===`);
    (await load()).run();
  }
  if (Number.isNaN(sink)) console.log("(sink)");
}

void main();
