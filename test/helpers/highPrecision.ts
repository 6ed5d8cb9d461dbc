/**
 * A slow, obviously-correct high-precision oracle for tests (never used by the add-in).
 *
 * Numbers are BigInt fixed point: a value v is held as round(v * 2^bits). Every function takes
 * `bits` (the working precision) explicitly. Nothing here shares code or constants with
 * src/core: pi comes from Machin's formula, exp/log from their Taylor/atanh series, erf from its
 * Maclaurin series sum_{n>=0} (-1)^n z^(B2+1) / (n! (B2+1)) * 2/sqrt(pi) (A&S 7.1.5), which
 * converges for every z: the alternating terms peak near e^(z^2), so the caller gives enough
 * bits to cover that cancellation (see `bitsForTail`).
 */

export type Fixed = bigint;

// BigInt constants (the project targets below ES2020, so no `1n` literals).
const B0 = BigInt(0);
const B1 = BigInt(1);
const B2 = BigInt(2);
const B3 = BigInt(3);
const B4 = BigInt(4);
const B5 = BigInt(5);
const B16 = BigInt(16);
const B32 = BigInt(32);
const B52 = BigInt(52);
const B64 = BigInt(64);
const B239 = BigInt(239);

/** The exact value of a finite double, as fixed point with `bits` fractional bits (truncated). */
export function fromDouble(x: number, bits: number): Fixed {
  if (!Number.isFinite(x)) throw new Error("finite only");
  if (x === 0) return B0;
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const sign = hi >>> 31 ? -B1 : B1;
  const expBits = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << B32) | BigInt(lo);
  let e: number;
  if (expBits === 0) e = -1074;
  else {
    mant |= B1 << B52;
    e = expBits - 1075;
  }
  const shift = e + bits;
  return sign * (shift >= 0 ? mant << BigInt(shift) : mant >> BigInt(-shift));
}

/** The double nearest a fixed-point value (top 64 bits, then one rounding), subnormals included. */
export function toDouble(v: Fixed, bits: number): number {
  if (v === B0) return 0;
  const neg = v < B0;
  const a = neg ? -v : v;
  const len = a.toString(2).length;
  const keep = 64;
  const top = len > keep ? a >> BigInt(len - keep) : a;
  let k = (len > keep ? len - keep : 0) - bits; // value = top * 2^k
  let r = Number(top);
  while (k > 0) {
    const s = Math.min(k, 1000);
    r *= 2 ** s;
    k -= s;
  }
  while (k < 0) {
    const s = Math.max(k, -1000);
    r *= 2 ** s;
    k -= s;
  }
  return neg ? -r : r;
}

export function one(bits: number): Fixed {
  return B1 << BigInt(bits);
}

export function mul(a: Fixed, b: Fixed, bits: number): Fixed {
  return (a * b) >> BigInt(bits);
}

export function div(a: Fixed, b: Fixed, bits: number): Fixed {
  return (a << BigInt(bits)) / b;
}

export function sqrt(a: Fixed, bits: number): Fixed {
  if (a < B0) throw new Error("sqrt of negative");
  if (a === B0) return B0;
  const n = a << BigInt(bits); // sqrt(a * 2^bits * 2^bits) = sqrt(a/2^bits) * 2^bits
  let x = B1 << BigInt(Math.ceil(n.toString(2).length / 2) + 1);
  for (;;) {
    const y = (x + n / x) >> B1;
    if (y >= x) return x;
    x = y;
  }
}

/** atan(1/m) * 2^bits for an integer m > 1, by its alternating series. */
function atanInv(m: bigint, bits: number): Fixed {
  let term = one(bits) / m;
  const m2 = m * m;
  let sum = B0;
  for (let n = B0; term !== B0; n++) {
    const t = term / (B2 * n + B1);
    sum += n % B2 === B0 ? t : -t;
    term /= m2;
  }
  return sum;
}

const piCache = new Map<number, Fixed>();
/** pi by Machin: pi = 16 atan(1/5) - 4 atan(1/239). */
export function pi(bits: number): Fixed {
  let p = piCache.get(bits);
  if (p === undefined) {
    const g = bits + 32;
    p = (B16 * atanInv(B5, g) - B4 * atanInv(B239, g)) >> B32;
    piCache.set(bits, p);
  }
  return p;
}

