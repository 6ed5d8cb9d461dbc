/**
 * The per-date quadrature error bound of PROB_PROFIT_TARGET (src/core/timeShift/profitTarget.ts,
 * PANEL_ERROR), from first principles. Run: node scripts/profit-target-bound.js [n] [panelSds]
 *
 * On one date the integrand is f(y) = phi_s(y - c) g(y), phi_s the one-day Gaussian kernel of
 * ln S (sd s) and g = E[u(y + drift + s Z)] with 0 <= u <= 1, so
 *   |g^(i)| <= A_i / s^i,  A_0 = 1, A_i = (1/2) int |He_i(z) phi(z)| dz   (He_i: Hermite polynomials),
 *   |f^(m)(y)| <= s^-(m+1) F_m(z),  F_m(z) = sum_j C(m, j) |He_j(z)| phi(z) A_(m-j)   (Leibniz),
 * and the n-point Gauss-Legendre remainder on a panel of width w is
 *   w^(2n+1) (n!)^4 / ((2n+1) ((2n)!)^3) |f^(2n)(xi)|   (Abramowitz & Stegun 25.4.30).
 * Summed over the panels (width w = panelSds x s, every offset of the grid against the kernel):
 *   error <= c_n (w/s)^(2n) max_offset sum_panels (w/s) sup_panel F_2n.
 */
const n = Number(process.argv[2] ?? 10);
const rho = Number(process.argv[3] ?? 3);

function he(j, z) {
  if (j === 0) return 1;
  let a = 1;
  let b = z;
  for (let k = 1; k < j; k++) [a, b] = [b, z * b - k * a];
  return b;
}
const phi = (z) => Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);
const fact = (k) => (k <= 1 ? 1 : k * fact(k - 1));
const binom = (m, k) => fact(m) / (fact(k) * fact(m - k));

const A = [1];
for (let i = 1; i <= 2 * n; i++) {
  let s = 0;
  const h = 1e-3;
  for (let z = -16; z <= 16; z += h) s += Math.abs(he(i, z)) * phi(z) * h;
  A.push(s / 2);
}
const F = (m, z) => {
  let s = 0;
  for (let j = 0; j <= m; j++) s += binom(m, j) * Math.abs(he(j, z)) * phi(z) * A[m - j];
  return s;
};
const cn = fact(n) ** 4 / ((2 * n + 1) * fact(2 * n) ** 3);
let worst = 0;
for (let off = 0; off < 1; off += 1 / 16) {
  let sum = 0;
  for (let p = -Math.ceil(16 / rho); p <= Math.ceil(16 / rho); p++) {
    const a = (p + off) * rho;
    let sup = 0;
    for (let t = 0; t <= 1; t += 1 / 64) sup = Math.max(sup, F(2 * n, a + t * rho));
    sum += rho * sup;
  }
  worst = Math.max(worst, sum);
}
const bound = cn * rho ** (2 * n) * worst;
console.log(JSON.stringify({ points: n, panelSds: rho, perDateBound: bound }));
