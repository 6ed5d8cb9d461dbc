/** One valid call per function of the option chain (SPEC.md "The option chain"), for the robustness property. */
const column = (values: unknown[]) => values.map((v) => [v]);

const strikes = column([90, 95, 100, 105, 110]);
const callBid = column([10.5, 6.3, 2.9, 0.9, 0.2]);
const callAsk = column([10.9, 6.6, 3.1, 1.1, 0.3]);
const putBid = column([0.3, 1.1, 2.8, 5.8, 10.1]);
const putAsk = column([0.4, 1.3, 3.0, 6.1, 10.6]);

export const VALID: Record<string, unknown[]> = {
  IMPLIED_FORWARD: [strikes, column([10.7, 6.45, 3.0, 1.0, 0.25]), column([0.35, 1.2, 2.9, 5.95, 10.35]), 30, 0.045],
  CHAIN_VOLS: [strikes, callBid, callAsk, putBid, putAsk, 30, 0.045, 99.8],
  SMILE_VOL: [strikes, column([0.24, 0.22, 0.2, 0.19, 0.19]), [[92, 101, 120]], 100, 30],
  VIX_VARIANCE: [strikes, callBid, callAsk, putBid, putAsk, 30, 0.045],
  VIX_INDEX: [23.95, 0.0192, 31.22, 0.0194, null],
};
