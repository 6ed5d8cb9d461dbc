/**
 * test/fixtures/published-cases.json is the project's copy of the team's reference file
 * ../shared/reference/published-cases.json (published option values, each with its source), so
 * that a clone anywhere runs the tests. Where the shared original sits beside the repo (as in
 * CI), the copy must be identical to it.
 */
import * as fs from "fs";
import * as path from "path";

const copy = path.join(__dirname, "fixtures", "published-cases.json");
const original = path.join(__dirname, "..", "..", "shared", "reference", "published-cases.json");

describe("test/fixtures/published-cases.json", () => {
  test("holds published cases, each with its source", () => {
    const cases = JSON.parse(fs.readFileSync(copy, "utf8"));
    const all = [...cases.options, ...cases.greeks, ...cases.impliedVol, ...cases.probabilities, ...cases.condorArithmetic];
    expect(all.length).toBeGreaterThan(20);
    for (const c of all) expect(typeof c.source).toBe("string");
  });

  (fs.existsSync(original) ? test : test.skip)("is identical to ../shared/reference/published-cases.json", () => {
    expect(fs.readFileSync(copy, "utf8")).toBe(fs.readFileSync(original, "utf8"));
  });
});
