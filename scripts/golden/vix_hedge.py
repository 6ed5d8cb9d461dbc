"""
Golden values for VIX_HEDGE, VIX_CM and VIX_TERM, from SPEC.md's formulas evaluated with mpmath
at 40 digits (an oracle that shares no code with src/core).

Run: python3 scripts/golden/vix_hedge.py   (rewrites test/core/fixtures/vix-hedge-golden.json)

Conventions (SPEC.md): T = days/365; Black-76 on future F: D = e^{-rT},
value = D (F N(d1) - K N(d2)), delta_F = D N(d1) (put: -D N(-d1)),
theta per calendar day = (-D F n(d1) vol / (2 sqrt T) + r value) / 365.
ALVH: beta_iv = min(1.5, sqrt(30/positionDays)); beta(d) = min(1, 0.5 sqrt(30/d));
ratio = clamp(1 + 3 (0.05 - (F/spot - 1) 30/d), 0.7, 1.3);
units = -vega beta_iv w ratio / sensitivity.
"""
import json
import os
from mpmath import mp, mpf, sqrt, exp, log, ncdf, npdf

mp.dps = 40


def black76(kind, F, K, days, vol, r):
    T = mpf(days) / 365
    sd = vol * sqrt(T)
    D = exp(-r * T)
    d1 = log(F / K) / sd + sd / 2
    d2 = d1 - sd
    if kind == "CALL":
        v = D * (F * ncdf(d1) - K * ncdf(d2))
        delta = D * ncdf(d1)
    else:
        v = D * (K * ncdf(-d2) - F * ncdf(-d1))
        delta = -D * ncdf(-d1)
    theta = (-D * F * npdf(d1) * vol / (2 * sqrt(T)) + r * v) / 365
    return v, delta, theta


def beta(d):
    return min(mpf(1), mpf("0.5") * sqrt(mpf(30) / d))


def ratio(spot, F, d):
    s = (F / spot - 1) * 30 / d
    return min(mpf("1.3"), max(mpf("0.7"), 1 + 3 * (mpf("0.05") - s)))


def cm(curve, d):
    """Flat beyond the ends, Cboe's weights between (SPEC's F_d)."""
    curve = sorted(curve)
    if d <= curve[0][0]:
        return curve[0][1]
    if d >= curve[-1][0]:
        return curve[-1][1]
    for (n1, f1), (n2, f2) in zip(curve, curve[1:]):
        if n1 <= d <= n2:
            w = (n2 - d) / (n2 - n1)
            return w * f1 + (1 - w) * f2


def hedge(vega, pdays, spot, layers, weights, r):
    biv = min(mpf("1.5"), sqrt(mpf(30) / pdays))
    total = sum(weights)
    curve = [(mpf(l[1]), mpf(l[2])) for l in layers if l[0] != "ETF"]
    out = []
    for l, w in zip(layers, weights):
        inst, d, p = l[0], mpf(l[1]), mpf(l[2])
        b = beta(d)
        num = -vega * biv * (w / total)
        if inst in ("FUT", "VXM"):
            mult = 1000 if inst == "FUT" else 100
            rt = ratio(spot, p, d)
            units = num * rt / (b * mult)
            prem, cost, carry = 0, 0, units * mult * (spot - p) / d
        elif inst in ("CALL", "PUT"):
            K, vol = mpf(l[3]), mpf(l[4])
            rt = ratio(spot, p, d)
            v, delta, theta = black76(inst, p, K, d, vol, r)
            units = num * rt / (delta * b * 100)
            prem, cost = v, units * v * 100
            carry = units * 100 * (theta + delta * (spot - p) / d)
        else:
            lev = mpf(l[4])
            Fd = cm(curve, d) if curve else spot
            rt = ratio(spot, Fd, d)
            units = num * rt / (lev * p * b / Fd)
            prem, cost = p, units * p
            carry = units * p * lev * (spot - Fd) / (d * Fd)
        out.append([float(units), float(prem), float(cost), float(carry)])
    return out


cases = {}
# The worked example of docs/vix-hedge.md: -900 $/vol pt, 45-day position, VIX 16.5, rate 0.04;
# 30-day VX at 17.4, a 60-day VIX call 25% out of the money on the 18.3 future (strike 22.875,
# vol 0.95), UVXY at 25 (30-day constant maturity, leverage 1.5); default weights 0.5/0.3/0.2.
worked = dict(vega=-900, pdays=45, spot=mpf("16.5"), r=mpf("0.04"),
              layers=[["FUT", 30, "17.4"], ["CALL", 60, "18.3", "22.875", "0.95"], ["ETF", 30, "25", None, "1.5"]],
              weights=[mpf("0.5"), mpf("0.3"), mpf("0.2")])
cases["worked"] = hedge(worked["vega"], worked["pdays"], worked["spot"], worked["layers"], worked["weights"], worked["r"])
# A put layer and a VXM layer in backwardation (VIX 30 above its futures): carry earned.
back = dict(vega=-1500, pdays=30, spot=mpf(30), r=mpf("0.05"),
            layers=[["VXM", 30, "27"], ["PUT", 45, "26", "22", "1.1"], ["ETF", 45, "40", None, "1"]],
            weights=[mpf(1), mpf(1), mpf(2)])
cases["backwardation"] = hedge(back["vega"], back["pdays"], back["spot"], back["layers"], back["weights"], back["r"])

# Black-76 values at a few VIX-like points, and the published MATLAB blkprice case.
b76 = []
for kind, F, K, d, vol, r in [
    ("CALL", "20", "20", "121.6666666666667", "0.25", "0.09"),
    ("CALL", "18.3", "22.875", "60", "0.95", "0.04"),
    ("PUT", "18.3", "15", "60", "0.95", "0.04"),
    ("CALL", "17.4", "40", "30", "0.8", "0"),
    ("PUT", "26", "22", "45", "1.1", "0.05"),
]:
    v, delta, theta = black76(kind, mpf(F), mpf(K), mpf(d), mpf(vol), mpf(r))
    b76.append({"kind": kind, "future": float(F), "strike": float(K), "days": float(d), "vol": float(vol), "rate": float(r),
                "value": float(v), "deltaF": float(delta), "theta": float(theta)})
cases["black76"] = b76

path = os.path.join(os.path.dirname(__file__), "..", "..", "test", "core", "fixtures", "vix-hedge-golden.json")
with open(path, "w") as f:
    json.dump({"about": "Written by scripts/golden/vix_hedge.py (mpmath, 40 digits, SPEC.md's formulas); rows are [units, premium, cost, carry].", **cases}, f, indent=1)
print(json.dumps(cases, indent=1))
