/** One valid call per function of SPEC.md's "Stress and time-shift" section that this area owns (BREAKEVEN_AT, PROB_PROFIT_TARGET). */
export const VALID: Record<string, unknown[]> = {
  BREAKEVEN_AT: [4850, 4900, 5100, 5150, 30, 10, [[0.18]], 0.045, 0.013],
  PROB_PROFIT_TARGET: [5000, 4850, 4900, 5100, 5150, 8, [[0.2, 0.19, 0.16, 0.15]], 12, 0.5, 0.045, 0.013],
};
