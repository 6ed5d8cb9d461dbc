/**
 * The condor view's numbers (src/taskpane/ui/condorView.ts chartData, ui/payoffSvg.ts): the
 * chart's prices hold every strike, the "today" curve at the slider's date is CONDOR_PAYOFF
 * with daysLeft (called here directly on the built bundle, and against the core), the markers
 * are where SPEC puts them, and P50 / time-shifted breakevens say "not available" in a build
 * without those functions.
 */
import { condorPayoff as corePayoff } from "../../src/core/condor";
import { planCondor } from "../../src/taskpane/plan/condorPlan";
import type { CondorModel } from "../../src/taskpane/plan/types";
import { breakevenAt, callShield, probProfitTarget } from "../../src/taskpane/shieldCalls";
import { addDays, chartData, chartPrices, condorArgs, shiftedVols } from "../../src/taskpane/ui/condorView";
import { dollars, niceStep, payoffChartSvg, priceText } from "../../src/taskpane/ui/payoffSvg";
import { loadBundle } from "../helpers/bundle";
import { ISSUE_CONDOR } from "./fixtures";

const bundle = loadBundle();
const lookup = (id: string) => bundle.functions.get(id);
const r = planCondor(ISSUE_CONDOR);
if (!r.ok) throw new Error("plan failed");
const model = r.plan.model as CondorModel;
const K = { putLong: 4670, putShort: 4720, callShort: 5240, callLong: 5290 };