/** exp(x) by halving the argument until |x| < 1/2, the Taylor series, then squaring back. */
export function exp(x: Fixed, bits: number): Fixed {
  const g = bits + 64;
  let y = x << B64;
  const half = one(g) >> B1;
  let halvings = 0;
  while ((y < B0 ? -y : y) > half) {
    y >>= B1;
    halvings++;
  }
  const extra = g + halvings * 2 + 8;
  const yy = y << BigInt(extra - g);
  let term = one(extra);
  let sum = term;
  for (let n = B1; term !== B0; n++) {
    term = mul(term, yy, extra) / n;
    sum += term;
  }
  for (let i = 0; i < halvings; i++) sum = mul(sum, sum, extra);
  return sum >> BigInt(extra - bits);
}

/** ln(x) for x > 0: ln(x) = k ln 2 + 2 atanh((m-1)/(m+1)), m = x / 2^k in [1, 2). */
export function log(x: Fixed, bits: number): Fixed {
  if (x <= B0) throw new Error("log of non-positive");
  const g = bits + 64;
  let m = x << B64;
  const o = one(g);
  let k = 0;
  while (m >= B2 * o) {
    m >>= B1;
    k++;
  }
  while (m < o) {
    m <<= B1;
    k--;
  }
  const atanh2 = (u: Fixed): Fixed => {
    // 2 atanh(u) = 2 sum u^(B2+1)/(B2+1)
    const u2 = mul(u, u, g);
    let term = u;
    let sum = B0;
    for (let n = B0; term !== B0; n++) {
      sum += term / (B2 * n + B1);
      term = mul(term, u2, g);
    }
    return B2 * sum;
  };
  const ln2 = atanh2(div(o, B3 * o, g)); // ln 2 = 2 atanh(1/3)
  const r = atanh2(div(m - o, m + o, g));
  return (r + BigInt(k) * ln2) >> B64;
}

/** erf(z) by its Maclaurin series. `bits` must exceed the ~1.45 z^2 bits lost to cancellation. */
export function erf(z: Fixed, bits: number): Fixed {
  const z2 = mul(z, z, bits);
  let a = z; // z^(B2+1)/n!
  let sum = B0;
  for (let n = B0; a !== B0; n++) {
    const t = a / (B2 * n + B1);
    sum += n % B2 === B0 ? t : -t;
    a = mul(a, z2, bits) / (n + B1);
  }
  return div(B2 * sum, sqrt(pi(bits), bits), bits);
}

/** Working bits that keep ~`want` significant bits of Phi(x) or erfc(x/sqrt2) at |x| <= xmax. */
export function bitsForTail(xmax: number, want = 120): number {
  return Math.ceil(1.45 * xmax * xmax) + want + 64;
}

/** Phi(x) = (1 + erf(x / sqrt 2)) / 2 at a fixed-point x. */
export function normCdfFixed(x: Fixed, bits: number): Fixed {
  const s2 = sqrt(B2 * one(bits), bits);
  return (one(bits) + erf(div(x, s2, bits), bits)) >> B1;
}

/** Phi(x) for a double x, rounded once to the nearest double. */
export function normCdfHP(x: number): number {
  const bits = bitsForTail(Math.abs(x));
  return toDouble(normCdfFixed(fromDouble(x, bits), bits), bits);
}

/** erfc(x) = 1 - erf(x) for a double x, rounded once to the nearest double. */
export function erfcHP(x: number): number {
  const bits = bitsForTail(Math.abs(x) * Math.SQRT2);
  return toDouble(one(bits) - erf(fromDouble(x, bits), bits), bits);
}

/** erfcx(x) = exp(x^2) erfc(x) for a double x. */
export function erfcxHP(x: number): number {
  const bits = bitsForTail(Math.abs(x) * Math.SQRT2);
  const X = fromDouble(x, bits);
  return toDouble(mul(exp(mul(X, X, bits), bits), one(bits) - erf(X, bits), bits), bits);
}

/** phi(x) = exp(-x^2/2)/sqrt(2 pi) for a double x. */
export function normPdfHP(x: number): number {
  const bits = 2200;
  const X = fromDouble(x, bits);
  const e = exp(-(mul(X, X, bits) >> B1), bits);
  return toDouble(div(e, sqrt(B2 * pi(bits), bits), bits), bits);
}

/**
 * The undiscounted Black price of a call or put, F Phi(d1) - K Phi(d2) (call) or
 * K Phi(-d2) - F Phi(-d1) (put), d1,2 = ln(F/K)/s +- s/2, with every step in high precision:
 * the subtraction of two nearly equal tiny terms costs nothing here.
 */
