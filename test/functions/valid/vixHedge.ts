/** Valid calls of VIX_HEDGE, VIX_CM and VIX_TERM for the robustness property (see valid/v1.ts). */
export const VALID: Record<string, unknown[]> = {
  VIX_HEDGE: [
    -900,
    45,
    16.5,
    [
      ["FUT", 30, 17.4, null, null],
      ["CALL", 60, 18.3, 22.875, 0.95],
      ["ETF", 30, 25, null, 1.5],
    ],
    null,
    0.04,
  ],
  VIX_CM: [
    [
      [23, 17.2],
      [51, 18.1],
      [79, 18.6],
    ],
    30,
  ],
  VIX_TERM: [
    16.5,
    [
      [30, 17.4],
      [60, 18.3],
      [90, 18.9],
    ],
  ],
};

/** VIX_HEDGE echoes each row's instrument, by its canonical name. */
export const TEXT_CELLS: Record<string, readonly string[]> = {
  VIX_HEDGE: ["FUT", "VXM", "CALL", "PUT", "ETF"],
};
