/**
 * docs/examples/governance.json through the BUILT bundle: every example's function value rounds
 * to the digits printed (or is the Excel error printed), and, independently of the printed
 * numbers, each HEDGE_SOLVE example leaves the greeks it promises at zero (or, for least
 * squares, a residual orthogonal to every instrument), and each SIGNAL_QUORUM example agrees
 * with the independent persistence formulation.
 */
import * as fs from "fs";
import * as path from "path";
import { loadBundle, StubExcelError } from "../helpers/bundle";
import { quorumReference } from "../helpers/quorumReference";

interface Example {
  function: string;
  args: unknown[];
  result: unknown;
  note?: string;
}

const bundle = loadBundle();
const file = path.join(__dirname, "..", "..", "docs", "examples", "governance.json");
const examples = (JSON.parse(fs.readFileSync(file, "utf8")) as { examples: Example[] }).examples;

/** Decimal places of a printed number (as JSON prints it). */
function decimals(x: number): number {
  const s = String(x);
  if (s.includes("e-")) return Number(s.split("e-")[1]) + (s.split("e-")[0].split(".")[1]?.length ?? 0);
  return s.split(".")[1]?.length ?? 0;
}

function expectCell(actual: unknown, printed: unknown, where: string): void {
  if (typeof printed === "string" && printed.startsWith("#")) {
    expect([where, actual instanceof StubExcelError ? actual.code : actual]).toEqual([where, printed]);
  } else if (typeof printed === "number") {
    expect(typeof actual).toBe("number");
    const err = Math.abs((actual as number) - printed);
    if (!(err <= 0.5 * 10 ** -decimals(printed) * (1 + 1e-9))) expect([where, actual]).toEqual([where, printed]);
  } else expect([where, actual]).toEqual([where, printed]);
}

describe("docs/examples/governance.json", () => {
  examples.forEach((e, n) => {
    test(`${n + 1}. ${e.function}: ${e.note ?? ""}`, () => {
      const value = bundle.call(e.function, ...e.args);
      if (Array.isArray(e.result)) {
        const rows = e.result as unknown[][];
        expect(Array.isArray(value)).toBe(true);
        const got = value as unknown[][];
        expect([got.length, got[0].length]).toEqual([rows.length, rows[0].length]);
        rows.forEach((row, i) => row.forEach((cell, j) => expectCell(got[i][j], cell, `row ${i + 1} column ${j + 1}`)));
      } else expectCell(value, e.result, "value");
    });
  });

  test("every HEDGE_SOLVE example with a result hedges what it says: zero greeks (k >= m) or a residual orthogonal to the instruments (k < m)", () => {
    for (const e of examples.filter((x) => x.function === "HEDGE_SOLVE" && Array.isArray(x.result))) {
      const p = (e.args[0] as number[][])[0];
      const g = e.args[1] as number[][];
      const q = (bundle.call("HEDGE_SOLVE", ...e.args) as number[][]).map((r) => r[0]);
      const left = p.map((pj, j) => pj + g.reduce((s, row, i) => s + q[i] * row[j], 0));
      const scale = p.map((pj, j) => Math.abs(pj) + g.reduce((s, row, i) => s + Math.abs(q[i] * row[j]), 0));
      if (g.length >= p.length) left.forEach((x, j) => expect(Math.abs(x)).toBeLessThanOrEqual(1e-12 * scale[j]));
      else
        g.forEach((row) => {
          const dot = row.reduce((s, gij, j) => s + gij * left[j], 0);
          const size = row.reduce((s, gij, j) => s + Math.abs(gij * scale[j]), 0);
          expect(Math.abs(dot)).toBeLessThanOrEqual(1e-12 * size);
        });
    }
  });

  test("every SIGNAL_QUORUM example with a result agrees with the independent formulation of the rule", () => {
    for (const e of examples.filter((x) => x.function === "SIGNAL_QUORUM" && Array.isArray(x.result))) {
      const votes = e.args[0] as number[][];
      const k = (e.args[1] as number | null) ?? Math.floor(votes[0].length / 2) + 1;
      const persist = (e.args[2] as number | null) ?? 1;
      expect((e.result as number[][]).map((r) => r[0])).toEqual(quorumReference(votes, k, persist));
    }
  });
});