/** The undiscounted Black price as a fixed-point value of `bits` fraction bits (blackHP's steps). */
function blackFixed(forward: number, strike: number, stdDev: number, kind: "call" | "put"): { v: bigint; bits: number } {
  const lnFK = Math.abs(Math.log(forward / strike));
  const dmax = lnFK / stdDev + stdDev / 2 + 1;
  const bits = bitsForTail(dmax, 200);
  const F = fromDouble(forward, bits);
  const K = fromDouble(strike, bits);
  const s = fromDouble(stdDev, bits);
  const x = log(div(F, K, bits), bits);
  const d1 = div(x, s, bits) + (s >> B1);
  const d2 = d1 - s;
  const v =
    kind === "call"
      ? mul(F, normCdfFixed(d1, bits), bits) - mul(K, normCdfFixed(d2, bits), bits)
      : mul(K, normCdfFixed(-d2, bits), bits) - mul(F, normCdfFixed(-d1, bits), bits);
  return { v, bits };
}

export function blackHP(forward: number, strike: number, stdDev: number, kind: "call" | "put"): number {
  const { v, bits } = blackFixed(forward, strike, stdDev, kind);
  return toDouble(v, bits);
}

/**
 * ln of the undiscounted Black call price F Phi(d1) - K Phi(d2), for prices far below the
 * smallest double (the fixed-point value keeps ~200 significant bits however small it is).
 */
export function logBlackCallHP(forward: number, strike: number, stdDev: number): number {
  const { v, bits } = blackFixed(forward, strike, stdDev, "call");
  return toDouble(log(v, bits), bits);
}

/** The BSM price and vega (d price / d vol) at a fixed-point vol, everything else exact doubles. */
function bsmFixed(
  kind: "call" | "put",
  spot: number,
  strike: number,
  days: number,
  vol: Fixed,
  rate: number,
  yld: number,
  bits: number,
): { price: Fixed; vega: Fixed } {
  const o = one(bits);
  const T = div(fromDouble(days, bits), BigInt(365) * o, bits);
  const S = fromDouble(spot, bits);
  const K = fromDouble(strike, bits);
  const Dr = exp(-mul(fromDouble(rate, bits), T, bits), bits);
  const Dq = exp(-mul(fromDouble(yld, bits), T, bits), bits);
  const F = div(mul(S, Dq, bits), Dr, bits);
  const sqrtT = sqrt(T, bits);
  const sd = mul(vol, sqrtT, bits);
  const d1 = div(log(div(F, K, bits), bits), sd, bits) + (sd >> B1);
  const d2 = d1 - sd;
  const undiscounted =
    kind === "call"
      ? mul(F, normCdfFixed(d1, bits), bits) - mul(K, normCdfFixed(d2, bits), bits)
      : mul(K, normCdfFixed(-d2, bits), bits) - mul(F, normCdfFixed(-d1, bits), bits);
  const pdf = div(exp(-(mul(d1, d1, bits) >> B1), bits), sqrt(B2 * pi(bits), bits), bits);
  return { price: mul(Dr, undiscounted, bits), vega: mul(mul(mul(S, Dq, bits), pdf, bits), sqrtT, bits) };
}

/**
 * The exact implied vol of a double price (every input taken as the exact value of its double,
 * T = days / 365 exactly), by Newton's method in fixed point from a guess good to a few digits,
 * with the condition number kappa = P / (vol dP/dvol) at the solution. `dmax` bounds |d1| and
 * |d2| near the solution (it sets the working precision). Returns null when Newton does not
 * settle (the guess too far off): the caller then has no oracle for that case.
 */
export function impliedVolHP(
  kind: "call" | "put",
  price: number,
  spot: number,
  strike: number,
  days: number,
  rate: number,
  yld: number,
  guess: number,
  dmax: number,
): { vol: number; kappa: number } | null {
  const bits = bitsForTail(dmax + 2, 160);
  const P = fromDouble(price, bits);
  let v = fromDouble(guess, bits);
  const tol = one(bits) >> BigInt(130);
  for (let i = 0; i < 40; i++) {
    const { price: p, vega } = bsmFixed(kind, spot, strike, days, v, rate, yld, bits);
    if (vega <= B0) return null;
    let step = div(p - P, vega, bits);
    // Keep the vol positive (halve the way to 0 at most).
    if (step >= v) step = v >> B1;
    v -= step;
    if ((step < B0 ? -step : step) <= tol) {
      const { price: p2, vega: vega2 } = bsmFixed(kind, spot, strike, days, v, rate, yld, bits);
      const kappa = toDouble(p2, bits) / (toDouble(v, bits) * toDouble(vega2, bits));
      return { vol: toDouble(v, bits), kappa };
    }
  }
  return null;
}

