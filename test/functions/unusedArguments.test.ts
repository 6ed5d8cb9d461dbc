/**
 * Issue #15 item 5: every argument a user typed is validated, used or not. CONDOR_PAYOFF at
 * expiry (daysLeft omitted or 0) does not use vol, rate or yield, yet a bad one is the same
 * mistake it would be a day before expiry: #VALUE! naming it, as a bad rate already was.
 * (An audit of every function, each argument of its valid call replaced by "bad", [["bad"]],
 * 1e308 and -1e308, found no other argument that goes unchecked when it plays no part.)
 */
import { loadBundle, expectExcelError } from "../helpers/bundle";

const bundle = loadBundle();
const column = (xs: unknown[]) => xs.map((x) => [x]);
const payoff = (daysLeft: unknown, vol: unknown, rate: unknown, yield_: unknown) =>
  bundle.call("CONDOR_PAYOFF", 4900, 4950, 5250, 5300, 12.5, column([4800, 5000]), daysLeft, vol, rate, yield_);

describe("CONDOR_PAYOFF at expiry checks the arguments it does not use", () => {
  test.each([null, 0, ""])('daysLeft %p: a vol of "bad", 20 or a 2-cell range is #VALUE! naming vol', (daysLeft) => {
    expectExcelError(payoff(daysLeft, "bad", null, null), "#VALUE!", "CONDOR_PAYOFF", 'vol must be a number; got "bad"');
    expectExcelError(payoff(daysLeft, [["bad"]], null, null), "#VALUE!", "CONDOR_PAYOFF", 'vol must be a number; got "bad"');
    expectExcelError(payoff(daysLeft, [[20]], null, null), "#VALUE!", "CONDOR_PAYOFF", "vol must be a decimal between 0 and 5", "got 20");
    expectExcelError(payoff(daysLeft, [[0.2, 0.2]], null, null), "#VALUE!", "CONDOR_PAYOFF", "vol must be one vol or four");
  });

  test('a yield of 1e308 or a rate of 5 is #VALUE!, as a rate of "abc" already was', () => {
    expectExcelError(payoff(0, null, null, 1e308), "#VALUE!", "CONDOR_PAYOFF", "yield must be a decimal between -1 and 1", "got 1e+308");
    expectExcelError(payoff(null, [[0.2]], 5, null), "#VALUE!", "CONDOR_PAYOFF", "rate must be a decimal between -1 and 1", "got 5");
    expectExcelError(payoff(null, null, "abc", null), "#VALUE!", "CONDOR_PAYOFF", 'rate must be a number; got "abc"');
  });

  test("valid unused arguments change nothing: the expiry P/L (credit 12.5; 4800 is below the put wing: 12.5 - 50)", () => {
    expect(payoff(0, [[0.2]], 0.045, 0.013)).toEqual([[-37.5], [12.5]]);
    expect(payoff(null, null, null, null)).toEqual([[-37.5], [12.5]]);
  });
});
