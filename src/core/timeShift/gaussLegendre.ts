/**
 * Gauss-Legendre quadrature on [0, 1]: the n nodes are the roots of the Legendre polynomial P_n
 * (mapped from [-1, 1]), found by Newton's method from the Tricomi-type guess
 * cos(pi (i - 1/4) / (n + 1/2)); the weights are 2 / ((1 - x^2) P_n'(x)^2), halved for [0, 1]
 * (Abramowitz & Stegun 25.4.29). Exact for polynomials of degree up to 2n - 1.
 *
 * @example gaussLegendre(2) // => { nodes: [0.2113..., 0.7886...], weights: [0.5, 0.5] }
 */
export interface QuadratureRule {
  /** Nodes in (0, 1), ascending. */
  nodes: number[];
  /** Weights, summing to 1. */
  weights: number[];
}

const cache = new Map<number, QuadratureRule>();

export function gaussLegendre(n: number): QuadratureRule {
  const hit = cache.get(n);
  if (hit) return hit;
  const nodes: number[] = [];
  const weights: number[] = [];
  for (let i = 1; i <= n; i++) {
    let x = Math.cos((Math.PI * (i - 0.25)) / (n + 0.5));
    let dp = 1;
    for (let iter = 0; iter < 100; iter++) {
      // P_n(x) and P_n'(x) by the three-term recurrence.
      let p0 = 1;
      let p1 = x;
      for (let k = 2; k <= n; k++) {
        const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      dp = (n * (x * p1 - p0)) / (x * x - 1);
      const dx = p1 / dp;
      x -= dx;
      if (Math.abs(dx) < 1e-16) break;
    }
    nodes.push((1 - x) / 2); // ascending on [0, 1] as i grows (x descends)
    weights.push(1 / ((1 - x * x) * dp * dp));
  }
  const rule = { nodes, weights };
  cache.set(n, rule);
  return rule;
}
