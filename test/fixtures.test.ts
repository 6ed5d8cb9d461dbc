/**
 * test/fixtures/ holds the project's copy of the team's reference files in
 * ../shared/reference/ (published-cases.json: published values, each with its source; the Cboe
 * VIX worked example's quotes in cboe-vix-example/), so that a clone anywhere runs the tests.
 * Where the shared originals sit beside the repo (as in CI), each copy must be identical to its
 * original; where they do not, the comparison says so by its name instead of skipping silently.
 */
import * as fs from "fs";
import * as path from "path";

const fixtures = path.join(__dirname, "fixtures");
const shared = path.join(__dirname, "..", "..", "shared", "reference");
const VENDORED = ["published-cases.json", "cboe-vix-example/near-term.tsv", "cboe-vix-example/next-term.tsv"];

describe("test/fixtures/published-cases.json", () => {
  test("holds published cases, each with its source", () => {
    const cases = JSON.parse(fs.readFileSync(path.join(fixtures, "published-cases.json"), "utf8"));
    const all = [
      ...cases.options,
      ...cases.greeks,
      ...cases.impliedVol,
      ...cases.probabilities,
      ...cases.condorArithmetic,
      ...cases.hedgeSolve,
      ...cases.ivRank,
    ];
    expect(all.length).toBeGreaterThan(20);
    for (const c of all) expect(typeof c.source).toBe("string");
  });
});

describe("the vendored reference files equal ../shared/reference", () => {
  const present = fs.existsSync(shared);
  for (const file of VENDORED) {
    if (present) {
      test(`${file} is identical to ../shared/reference/${file}`, () => {
        expect(fs.readFileSync(path.join(fixtures, file), "utf8")).toBe(fs.readFileSync(path.join(shared, file), "utf8"));
      });
    } else {
      test(`${file}: not compared, ../shared/reference is not beside this clone (the vendored copy is used as is)`, () => {
        expect(fs.existsSync(path.join(fixtures, file))).toBe(true);
      });
    }
  }
});
