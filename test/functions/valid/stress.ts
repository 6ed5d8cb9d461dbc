/** A valid call of STRESS for the robustness property (see valid/v1.ts): a condor and a 3-row hedge. */
export const VALID: Record<string, unknown[]> = {
  STRESS: [
    [
      ["P", 4700, 10, 45, 0.21],
      ["P", 4750, -10, 45, 0.2],
      ["C", 5200, -10, 45, 0.15],
      ["C", 5250, 10, 45, 0.145],
    ],
    5000,
    [[-0.05], [0], [0.05]],
    [[-5, 0, 10, 20]],
    7,
    null,
    [
      ["FUT", 30, 17.4, "", "", 2.5, 1000],
      ["CALL", 60, 18.3, 22.875, 0.95, 40, 100],
      ["ETF", 30, 25, "", 1.5, 300, 1],
    ],
    16.5,
    0.045,
    0.013,
  ],
};