describe("chart data", () => {
  test("the chart's prices are the 5-point strike grid across the payoff table, with every strike and spot", () => {
    const p = chartPrices(model);
    for (const k of [4670, 4720, 5240, 5290, 5000]) expect(p).toContain(k);
    expect(p[0]).toBe(model.prices[0]);
    expect(p[p.length - 1]).toBe(model.prices[model.prices.length - 1]);
    p.slice(1).forEach((x, i) => expect(x - p[i]).toBe(5));
  });

  test("at 4670 the expiry line reads the max loss, -35.95 per unit (the bevelled corner is gone)", () => {
    const { data } = chartData(model, lookup, [null, null], 0, 0);
    const i = data.prices.indexOf(4670);
    // max loss = 50 - credit; credit 14.0517848 (the issue's example, Python oracle in test/browser)
    expect(data.expiry[i] / 1000).toBeCloseTo(-(50 - model.credit), 9);
    expect((data.expiry[i] / 1000).toFixed(2)).toBe("-35.95");
  });

  test.each([0, 10, 29, 30])("the today curve at %i days from now is CONDOR_PAYOFF with daysLeft = 30 - elapsed, x qty x multiplier", (elapsed) => {
    const { data, daysLeft } = chartData(model, lookup, [null, null], elapsed, 0);
    expect(daysLeft).toBe(30 - elapsed);
    const prices = data.prices.map((p) => [p]);
    const direct = bundle.call(
      "CONDOR_PAYOFF",
      4670,
      4720,
      5240,
      5290,
      model.credit,
      prices,
      daysLeft || null,
      daysLeft ? [[0.21, 0.21, 0.16, 0.16]] : null,
      0,
      0,
    ) as number[][];
    data.today!.forEach((v, i) => expect(v).toBe(direct[i][0] * 1000));
    // And the core (independent of the bundle's argument parsing).
    const core = corePayoff(K, model.credit, data.prices, daysLeft, daysLeft ? [0.21, 0.21, 0.16, 0.16] : undefined, 0, 0);
    data.today!.forEach((v, i) => expect(v).toBeCloseTo(core[i] * 1000, 8));
  });

  test("a vol shift moves every leg vol by that many points, floored at 0.01", () => {
    expect(shiftedVols([0.21, 0.21, 0.16, 0.16], 2)).toEqual([0.23, 0.23, 0.18, 0.18].map((v) => expect.closeTo(v, 15)));
    expect(shiftedVols([0.05, 0.05, 0.05, 0.05], -10)).toEqual([0.01, 0.01, 0.01, 0.01]);
    const { data } = chartData(model, lookup, [null, null], 0, 5);
    const core = corePayoff(K, model.credit, data.prices, 30, [0.26, 0.26, 0.21, 0.21], 0, 0);
    data.today!.forEach((v, i) => expect(v).toBeCloseTo(core[i] * 1000, 8));
  });

  test("the expected move band is spot -/+ spot x vol x sqrt(days/365), put vol below and call vol above", () => {
    const { data } = chartData(model, lookup, [null, null], 0, 0);
    // 5000 x 0.21 x sqrt(30/365) = 301.0274..., 5000 x 0.16 x sqrt(30/365) = 229.3542...
    expect(data.move!.low).toBeCloseTo(5000 - 5000 * 0.21 * Math.sqrt(30 / 365), 9);
    expect(data.move!.high).toBeCloseTo(5000 + 5000 * 0.16 * Math.sqrt(30 / 365), 9);
  });

  test("addDays walks the calendar (hand count: 1 Dec 2026 + 31 days is 1 Jan 2027)", () => {
    expect(addDays("2026-12-01", 31)).toBe("2027-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
  });
});

describe("the chart's markup", () => {
  const { data } = chartData(model, lookup, [4705.95, 5254.05], 0, 0);
  const svg = payoffChartSvg(data, "P/L", 3);

  test("the x axis is labelled with the four strikes themselves, not 4.6k / 5k", () => {
    const labels = [...svg.matchAll(/class="tick strike-label"[^>]*>([^<]+)</g)].map((m) => m[1]);
    expect(labels).toEqual(["4670", "4720", "5240", "5290"]);
    expect(svg).not.toMatch(/\dk</);
  });

  test("markers: spot, four strikes, two breakevens, the expected move band, and a cursor", () => {
    expect(svg.match(/class="spot"/g)).toHaveLength(1);
    expect(svg.match(/class="strike"/g)).toHaveLength(4);
    expect(svg.match(/class="breakeven"/g)).toHaveLength(2);
    expect(svg.match(/class="move"/g)).toHaveLength(1);
    expect(svg.match(/class="cursor"/g)).toHaveLength(1);
    expect(svg.match(/<polyline class="curve (expiry|today)"/g)).toHaveLength(2);
    expect(svg).toContain("<title>Breakeven 4705.95</title>");
  });

  test("y labels are whole dollars with separators and signs; axis steps are 1, 2 or 5 x 10^n", () => {
    expect(niceStep(7000, 4)).toBe(2000);
    expect(niceStep(0.9, 4)).toBe(0.5);
    expect(dollars(-35948.2)).toBe("-$35,948");
    expect(dollars(14051.78, 2)).toBe("+$14,051.78");
    expect(dollars(-0.001, 2)).toBe("$0.00");
    expect(priceText(4670)).toBe("4670");
    expect(priceText(4705.948)).toBe("4705.95");
  });
});

describe("functions from other branches, through the one seam", () => {
  test("a function this build does not have is 'not available in this build', never a throw", () => {
    const none = () => undefined;
    const p50 = probProfitTarget(none, 5000, 30, condorArgs(model));
    expect(p50).toEqual({ ok: false, unavailable: true, error: { error: "#NAME?", message: "SHIELD.PROB_PROFIT_TARGET is not available in this build" } });
    const be = breakevenAt(none, condorArgs(model), 10);
    expect(be.ok || be.unavailable).toBe(true);
  });

  test("when the function is there, its value (or its Excel error) comes through", () => {
    const fake = (id: string) =>
      id === "BREAKEVEN_AT"
        ? () => [[4700, 5260]]
        : id === "PROB_PROFIT_TARGET"
          ? () => {
              throw Object.assign(new Error("bad"), { code: "#NUM!", message: "no" });
            }
          : undefined;
    expect(breakevenAt(fake, condorArgs(model), 10)).toEqual({ ok: true, value: [4700, 5260] });
    expect(probProfitTarget(fake, 5000, 30, condorArgs(model))).toMatchObject({ ok: false, unavailable: false, error: { error: "#NUM!" } });
    expect(callShield(lookup, "EXPECTED_MOVE", 5000, 0.2, 365, null)).toEqual({ ok: true, value: expect.closeTo(1000, 9) });
  });
});