/**
 * All nine BSM outputs in SPEC units, each evaluated in fixed point from its closed form (Haug 2007,
 * ch. 2, as bsm.ts's table) and rounded once: an oracle for how well the doubles evaluate the same
 * formulas (which bsm.test.ts checks against finite differences of the price). Inputs are the
 * exact values of their doubles, T = days / 365 exactly.
 */
export function bsmGreeksHP(
  kind: "call" | "put",
  spot: number,
  strike: number,
  days: number,
  vol: number,
  rate: number,
  yld: number,
): Record<"price" | "delta" | "gamma" | "theta" | "vega" | "rho" | "vanna" | "charm" | "vomma", number> {
  const T0 = days / 365;
  const sd0 = (vol * Math.sqrt(days)) / Math.sqrt(365);
  const dmax = Math.abs(Math.log(spot / strike) + (rate - yld) * T0) / sd0 + sd0 + 2;
  const scaleBits = Math.ceil(Math.abs(Math.log2(days)) + Math.abs(Math.log2(spot)) + Math.abs(Math.log2(strike))) + 64;
  const bits = bitsForTail(Math.min(dmax, 40), 200) + scaleBits + 1150; // room for subnormal results
  const o = one(bits);
  const T = div(fromDouble(days, bits), BigInt(365) * o, bits);
  const S = fromDouble(spot, bits);
  const K = fromDouble(strike, bits);
  const v = fromDouble(vol, bits);
  const r = fromDouble(rate, bits);
  const q = fromDouble(yld, bits);
  const Dr = exp(-mul(r, T, bits), bits);
  const Dq = exp(-mul(q, T, bits), bits);
  const sqrtT = sqrt(T, bits);
  const sd = mul(v, sqrtT, bits);
  const lnSK = log(div(S, K, bits), bits);
  const d1 = div(lnSK + mul(r - q + (mul(v, v, bits) >> B1), T, bits), sd, bits);
  const d2 = d1 - sd;
  const sign = kind === "call" ? B1 : -B1;
  const N1 = normCdfFixed(sign * d1, bits);
  const N2 = normCdfFixed(sign * d2, bits);
  const pdf = div(exp(-(mul(d1, d1, bits) >> B1), bits), sqrt(B2 * pi(bits), bits), bits);
  const price = sign * (mul(mul(S, Dq, bits), N1, bits) - mul(mul(K, Dr, bits), N2, bits));
  const delta = sign * mul(Dq, N1, bits);
  const gamma = div(mul(Dq, pdf, bits), mul(S, sd, bits), bits);
  const vega1 = mul(mul(mul(S, Dq, bits), pdf, bits), sqrtT, bits);
  const carry = sign * (mul(mul(mul(q, S, bits), Dq, bits), N1, bits) - mul(mul(mul(r, K, bits), Dr, bits), N2, bits));
  const theta1 = -div(mul(mul(mul(S, Dq, bits), pdf, bits), v, bits), B2 * sqrtT, bits) + carry;
  const rho1 = sign * mul(mul(mul(K, T, bits), Dr, bits), N2, bits);
  const vanna1 = -div(mul(mul(Dq, pdf, bits), d2, bits), v, bits);
  const dd1dT = div(r - q, sd, bits) - div(d2, B2 * T, bits);
  const charm1 = sign * mul(mul(q, Dq, bits), N1, bits) - mul(mul(Dq, pdf, bits), dd1dT, bits);
  const vomma1 = div(mul(mul(vega1, d1, bits), d2, bits), v, bits);
  const d = (x: Fixed) => toDouble(x, bits);
  return {
    price: d(price),
    delta: d(delta),
    gamma: d(gamma),
    theta: d(theta1) / 365,
    vega: d(vega1) / 100,
    rho: d(rho1) / 100,
    vanna: d(vanna1) / 100,
    charm: d(charm1) / 365,
    vomma: d(vomma1) / 10000,
  };
}
