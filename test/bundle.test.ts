/**
 * The built dist/functions.js loads with no DOM (as in Excel's JavaScript-only runtime) and
 * associates every function that dist/functions.json declares. Per-function calls with the
 * arguments Excel passes live beside each area's tests (test/functions/*.bundle.test.ts).
 */
import * as fs from "fs";
import * as path from "path";
import { distDir, loadBundle } from "./helpers/bundle";

describe("the built custom-functions bundle", () => {
  const bundle = loadBundle();

  test("loads in a context with no DOM globals", () => {
    for (const name of ["window", "document", "self", "navigator", "location"]) {
      expect(bundle.globals).not.toContain(name);
    }
    expect(bundle.functions.size).toBeGreaterThan(0);
  });

  test("associates every id that functions.json declares, and nothing else", () => {
    const declared = bundle.metadata.functions.map((f) => f.id).sort();
    expect([...bundle.functions.keys()].sort()).toEqual(declared);
  });

  test("declares every function in the SHIELD naming style (upper-case id = name)", () => {
    for (const f of bundle.metadata.functions) {
      expect(f.name).toBe(f.id);
      expect(f.id).toMatch(/^[A-Z][A-Z0-9_]*$/);
    }
  });

  test("stays within the 100 KB minified budget", () => {
    const size = fs.statSync(path.join(distDir, "functions.js")).size;
    expect(size).toBeLessThan(100 * 1024);
  });
});

describe("functions.json as Excel reads it", () => {
  const { metadata } = loadBundle();

  test("names parameters as SPEC.md does: `yield`, not the JavaScript-safe `yield_`", () => {
    const names = metadata.functions.flatMap((f) => f.parameters.map((p) => p.name));
    expect(names).toContain("yield");
    for (const name of names) expect(name).toMatch(/^[a-z][A-Za-z0-9]*$/);
  });
});

describe("the bundle where office.js runs outside Excel (the pane's preview)", () => {
  // office.js in a plain browser defines CustomFunctions.associate but no Error type.
  const bundle = loadBundle("officeJsOutsideExcel");

  test("still associates every function", () => {
    expect(bundle.functions.size).toBe(bundle.metadata.functions.length);
  });

  test("answers bad input with an Excel-shaped error value, not a TypeError", () => {
    const error = bundle.call("EXPECTED_MOVE", 5000, 20, 30, null) as { code: string; message: string };
    expect(error).not.toBeInstanceOf(TypeError);
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toBe("SHIELD.EXPECTED_MOVE: vol must be a decimal between 0 and 5 (enter 20% as 0.2); got 20");
  });
});
