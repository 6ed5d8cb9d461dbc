/**
 * One valid call per function of SPEC.md's "Recalibration and hedge governance" and "Time to
 * expiry" sections, for the robustness property (robustness.test.ts merges this folder).
 * DAYS_TO_EXPIRY is called as the property calls every function, with its listed parameters and
 * no invocation object: it then returns its value (see src/functions/time.ts).
 */
const column = (values: unknown[]) => values.map((v) => [v]);

export const VALID: Record<string, unknown[]> = {
  HEDGE_SOLVE: [
    [[0, -5000, -8000]],
    [
      [0.6, 0.5, 2],
      [0.5, 0.8, 1.2],
      [1, 0, 0],
    ],
  ],
  CROSS: [column([-1, 1, 2, -3, -1]), [[0]]],
  ZONE: [column([25, 50, 75, 70]), 30, 70],
  TREND: [column([100, 130, 120, 110, 130]), 2],
  SIGNAL_QUORUM: [
    [
      [1, 1, 0],
      [1, 1, 1],
      [-1, 0, 1],
      [-1, -1, 0],
    ],
    2,
    2,
  ],
  IV_RANK: [column([30, 10, 11, 15, 17, 20]), 6],
  IV_PERCENTILE: [column([30, 10, 11, 15, 17, 20]), 5],
  DAYS_TO_EXPIRY: [46101, "PM", 46094.5],
};
