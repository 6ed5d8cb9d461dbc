/**
 * One valid call per function of the first release (SPEC.md-style arguments, optional ones
 * omitted as null), for the robustness property. Each area adds its own file beside this one;
 * robustness.test.ts merges every file in this folder.
 */
const column = (values: unknown[]) => values.map((v) => [v]);

export const VALID: Record<string, unknown[]> = {
  EXPECTED_MOVE: [5000, 0.16, 30, null],
  OPTION: ["C", 5000, 5100, 30, 0.2, 0.045, 0.013, "all"],
  STRIKE_FOR_DELTA: ["P", -0.16, 5000, 30, 0.2, 0.045, 0.013, 5],
  PROB_BETWEEN: [5000, 4750, 5250, 30, 0.18, 0.045, 0.013],
  PROB_TOUCH: [5000, 5250, 30, 0.18, 0.045, 0.013],
  IMPLIED_VOL: ["P", 50, 5000, 4900, 30, 0.045, 0.013],
  CONDOR_PRICE: [5000, 4850, 4900, 5100, 5150, 30, [[0.18]], 0.045, 0.013],
  CONDOR_DELTA: [5000, 4850, 4900, 5100, 5150, 30, [[0.18]], null, null],
  CONDOR_GREEKS: [5000, 4850, 4900, 5100, 5150, 30, [[0.2, 0.19, 0.16, 0.15]], 0.045, 0.013],
  BREAKEVEN: [4900, 4950, 5250, 5300, 12.5],
  CONDOR_RISK: [4900, 4950, 5250, 5300, 12.5],
  CONDOR_POP: [5000, 4850, 4900, 5100, 5150, 30, column([0.2, 0.19, 0.16, 0.15]), 30, 0.045, 0.013],
  CONDOR_PAYOFF: [4900, 4950, 5250, 5300, 12.5, column([4800, 5000, 5300, ""]), 10, [[0.2]], 0.045, 0.013],
  POSITION_GREEKS: [
    [
      ["P", 4850, 1, 30, 0.2],
      ["P", 4900, -1, 30, 0.2],
      ["C", 5100, -1, 30, 0.18],
      ["C", 5150, 1, 45, 0.18],
    ],
    5000,
    0.045,
    0.013,
  ],
  VIX_BETA: [60, null, null],
  VIX_CONTANGO: [16.5, 18.3, 60],
  VIX_LAYER_RATIO: [16.5, 18.9, 90, null, null, null, null],
  VIX_LADDER: [
    -900,
    45,
    16.5,
    [
      [30, 17.4],
      [60, 18.3],
      [90, 18.9],
    ],
    null,
    1000,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
  ],
  EMA: [column([1, 2, 3, 4, 5]), 3],
  RSI: [column([44, 44.3, 44.1, 43.6, 44.3, 44.8]), 2],
  MACD: [column([1, 2, 4, 3, 5, 6, 8, 7]), 2, 3, 2],
  AD_LINE: [column([1200, 900]), column([800, 1500])],
  REALIZED_VOL: [column([100, 110, 100, 105]), 2, null],
  OHLC_VOL: [column([100, 101, 99, 100]), column([101, 103, 101, 102]), column([99, 100, 98, 99]), column([100, 102, 100, 101]), 2, "yang-zhang", null],
};
