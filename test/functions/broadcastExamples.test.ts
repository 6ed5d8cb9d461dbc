/**
 * docs/examples/broadcast.json through the BUILT bundle: each example's result is what the
 * function returns, rounded to the digits printed (an Excel error code where it errs). The values
 * were checked independently: each element equals the single-cell call (broadcast.test.ts), the
 * deltas and the repriced implied vols with Python 3's statistics.NormalDist (BSM by hand:
 * the vols reprice 19.5, 38.2 and 24.1 to 1e-12).
 */
import examples from "../../docs/examples/broadcast.json";
import { loadBundle, StubExcelError } from "../helpers/bundle";

const bundle = loadBundle();

function matches(got: unknown, want: unknown): boolean {
  if (typeof want === "string") return got instanceof StubExcelError && got.code === want;
  if (typeof want === "number") {
    const digits = (String(want).split(".")[1] ?? "").length;
    return typeof got === "number" && Number(got.toFixed(digits)) === want;
  }
  return false;
}

describe("docs/examples/broadcast.json", () => {
  test.each(examples.examples.map((e) => [`${e.function}: ${e.note}`, e] as const))("%s", (_name, e) => {
    const got = bundle.call(e.function, ...(e.args as unknown[]));
    if (Array.isArray(e.result)) {
      const rows = got as unknown[][];
      expect(rows.length).toBe(e.result.length);
      (e.result as unknown[][]).forEach((row, i) => {
        expect(rows[i].length).toBe(row.length);
        row.forEach((want, j) => expect([i, j, matches(rows[i][j], want)]).toEqual([i, j, true]));
      });
    } else {
      expect(matches(got, e.result)).toBe(true);
    }
  });
});
