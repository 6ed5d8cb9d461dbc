/** Runs a docs/examples/<area>.json file through the built bundle (test/helpers/bundle.ts). */
import * as fs from "fs";
import { StubExcelError, type LoadedBundle } from "./bundle";

/** Runs an examples file: each result is the value the function rounds to (the digits printed), or its error code. */
export function checkExamples(bundle: LoadedBundle, file: string): void {
  const { examples } = JSON.parse(fs.readFileSync(file, "utf8")) as { examples: Array<{ function: string; args: unknown[]; result: unknown }> };
  const same = (got: unknown, want: unknown): void => {
    if (Array.isArray(want)) {
      expect(Array.isArray(got)).toBe(true);
      expect((got as unknown[]).length).toBe(want.length);
      want.forEach((w, i) => same((got as unknown[])[i], w));
    } else if (typeof want === "number") {
      expect(typeof got).toBe("number");
      const digits = (String(want).split(".")[1] ?? "").length;
      expect(Number((got as number).toFixed(digits))).toBe(want);
    } else if (typeof want === "string" && want.startsWith("#")) {
      expect(got).toBeInstanceOf(StubExcelError);
      expect((got as StubExcelError).code).toBe(want);
    } else {
      expect(got).toEqual(want);
    }
  };
  for (const e of examples) same(bundle.call(e.function, ...e.args), e.result);
}

