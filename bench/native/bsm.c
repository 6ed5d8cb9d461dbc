/*
 * The bench's native baseline (SPEC.md "Quality bars"): a plain C Black-Scholes-Merton price and
 * its nine outputs (price, delta, gamma, theta, vega, rho, vanna, charm, vomma, SPEC.md units,
 * the formulas of src/core/bsm.ts's table) with libm's erfc for N(x) = erfc(-x / sqrt 2) / 2.
 * No accuracy tricks: this is the straightforward code a C programmer would write.
 *
 * Usage: bsm <inputs.bin> <calls>
 *   inputs.bin: doubles, 7 per option (sign +1 call / -1 put, spot, strike, days, vol, rate, yield),
 *   written by bench/native.ts from the same grid the TypeScript core is timed on.
 * Prints one line: "<ns per price+9 outputs> <ns per price alone> <checksum>": one timed batch
 * of <calls> calls each, cycling over the inputs, after one untimed warm-up batch of each
 * (clock_gettime, CLOCK_MONOTONIC). The bench runs one process per interleaved round, so that
 * the C batch is timed beside the TypeScript batches of the same round and of the same size.
 * Built by the bench with `cc -O2 bsm.c -lm`.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef struct {
  double price, delta, gamma, theta, vega, rho, vanna, charm, vomma;
} Greeks;

static const double INV_SQRT_2PI = 0.39894228040143267794;

static double cdf(double x) { return 0.5 * erfc(-x * M_SQRT1_2); }

static void greeks(const double *in, Greeks *g) {
  const double s = in[0], S = in[1], K = in[2], days = in[3], vol = in[4], r = in[5], q = in[6];
  const double T = days / 365.0, sqrtT = sqrt(T), sd = vol * sqrtT;
  const double Dr = exp(-r * T), Dq = exp(-q * T), F = S * Dq / Dr;
  const double d1 = log(F / K) / sd + 0.5 * sd, d2 = d1 - sd;
  const double pdf = INV_SQRT_2PI * exp(-0.5 * d1 * d1);
  const double Nd1 = cdf(s * d1), Nd2 = cdf(s * d2);
  const double spotPdf = S * Dq * pdf, vega1 = spotPdf * sqrtT;
  g->price = s * Dr * (F * Nd1 - K * Nd2);
  g->delta = s * Dq * Nd1;
  g->gamma = Dq * pdf / (S * sd);
  g->theta = (-spotPdf * vol / (2 * sqrtT) + s * (q * S * Dq * Nd1 - r * K * Dr * Nd2)) / 365.0;
  g->vega = vega1 / 100.0;
  g->rho = s * K * T * Dr * Nd2 / 100.0;
  g->vanna = -Dq * pdf * d2 / vol / 100.0;
  g->charm = (s * q * Dq * Nd1 - Dq * pdf * ((r - q) / sd - d2 / (2 * T))) / 365.0;
  g->vomma = vega1 * d1 * d2 / vol / 10000.0;
}

static double price(const double *in) {
  const double s = in[0], S = in[1], K = in[2], T = in[3] / 365.0, vol = in[4], r = in[5], q = in[6];
  const double sd = vol * sqrt(T), Dr = exp(-r * T), F = S * exp(-q * T) / Dr;
  const double d1 = log(F / K) / sd + 0.5 * sd;
  return s * Dr * (F * cdf(s * d1) - K * cdf(s * (d1 - sd)));
}

static double now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e9 + t.tv_nsec;
}

int main(int argc, char **argv) {
  if (argc < 3) return 2;
  FILE *f = fopen(argv[1], "rb");
  if (!f) return 3;
  fseek(f, 0, SEEK_END);
  const long bytes = ftell(f);
  fseek(f, 0, SEEK_SET);
  const long n = bytes / (7 * sizeof(double));
  double *in = malloc(bytes);
  if (!in || fread(in, 1, bytes, f) != (size_t)bytes) return 4;
  fclose(f);
  const long calls = atol(argv[2]);
  volatile double sink = 0;
  Greeks g;
  double all[2], pr[2];
  for (int b = 0; b < 2; b++) {
    double t0 = now_ns(), acc = 0;
    for (long i = 0; i < calls; i++) {
      greeks(in + 7 * (i % n), &g);
      acc += g.price + g.delta + g.gamma + g.theta + g.vega + g.rho + g.vanna + g.charm + g.vomma;
    }
    all[b] = (now_ns() - t0) / calls;
    sink += acc;
    t0 = now_ns();
    acc = 0;
    for (long i = 0; i < calls; i++) acc += price(in + 7 * (i % n));
    pr[b] = (now_ns() - t0) / calls;
    sink += acc;
  }
  printf("%.3f %.3f %.17g\n", all[1], pr[1], (double)sink);
  free(in);
  return 0;
}
