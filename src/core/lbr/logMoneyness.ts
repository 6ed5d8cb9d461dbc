/**
 * x = ln(F/K) without the rounding of the quotient F/K: with r = fl(F/K), the residual
 * F - r K is recovered exactly (Dekker's error-free product by Veltkamp splitting, T. J. Dekker,
 * "A floating-point technique for extending the available precision", Numer. Math. 18 (1971)),
 * and ln(F/K) = ln(r) + ln(1 + (F - rK)/(rK)) ~ ln(r) + (F - rK)/(rK).
 * What remains is the rounding of ln(r) itself: ~half an ulp of x, so an out-of-the-money
 * price keeps the accuracy its own conditioning allows.
 */

const SPLITTER = 134217729; // 2^27 + 1
const SPLIT_LIMIT = 1e290;

/** The rounding error of the product a*b: a*b = fl(a*b) + twoProductError(a, b) exactly. */
function twoProductError(a: number, b: number, p: number): number {
  let c = SPLITTER * a;
  const ah = c - (c - a);
  const al = a - ah;
  c = SPLITTER * b;
  const bh = c - (c - b);
  const bl = b - bh;
  return al * bl - (p - ah * bh - al * bh - ah * bl);
}

/**
 * ln(F/K) to about half an ulp, for positive finite F and K (not validated here).
 * @param forward F > 0.
 * @param strike K > 0.
 * @returns ln(F/K).
 * @example logMoneyness(110, 100); // => 0.09531017980432485 (= ln 1.1)
 */
export function logMoneyness(forward: number, strike: number): number {
  const r = forward / strike;
  const x = Math.log(r);
  if (!(forward < SPLIT_LIMIT && strike < SPLIT_LIMIT && r < SPLIT_LIMIT && forward > 1e-290 && strike > 1e-290)) return x;
  const p = r * strike;
  const residual = forward - p - twoProductError(r, strike, p); // F - r K exactly (Sterbenz + Dekker)
  return x + residual / p;
}
