/**
 * The normal quantile by Wichura's AS241, the rational approximation behind inverseNormCdf
 * (src/core/normal.ts), kept in its own file so the implied-vol initial guess can use it without
 * the refinement step.
 */

// Wichura AS241 (PPND16) coefficients.
const PA = [
  3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125, 45921.953931549871457, 67265.770927008700853,
  33430.575583588128105, 2509.0809287301226727,
];
const PB = [
  1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867, 39307.89580009271061, 28729.085735721942674,
  5226.495278852854561,
];
const PC = [
  1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504, 1.27045825245236838258, 0.24178072517745061177,
  0.0227238449892691845833, 7.7454501427834140764e-4,
];
const PD = [
  1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459, 0.0151986665636164571966, 5.475938084995344946e-4,
  1.05075007164441684324e-9,
];
const PE = [
  6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123, 0.026532189526576123093, 0.0012426609473880784386,
  2.71155556874348757815e-5, 2.01033439929228813265e-7,
];
const PF = [
  1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4, 1.8463183175100546818e-5, 1.4215117583164458887e-7,
  2.04426310338993978564e-15,
];

function poly7(c: number[], x: number): number {
  return ((((((c[7] * x + c[6]) * x + c[5]) * x + c[4]) * x + c[3]) * x + c[2]) * x + c[1]) * x + c[0];
}

/**
 * Wichura's AS241 (PPND16) for 0 < p <= 1/2: the normal quantile to ~1e-16 relative, unrefined
 * (inverseNormCdf in normal.ts adds a Halley step; the implied-vol guess uses this directly).
 * Source: M. J. Wichura, "Algorithm AS 241: The percentage points of the normal distribution",
 * Applied Statistics 37 (1988) 477-484 (coefficients of PPND16). Inputs are not validated.
 * @param p a probability in (0, 1/2].
 * @returns x <= 0 with Phi(x) ~ p.
 * @example ppnd16Lower(0.025); // => -1.9599639845400538
 */
export function ppnd16Lower(p: number): number {
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * poly7(PA, r)) / poly7(PB, r);
  }
  let r = Math.sqrt(-Math.log(p));
  if (r <= 5) {
    r -= 1.6;
    return -poly7(PC, r) / poly7(PD, r);
  }
  r -= 5;
  return -poly7(PE, r) / poly7(PF, r);
}
