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
