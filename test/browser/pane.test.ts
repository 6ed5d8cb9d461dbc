/**
 * The BUILT task pane (./dist or $SHIELD_DIST) in a real headless browser (test/helpers/browser.ts
 * finds one: CHROMIUM_PATH, /usr/bin/chromium, Chrome, Edge), at a task pane's width (350 px),
 * outside Office: preview mode. office.js is requested from Microsoft's CDN; this machine is
 * offline, so the test serves the same file from node_modules/@microsoft/office-js
 * (page.route). It builds both blocks, edits into invalid input and back, drags the date slider
 * and checks the "today" curve against CONDOR_PAYOFF (called on the built bundle here), and
 * that the console stayed free of errors. Screenshots of each view go to docs/screenshots/
 * (SHIELD_SCREENSHOTS=1 rewrites them).
 */
import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import type { AddressInfo } from "net";
import type { Page } from "playwright-core";
import { launchBrowser, type LaunchedBrowser } from "../helpers/browser";
import { distDir, loadBundle } from "../helpers/bundle";

const OFFICE_DIST = path.join(__dirname, "..", "..", "node_modules", "@microsoft", "office-js", "dist");
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const SHOTS = path.join(__dirname, "..", "..", "docs", "screenshots");
const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".png": "image/png",
  ".map": "application/json",
};
const WIDTH = 350;

jest.setTimeout(60_000);

let server: http.Server | undefined;
let origin: string;
let browser: LaunchedBrowser | undefined;

beforeAll(async () => {
  if (!fs.existsSync(path.join(distDir, "taskpane.html"))) throw new Error(`No built pane in ${distDir}: run the build first (npm run build).`);
  browser = await launchBrowser({ width: WIDTH, height: 1100 });
  const srv = http.createServer((req, res) => {
    const file = path.join(distDir, decodeURIComponent((req.url ?? "/").split("?")[0]));
    if (!file.startsWith(distDir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => srv.listen(0, "127.0.0.1", resolve));
  server = srv;
  origin = `http://127.0.0.1:${(srv.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await browser?.close();
  // Only a server that started can be closed (close() on one that never listened never calls back).
  if (server?.listening) await new Promise<void>((resolve) => server!.close(() => resolve()));
});

const shoot = async (page: Page, name: string, fullPage = true) => {
  if (!process.env.SHIELD_SCREENSHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, name), fullPage });
};

/** A pane-sized page whose CDN requests are served locally (or failed, with `officeFails`); console errors collected. */
async function openPane(
  options: { officeFails?: boolean; officeStandIn?: string; waitFor?: string; beforeLoad?: (page: Page) => Promise<void>; dark?: boolean } = {},
): Promise<{ page: Page; errors: string[]; officeRequests: string[] }> {
  const page = await browser!.context.newPage();
  await page.setViewportSize({ width: WIDTH, height: 1100 });
  if (options.dark) await page.emulateMedia({ colorScheme: "dark" });
  const errors: string[] = [];
  const officeRequests: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  await page.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(origin)) return route.continue();
    if (url.startsWith(CDN)) {
      officeRequests.push(url);
      if (options.officeStandIn) return route.fulfill({ status: 200, contentType: "text/javascript", body: options.officeStandIn });
      const file = path.join(OFFICE_DIST, url.slice(CDN.length).split("?")[0]);
      if (!options.officeFails && file.startsWith(OFFICE_DIST) && fs.existsSync(file)) {
        return route.fulfill({ status: 200, contentType: "text/javascript", body: fs.readFileSync(file) });
      }
    }
    return route.abort(); // offline: nothing else leaves the machine
  });
  if (options.beforeLoad) await options.beforeLoad(page);
  await page.goto(`${origin}/taskpane.html`);
  await page.waitForSelector(options.waitFor ?? (options.officeStandIn ? "#mode.excel" : "#mode.preview"), { timeout: 15_000 });
  return { page, errors, officeRequests };
}

const cellText = (page: Page, address: string, view = "condor") => page.locator(`#view-${view} td[data-cell="${address}"]`).innerText();
const tileText = (page: Page, key: string) => page.locator(`#view-condor .tile[data-key="${key}"] dd`).innerText();

async function fillCondor(page: Page): Promise<void> {
  // The example: spot 5000, 30 days, put vol 0.21, call vol 0.16, 0.16 delta, 50-point wings, 10 condors.
  await page.getByLabel("Spot", { exact: true }).fill("5000");
  await page.getByLabel("Days to expiry").fill("30");
  await page.getByLabel("Put-side vol").fill("0.21");
  await page.getByLabel("Call-side vol").fill("0.16");
  await page.getByLabel("Quantity").fill("10");
}

/** The built functions bundle, loaded when first needed (so a missing build fails with beforeAll's message, not at import). */
let loaded: ReturnType<typeof loadBundle> | undefined;
const bundle = () => (loaded ??= loadBundle());

/** The "today" readout's dollars for a price, computed here with the bundle's CONDOR_PAYOFF (x 10 condors x 100). */
function expectedToday(price: number, credit: number, daysLeft: number, vols = [0.21, 0.21, 0.16, 0.16]): string {
  const out = bundle().call("CONDOR_PAYOFF", 4670, 4720, 5240, 5290, credit, [[price]], daysLeft || null, daysLeft ? [vols] : null, 0, 0) as number[][];
  const v = out[0][0] * 1000;
  const text = Math.abs(v).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `${Number(text.replace(/,/g, "")) === 0 ? "" : v < 0 ? "-" : "+"}$${text}`;
}

/** The model credit of the condor, from the bundle (the block writes the same as its credit input). */
const credit = () => bundle().call("CONDOR_PRICE", 5000, 4670, 4720, 5240, 5290, 30, [[0.21, 0.21, 0.16, 0.16]], 0, 0) as number;

/** The condor's P50 (PROB_PROFIT_TARGET, target 0.5) from the bundle. */
const p50Now = () => bundle().call("PROB_PROFIT_TARGET", 5000, 4670, 4720, 5240, 5290, 30, [[0.21, 0.21, 0.16, 0.16]], credit(), 0.5, 0, 0) as number;

/** The condor's breakevens with `daysLeft` (BREAKEVEN_AT) from the bundle. */
const beAt = (daysLeft: number, vols = [0.21, 0.21, 0.16, 0.16]) =>
  (bundle().call("BREAKEVEN_AT", 4670, 4720, 5240, 5290, credit(), daysLeft, [vols], 0, 0) as number[][])[0];

async function buildCondor(page: Page): Promise<void> {
  await fillCondor(page);
  await page.getByRole("button", { name: "Build condor" }).click();
  await page.waitForSelector("#view-condor table.sheet");
}

async function fillLadder(page: Page): Promise<void> {
  await page.getByLabel("Position days").fill("30");
  await page.getByLabel("VIX spot").fill("18");
  await page.getByLabel("Layer 1 future price").fill("19");
  await page.getByLabel("Layer 2 future price").fill("20");
  await page.getByLabel("Layer 3 future price").fill("20.5");
}

describe("the task pane in a plain browser (preview mode), at 350 px", () => {
  test("builds the condor preview with the expected values, a summary card that fits, and no console errors", async () => {
    const { page, errors, officeRequests } = await openPane();
    expect(officeRequests[0]).toBe(`${CDN}office.js`);
    await expect(page.locator("#howto").isVisible()).resolves.toBe(true);
    // Every form control has a label (a <label for> or an aria-label).
    const unlabelled = await page.evaluate(() =>
      Array.from(document.querySelectorAll("input, select"))
        .filter((el) => !el.getAttribute("aria-label") && !document.querySelector(`label[for="${el.id}"]`))
        .map((el) => el.outerHTML),
    );
    expect(unlabelled).toEqual([]);
    await buildCondor(page);
    // Strikes: hand derivation in test/taskpane/plan.test.ts (4717.97 -> 4720, 5238.87 -> 5240), wings 50; whole numbers.
    expect(await cellText(page, "C16")).toBe("4670");
    expect(await cellText(page, "C17")).toBe("4720");
    expect(await cellText(page, "C18")).toBe("5240");
    expect(await cellText(page, "C19")).toBe("5290");
    // Independent oracle (Python statistics.NormalDist, BSM of the four legs at 30/365 years):
    // credit 14.0517848; breakevens 4720 - credit = 4705.948, 5240 + credit = 5254.052;
    // POP = N(d2(4705.948, 0.21)) - N(d2(5254.052, 0.16)) = 0.700698; vega per unit -1.3172123 -> x 10 x 100.
    expect(await cellText(page, "B11")).toBe("14.05");
    expect(await cellText(page, "B23")).toBe("14.05");
    expect(await cellText(page, "F23")).toBe("-1.3172");
    expect(await cellText(page, "F24")).toBe("-1,317.21");
    expect(await cellText(page, "D23")).toBe("-0.0003566"); // gamma per unit: 4 significant digits, was -0.0004
    expect(await cellText(page, "I23")).toBe("0.0001370"); // charm per unit, was 0.0001
    expect(await cellText(page, "A24")).toBe("Position (x qty x mult)");
    expect(await cellText(page, "B27")).toBe("4705.95");
    expect(await cellText(page, "C27")).toBe("5254.05");
    expect(await cellText(page, "B31")).toBe("70.1%");
    expect(await cellText(page, "B29")).toBe("14.05"); // max profit = credit
    expect(await cellText(page, "C29")).toBe("35.95"); // max loss = 50 - credit
    // The payoff table holds the long put: at 4670 the expiry P/L is the max loss, not the bevelled -30.95.
    const rowOf4670 = await page.locator('#view-condor td[data-cell^="A"]', { hasText: /^4670$/ }).getAttribute("data-cell");
    expect(await cellText(page, rowOf4670!.replace("A", "B"))).toBe("-35.95");
    expect(await page.locator("#view-condor td.err").count()).toBe(0);
    // The summary card: strikes, credit, breakevens, max profit and loss, POP (and labelled places for P50, breakevens at the slider date).
    expect(await tileText(page, "strikes")).toBe("4670 / 4720 · 5240 / 5290");
    expect(await tileText(page, "credit")).toBe("14.05 /unit\n+$14,051.78 position");
    expect(await tileText(page, "breakevens")).toBe("4705.95 – 5254.05");
    expect(await tileText(page, "maxProfit")).toBe("+$14,051.78");
    expect(await tileText(page, "maxLoss")).toBe("-$35,948.22");
    expect(await tileText(page, "pop")).toBe("70.1%");
    // P50 and the breakevens at the slider's date (today: 30 days left), equal to the bundle's functions called here.
    const p50 = p50Now();
    expect(p50).toBeGreaterThan(0.3);
    expect(p50).toBeLessThan(0.95);
    expect(await tileText(page, "p50")).toBe(`${(p50 * 100).toFixed(1)}%`);
    expect(await cellText(page, "B33")).toBe(`${(p50 * 100).toFixed(1)}%`);
    const beToday = beAt(30);
    expect(await tileText(page, "breakevensAt")).toBe(`${beToday[0].toFixed(2)} – ${beToday[1].toFixed(2)}`);
    expect([await cellText(page, "B35"), await cellText(page, "C35")]).toEqual(beToday.map((v) => v.toFixed(2)));
    expect(await tileText(page, "delta")).toBe("-5.41");
    expect(await tileText(page, "theta")).toBe("+$401.98");
    expect(await tileText(page, "vega")).toBe("-$1,317.21");
    // ... all of it inside 350 px: nothing in the card is wider than the card, and the page does not scroll sideways.
    const fit = await page.evaluate(() => {
      const card = document.querySelector("#view-condor .summary-card") as HTMLElement;
      const box = card.getBoundingClientRect();
      const outside = Array.from(card.querySelectorAll("dd, dt")).filter((el) => {
        const r = el.getBoundingClientRect();
        return r.left < box.left - 0.5 || r.right > box.right + 0.5;
      });
      return { outside: outside.length, pageScroll: document.documentElement.scrollWidth, card: box.right };
    });
    expect(fit.outside).toBe(0);
    expect(fit.pageScroll).toBeLessThanOrEqual(350);
    // The chart: markers and real strikes on the axis.
    const chart = page.locator("#view-condor .chart-svg svg");
    expect(await chart.locator(".strike-label").allTextContents()).toEqual(["4670", "4720", "5240", "5290"]);
    expect(await chart.locator("line.spot").count()).toBe(1);
    expect(await chart.locator("path.breakeven").count()).toBe(2);
    expect(await chart.locator("rect.move").count()).toBe(1);
    expect(await chart.locator("polyline.curve").count()).toBe(2);
    expect(await page.locator("#result").innerText()).toMatch(/Preview only: nothing is written outside Excel/);
    await shoot(page, "condor-builder.png");
    await page.locator("#view-condor .analysis").screenshot(process.env.SHIELD_SCREENSHOTS ? { path: path.join(SHOTS, "condor-summary-chart.png") } : {});
    expect(errors).toEqual([]);
    await page.close();
  });

  test.each([320, 500])("at %i px nothing but the sheet-like table scrolls sideways, and the summary card fits", async (width) => {
    const { page, errors } = await openPane();
    await page.setViewportSize({ width, height: 1100 });
    await buildCondor(page);
    const fit = await page.evaluate(() => {
      const card = document.querySelector("#view-condor .summary-card") as HTMLElement;
      const box = card.getBoundingClientRect();
      const outside = Array.from(card.querySelectorAll("dd, dt, h3")).filter((el) => {
        const r = el.getBoundingClientRect();
        return r.left < box.left - 0.5 || r.right > box.right + 0.5;
      }).length;
      return {
        outside,
        scroll: document.documentElement.scrollWidth,
        svg: (document.querySelector("#view-condor .chart-svg svg") as SVGElement).getBoundingClientRect().width,
      };
    });
    expect(fit.outside).toBe(0);
    expect(fit.scroll).toBeLessThanOrEqual(width);
    expect(fit.svg).toBeGreaterThan(width - 60);
    await shoot(page, `condor-view-${width}.png`);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("the date slider and vol shift move the 'today' curve, which matches CONDOR_PAYOFF with daysLeft; hover and keys read it out", async () => {
    const { page, errors } = await openPane();
    await buildCondor(page);
    const readout = page.locator("#view-condor #chart-readout");
    // The cursor starts at spot; today, at spot, the condor is worth its credit: P/L 0.
    expect(await readout.innerText()).toBe(`5000: at expiry +$14,051.78; today ${expectedToday(5000, credit(), 30)}`);
    // Keyboard: focus the chart, Home goes to the first price, End to the last; arrows step by one price.
    const cursor = page.locator("#view-condor .chart-svg");
    await cursor.focus();
    await page.keyboard.press("Home");
    const first = Number(await readout.getAttribute("data-price"));
    await page.keyboard.press("ArrowRight");
    expect(Number(await readout.getAttribute("data-price"))).toBe(first + 5);
    // Walk to the long put 4670.
    for (let p = first + 5; p < 4670; p += 5) await page.keyboard.press("ArrowRight");
    expect(await readout.innerText()).toBe(`4670: at expiry -$35,948.22; today ${expectedToday(4670, credit(), 30)}`);
    // Drag the date slider 10 days on (keyboard on the range input is what a drag does: input events).
    const slider = page.locator("#date-slider");
    await slider.focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press("ArrowRight");
    expect(await page.locator("#date-slider-text").innerText()).toMatch(/, 20 d to expiry$/);
    expect(await readout.innerText()).toBe(`4670: at expiry -$35,948.22; in 10 d ${expectedToday(4670, credit(), 20)}`);
    // The breakevens at the slider's date follow it: BREAKEVEN_AT with 20 days left.
    const be20 = beAt(20);
    expect(await tileText(page, "breakevensAt")).toBe(`${be20[0].toFixed(2)} – ${be20[1].toFixed(2)}`);
    expect(await page.locator('#view-condor .tile[data-key="breakevensAt"] dt').innerText()).toMatch(/BREAKEVEN_AT, 20 d left\)$/);
    // Then a real mouse drag to the right end: at expiry the "today" curve is the expiry curve.
    const box = (await slider.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.4, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width + 20, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    expect(await slider.inputValue()).toBe("30");
    expect(await readout.innerText()).toBe("4670: at expiry -$35,948.22; in 30 d -$35,948.22");
    // Back to 5 days left, vol +3 points on every leg.
    await slider.fill("25");
    await page.locator("#vol-shift").fill("3");
    expect(await page.locator("#vol-shift-text").innerText()).toBe("+3 vol pts");
    expect(await readout.innerText()).toBe(`4670: at expiry -$35,948.22; in 25 d ${expectedToday(4670, credit(), 5, [0.24, 0.24, 0.19, 0.19])}`);
    const be5 = beAt(5, [0.24, 0.24, 0.19, 0.19]);
    expect(await tileText(page, "breakevensAt")).toBe(`${be5[0].toFixed(2)} – ${be5[1].toFixed(2)}`);
    // Hover: the pointer over the chart's middle reads the price under it.
    const svg = (await page.locator("#view-condor .chart-svg svg").boundingBox())!;
    await page.mouse.move(svg.x + svg.width * ((56 + (340 - 66) * 0.5) / 340), svg.y + svg.height / 2);
    const hovered = Number(await readout.getAttribute("data-price"));
    expect(Math.abs(hovered - 4980)).toBeLessThanOrEqual(10); // the middle of 4570..5390
    expect(await readout.innerText()).toBe(`${hovered}: at expiry +$14,051.78; in 25 d ${expectedToday(hovered, credit(), 5, [0.24, 0.24, 0.19, 0.19])}`);
    await shoot(page, "condor-slider.png");
    expect(errors).toEqual([]);
    await page.close();
  });

  test("builds the ladder preview from the condor block's vega, with the expected contracts", async () => {
    const { page, errors } = await openPane();
    await buildCondor(page);
    await page.getByRole("tab", { name: "Hedge ladder" }).click();
    // The condor's view stays with the condor tab.
    expect(await page.locator("#view-condor").isVisible()).toBe(false);
    expect(await page.locator("#result").isVisible()).toBe(false);
    await page.getByRole("button", { name: /Use the condor block's \$ vega \(Sheet1!F24\)/ }).click();
    expect(await page.getByLabel("Position dollar vega").inputValue()).toBe("=Sheet1!F24");
    await fillLadder(page);
    await page.getByRole("button", { name: "Build ladder" }).click();
    await page.waitForSelector("#view-ladder h2:has-text('Hedge ladder block')");
    // SPEC formula by hand (Python): vega -1317.2123, beta_iv = min(1.5, sqrt(30/30)) = 1;
    // layer 30d: beta 0.5, s = 19/18 - 1 = 0.05556, ratio 1 + 3(0.05 - s) = 0.98333 -> 1.29526 contracts;
    // 60d: beta 0.35355, ratio 0.98333 -> 1.09906; 90d: beta 0.28868, ratio 1.01111 -> 0.92273.
    const cell = (a: string) => cellText(page, a, "ladder");
    expect(await cell("B3")).toBe("-1,317.21");
    expect(await cell("F16")).toBe("1.30");
    expect(await cell("F17")).toBe("1.10");
    expect(await cell("F18")).toBe("0.92");
    expect(await cell("G16")).toBe("1");
    expect(await cell("E18")).toBe("1.0111");
    expect(await cell("F19")).toBe("3.32"); // 1.29526 + 1.09906 + 0.92273 = 3.31705
    expect(await cell("G19")).toBe("3");
    expect(await page.locator('#view-ladder tr[data-key="totals"]').innerText()).toBe("Total\t3.32\t3");
    await shoot(page, "ladder-builder.png");
    // And back: the ladder's view is hidden under the condor tab, the condor's shows again.
    await page.getByRole("tab", { name: "Condor" }).click();
    expect(await page.locator("#view-ladder").isVisible()).toBe(false);
    expect(await page.locator("#view-condor").isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("the stress heatmap: cells equal STRESS through the bundle, without and then with the ladder's hedge; keyboard readout; the stress block previews", async () => {
    const { page, errors } = await openPane();
    await buildCondor(page);
    const SPOT = [-0.1, -0.05, -0.02, 0, 0.02, 0.05, 0.1];
    const VIX = [-5, 0, 5, 10, 20];
    const legs = [
      ["P", 4670, 10, 30, 0.21],
      ["P", 4720, -10, 30, 0.21],
      ["C", 5240, -10, 30, 0.16],
      ["C", 5290, 10, 30, 0.16],
    ];
    const stress = (hedge: unknown[][] | null) =>
      bundle().call(
        "STRESS",
        legs,
        5000,
        SPOT.map((x) => [x]),
        [VIX],
        0,
        100,
        hedge,
        hedge ? 18 : null,
        0,
        0,
      ) as number[][];
    const td = (i: number, j: number) => page.locator(`#view-condor table.heatmap td[data-i="${i}"][data-j="${j}"]`);
    const checkThree = async (grid: number[][]) => {
      for (const [i, j] of [
        [0, 4],
        [1, 3],
        [6, 0],
      ]) {
        expect(Math.abs(grid[i][j])).toBeGreaterThan(100); // shown in thousands
        expect(Number(await td(i, j).getAttribute("data-value"))).toBe(grid[i][j]);
        const k = Math.round(grid[i][j] / 100) / 10;
        expect(await td(i, j).innerText()).toBe(`${k > 0 ? "+" : "-"}${Math.abs(k).toFixed(1)}k`);
      }
    };
    // No ladder yet: only the unhedged grid, and it says so.
    expect(await page.locator("#view-condor .stress-source").innerText()).toMatch(/^Hedge: none/);
    expect(await page.locator('#view-condor .segmented button[data-hedged="true"]').isDisabled()).toBe(true);
    const bare = stress(null);
    await checkThree(bare);
    expect(await td(3, 1).innerText()).toBe("0"); // no move, no P/L
    // Keyboard: the readout follows the focused cell.
    await td(3, 1).focus();
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowRight");
    const money = (v: number) => `${v < 0 ? "-" : "+"}$${Math.abs(v).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    expect(await page.locator("#stress-readout").innerText()).toBe(`SPX −2% (4900), VIX +5 pts: ${money(bare[2][2])} without the hedge`);
    // The ladder, sized from the condor's vega: the hedged grid uses its three FUT layers' unrounded contracts.
    await page.getByRole("tab", { name: "Hedge ladder" }).click();
    await page.getByRole("button", { name: /Use the condor block's \$ vega/ }).click();
    await fillLadder(page);
    await page.getByRole("button", { name: "Build ladder" }).click();
    await page.waitForSelector("#view-ladder h2:has-text('Hedge ladder block')");
    await page.getByRole("tab", { name: "Condor" }).click();
    const vega = (bundle().call("CONDOR_GREEKS", 5000, 4670, 4720, 5240, 5290, 30, [[0.21, 0.21, 0.16, 0.16]], 0, 0) as number[][])[0][4] * 1000;
    const ladder = bundle().call(
      "VIX_LADDER",
      vega,
      30,
      18,
      [
        [30, 19],
        [60, 20],
        [90, 20.5],
      ],
      null,
      1000,
    ) as number[][];
    const hedge = ladder.map((r) => ["FUT", r[0], r[1], "", "", r[5], 1000]);
    expect(await page.locator("#view-condor .stress-source").innerText()).toMatch(/3 FUT layers at 30, 60, 90 days, VIX_LADDER's unrounded contracts/);
    expect(await page.locator('#view-condor .segmented button[data-hedged="true"]').getAttribute("aria-checked")).toBe("true");
    await checkThree(stress(hedge));
    await page.locator("#view-condor table.heatmap").screenshot(process.env.SHIELD_SCREENSHOTS ? { path: path.join(SHOTS, "stress-heatmap.png") } : {});
    await page.locator("#view-condor .stress-card").screenshot(process.env.SHIELD_SCREENSHOTS ? { path: path.join(SHOTS, "stress-view.png") } : {});
    await page.getByRole("radio", { name: "Without hedge" }).click();
    await checkThree(bare);
    // Nothing in the card is wider than 350 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(350);
    // Write stress block (preview): the block's own STRESS cells, evaluated, hold the same numbers.
    await page.getByRole("button", { name: "Write stress block" }).click();
    expect(await page.locator("#result").innerText()).toMatch(/^Preview only: nothing is written outside Excel\. The stress block/);
    const preview = page.locator("#view-condor .stress-preview");
    const cells = await preview
      .locator("td[data-cell]")
      .evaluateAll((els) => els.map((e) => [e.getAttribute("data-cell"), (e as HTMLElement).innerText.trim()]));
    const values = new Map(cells as Array<[string, string]>);
    expect(values.get("A1")).toBe("SHIELD stress (STRESS)");
    expect([...values.values()]).toContain(Math.round(stress(hedge)[0][4]).toLocaleString("en-US"));
    expect(errors).toEqual([]);
    await page.close();
  });

  test("the ladder with an instrument per layer writes VIX_HEDGE; the card shows units per layer, cost, carry and carry / condor theta equal to VIX_HEDGE's", async () => {
    const { page, errors } = await openPane();
    await buildCondor(page);
    await page.getByRole("tab", { name: "Hedge ladder" }).click();
    await page.getByRole("button", { name: /Use the condor block's \$ vega/ }).click();
    await fillLadder(page);
    // The v1 ladder (FUT only) first: its cost is 0 (futures have no premium), its carry VIX_HEDGE's on the same FUT layers.
    await page.getByRole("button", { name: "Build ladder" }).click();
    await page.waitForSelector("#view-ladder h2:has-text('Hedge ladder block')");
    const g = bundle().call("CONDOR_GREEKS", 5000, 4670, 4720, 5240, 5290, 30, [[0.21, 0.21, 0.16, 0.16]], 0, 0) as number[][];
    const vega = g[0][4] * 1000;
    const theta = g[0][3] * 1000;
    const money = (v: number) => `${v < 0 ? "-" : "+"}$${Math.abs(v).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    const tile = (key: string) => page.locator(`#view-ladder .tile[data-key="${key}"] .value`).innerText();
    const fut = bundle().call(
      "VIX_HEDGE",
      vega,
      30,
      18,
      [
        ["FUT", 30, 19, "", ""],
        ["FUT", 60, 20, "", ""],
        ["FUT", 90, 20.5, "", ""],
      ],
      [[0.5], [0.3], [0.2]],
      null,
    ) as number[][];
    expect(await tile("cost")).toBe("$0.00");
    const futCarry = fut.reduce((s, r) => s + r[9], 0);
    expect(await tile("carry")).toBe(money(futCarry));
    expect(await tile("carryShare")).toBe(`${((futCarry / Math.abs(theta)) * 100).toFixed(1)}%`);
    // Layer 2 becomes a 25-delta call (vol 0.9), layer 3 a put struck at 18 (vol 0.8).
    await page.getByLabel("Layer 2 instrument").selectOption("CALL");
    await page.getByLabel("Layer 2 strike or delta").fill("25d");
    await page.getByLabel("Layer 2 option vol or ETF leverage").fill("0.9");
    await page.getByLabel("Layer 3 instrument").selectOption("PUT");
    await page.getByLabel("Layer 3 strike or delta").fill("18");
    await page.getByLabel("Layer 3 option vol or ETF leverage").fill("0.8");
    await page.getByRole("button", { name: "Build ladder" }).click();
    await page.waitForSelector("#view-ladder h2:has-text('VIX hedge block')");
    const strike = Number(await cellText(page, "E11", "ladder"));
    expect(strike % 0.5).toBe(0);
    expect((await cellText(page, "A1", "ladder")).trim()).toBe("SHIELD VIX hedge (VIX_HEDGE)");
    const mixed = bundle().call(
      "VIX_HEDGE",
      vega,
      30,
      18,
      [
        ["FUT", 30, 19, "", ""],
        ["CALL", 60, 20, strike, 0.9],
        ["PUT", 90, 20.5, 18, 0.8],
      ],
      [[0.5], [0.3], [0.2]],
      null,
    ) as number[][];
    const units = await page.locator("#view-ladder table.layers-summary tbody td:nth-child(2)").allInnerTexts();
    expect(units).toEqual(mixed.map((r) => r[5].toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })));
    const cost = mixed.reduce((s, r) => s + r[8], 0);
    const carry = mixed.reduce((s, r) => s + r[9], 0);
    expect(await tile("cost")).toBe(money(cost));
    expect(await tile("carry")).toBe(money(carry));
    expect(await tile("carryShare")).toBe(`${((carry / Math.abs(theta)) * 100).toFixed(1)}%`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(350);
    await page.locator("#panel-ladder").screenshot(process.env.SHIELD_SCREENSHOTS ? { path: path.join(SHOTS, "ladder-instruments.png") } : {});
    // The stress view now uses this hedge.
    await page.getByRole("tab", { name: "Condor" }).click();
    expect(await page.locator("#view-condor .stress-source").innerText()).toMatch(/FUT 30 d, CALL 60 d, PUT 90 d, VIX_HEDGE's unrounded units/);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("the stress view in the dark theme keeps readable cell values", async () => {
    const { page, errors } = await openPane({ dark: true });
    await buildCondor(page);
    const colours = await page
      .locator("#view-condor table.heatmap td")
      .first()
      .evaluate((el) => getComputedStyle(el).color);
    expect(colours).toBe("rgb(255, 255, 255)"); // the dark theme's foreground on the tinted cells
    await page.locator("#view-condor .stress-card").screenshot(process.env.SHIELD_SCREENSHOTS ? { path: path.join(SHOTS, "stress-view-dark.png") } : {});
    expect(errors).toEqual([]);
    await page.close();
  });

  test("a ladder whose vega cell errors shows the error in its totals, not 0", async () => {
    const { page, errors } = await openPane();
    await page.getByRole("tab", { name: "Hedge ladder" }).click();
    await page.getByLabel("Position dollar vega").fill("=Sheet2!F24");
    await fillLadder(page);
    await page.getByRole("button", { name: "Build ladder" }).click();
    await page.waitForSelector("#view-ladder table.sheet");
    expect(await cellText(page, "A16", "ladder")).toBe("#REF!");
    expect(await cellText(page, "F19", "ladder")).toBe("#REF!");
    expect(await cellText(page, "G19", "ladder")).toBe("#REF!");
    expect(await page.locator('#view-ladder tr[data-key="totals"]').innerText()).toBe("Total\t#REF!\t#REF!");
    expect(errors).toEqual([]);
    await page.close();
  });

  test("editing into invalid input hides the numbers and says they are out of date; fixing it brings them back", async () => {
    const { page, errors } = await openPane();
    await buildCondor(page);
    const view = page.locator("#view-condor");
    await page.getByLabel("Put-side vol").fill("20");
    await page.waitForSelector('#view-condor[data-stale="true"]');
    await expect(page.locator("#condor-putVol-error").innerText()).resolves.toBe("Put-side vol must be a decimal between 0 and 5 (enter 20% as 0.2); got 20");
    expect(await view.locator(".view-body").isVisible()).toBe(false);
    expect(await view.locator(".stale").innerText()).toBe(
      "Out of date: 1 field above is not valid (marked in red), so the numbers are hidden until it is fixed.",
    );
    await shoot(page, "condor-stale.png");
    await page.getByLabel("Put-side vol").fill("0.21");
    await page.waitForSelector('#view-condor[data-stale="false"]');
    expect(await page.locator("#condor-putVol-error").isVisible()).toBe(false);
    expect(await cellText(page, "B31")).toBe("70.1%");
    // A thousands separator is fine; text is not.
    await page.getByLabel("Spot", { exact: true }).fill("5,000");
    await page.waitForTimeout(400);
    expect(await view.getAttribute("data-stale")).toBe("false");
    expect(await cellText(page, "B3")).toBe("5000.00");
    // The ladder: a futures price typed as a word.
    await page.getByRole("tab", { name: "Hedge ladder" }).click();
    await page.getByLabel("Position dollar vega").fill("-1,317.21");
    await fillLadder(page);
    await page.getByRole("button", { name: "Build ladder" }).click();
    await page.waitForSelector("#view-ladder table.sheet");
    await page.getByLabel("Layer 2 future price").fill("twenty");
    await page.waitForSelector('#view-ladder[data-stale="true"]');
    expect(await page.locator("#ladder-price2-error").innerText()).toBe('Layer 2 future price must be a number; got "twenty"');
    expect(await page.locator("#view-ladder .view-body").isVisible()).toBe(false);
    await page.getByLabel("Layer 2 future price").fill("20");
    await page.waitForSelector('#view-ladder[data-stale="false"]');
    expect(await cellText(page, "F19", "ladder")).toBe("3.32");
    expect(errors).toEqual([]);
    await page.close();
  });

  test("flags invalid input beside its field and builds nothing; a past expiry date is named", async () => {
    const { page, errors } = await openPane();
    await fillCondor(page);
    await page.getByLabel("Put-side vol").fill("21");
    await page.getByRole("button", { name: "Build condor" }).click();
    await expect(page.locator("#condor-putVol-error").innerText()).resolves.toBe("Put-side vol must be a decimal between 0 and 5 (enter 20% as 0.2); got 21");
    expect(await page.locator("#condor-putVol").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#view-condor").isVisible()).toBe(false);
    expect(await page.locator("#result").innerText()).toMatch(/Nothing was written: 1 field needs attention/);
    await page.locator("#condor-expiry").fill("2020-01-17");
    await page.locator("#condor-expiry").dispatchEvent("change");
    expect(await page.locator("#condor-expiry-error").innerText()).toMatch(
      /^Expiry date Fri 17 Jan 2020 \(2020-01-17\) is \d+ days before today, .+: pick a future expiry$/,
    );
    expect(await page.getByLabel("Days to expiry").inputValue()).toBe("30"); // not overwritten with a negative count
    expect(errors).toEqual([]);
    await page.close();
  });

  test("still previews when office.js cannot load (only that failed request is reported)", async () => {
    const { page, errors } = await openPane({ officeFails: true });
    await buildCondor(page);
    expect(await cellText(page, "B31")).toBe("70.1%");
    expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
    await page.close();
  });

  test("in a plain browser the badge says Preview without waiting for Office.onReady's time-out", async () => {
    // office.js that never answers, and the page's clock stopped: only a pane that sees it is
    // outside Office at once says "Preview" (the old one sat on "Starting..." until a 5 s timer).
    const silent = "window.Office = { onReady: () => new Promise(() => {}) };";
    const { page, errors } = await openPane({ officeStandIn: silent, waitFor: "#mode.preview", beforeLoad: (p) => p.clock.install() });
    expect(await page.locator("#mode").innerText()).toBe("Preview");
    expect(errors).toEqual([]);
    await page.close();
  });

  test("dark theme: the view follows the browser's dark scheme (a screenshot to look at)", async () => {
    const { page, errors } = await openPane({ dark: true });
    await buildCondor(page);
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe("rgb(41, 41, 41)");
    await page.locator("#view-condor .analysis").screenshot(process.env.SHIELD_SCREENSHOTS ? { path: path.join(SHOTS, "condor-summary-chart-dark.png") } : {});
    expect(errors).toEqual([]);
    await page.close();
  });
});

/**
 * A stand-in for office.js inside Excel: Office.onReady reports Excel, and Excel.run works on
 * one in-memory sheet ("Sheet1", selection B2 unless `selection` says otherwise) whose cell B2
 * already holds a value (plus `cells`, keyed "row,col" 0-based). `protected` protects the sheet;
 * `failOnWrite` makes the sync that writes fail after the formulas were applied (as Excel can
 * fail partway through a batch). Enough of the object model for the writer; what it writes is
 * kept on window.__sheet.
 */
function officeStandIn(options: { selection?: [number, number]; cells?: Record<string, string>; protected?: boolean; failOnWrite?: boolean } = {}): string {
  const config = JSON.stringify({ selection: [1, 1], cells: {}, protected: false, failOnWrite: false, ...options });
  return `
(() => {
  const config = ${config};
  const sheet = { name: "Sheet1", cells: Object.assign({ "1,1": "keep me" }, config.cells), formulas: null, formats: {}, charts: [], names: [] };
  window.__sheet = sheet;
  const col = (c) => { let s = ""; c += 1; while (c > 0) { const r = (c - 1) % 26; s = String.fromCharCode(65 + r) + s; c = Math.floor((c - 1) / 26); } return s; };
  const parse = (a) => { const m = /([A-Z]+)([0-9]+)/.exec(a); let c = 0; for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64; return [Number(m[2]) - 1, c - 1]; };
  // What a cell holds: what the pane wrote there (a formula's value stands in as 0), else the seeded cells.
  const written = (r, c) => {
    if (!sheet.formulas) return undefined;
    const v = sheet.formulas[r - sheet.formulasAt[0]]?.[c - sheet.formulasAt[1]];
    return v === undefined || v === "" ? undefined : v;
  };
  const contents = (row, column, rs, cs, asValues) => Array.from({ length: rs }, (_, r) => Array.from({ length: cs }, (_, c) => {
    const w = written(row + r, column + c);
    if (w !== undefined) return asValues && typeof w === "string" && w.startsWith("=") ? 0 : w;
    return sheet.cells[(row + r) + "," + (column + c)] ?? "";
  }));
  sheet.select = (row, column) => { config.selection = [row, column]; };
  const worksheet = {
    name: "Sheet1", load() {},
    protection: { protected: config.protected, load() {} },
    getRange(a) {
      const [first, last] = a.split(":");
      const [r0, c0] = parse(first);
      const [r1, c1] = parse(last ?? first);
      const values = contents(r0, c0, r1 - r0 + 1, c1 - c0 + 1);
      const fmt = { font: {}, fill: {}, autofitColumns() {} }; sheet.formats[a] = fmt;
      return { address: "Sheet1!" + a, values, formulas: values, load() {}, format: fmt };
    },
    charts: { add(type, source, by) { const ch = { type, title: {}, legend: {}, axes: { categoryAxis: { title: {}, setCategoryNames() {} }, valueAxis: { title: {} } }, setPosition(a, b) { ch.at = a + ":" + b; } }; sheet.charts.push(ch); return ch; } },
  };
  const rangeAt = (row, column) => ({
    rowIndex: row, columnIndex: column, address: "Sheet1!" + col(column) + (row + 1),
    load() {}, getCell() { return this; }, worksheet,
    getResizedRange(dr, dc) {
      if (row + dr >= 1048576 || column + dc >= 16384) throw new Error("InvalidArgument: the range runs off the sheet");
      const values = contents(row, column, dr + 1, dc + 1);
      return {
        address: "Sheet1!" + col(column) + (row + 1) + ":" + col(column + dc) + (row + dr + 1),
        values, formulas: values, load() {}, clear() {},
        set formulas(f) { sheet.formulas = f; sheet.formulasAt = [row, column]; }, get formulas() { return values; },
        set numberFormat(f) { sheet.numberFormat = f; },
      };
    },
  });
  window.Office = { onReady: () => Promise.resolve({ host: "Excel", platform: "OfficeOnline" }) };
  const workbook = {
    getSelectedRange: () => rangeAt(config.selection[0], config.selection[1]),
    // Ranges of the workbook's names: rectangles "Sheet1!B2:K82" read from what was written.
    _nameRange(address) {
      const [first, last] = address.split("!")[1].split(":");
      const [r0, c0] = parse(first);
      const [r1, c1] = parse(last ?? first);
      return {
        address, load() {},
        values: contents(r0, c0, r1 - r0 + 1, c1 - c0 + 1, true),
        formulas: contents(r0, c0, r1 - r0 + 1, c1 - c0 + 1, false),
        getIntersectionOrNullObject() {
          const [sr, sc] = config.selection;
          const inside = sr >= r0 && sr <= r1 && sc >= c0 && sc <= c1;
          return { isNullObject: !inside, load() {} };
        },
      };
    },
    worksheets: {
    getItem: () => ({
      name: "Sheet1", load() {}, protection: worksheet.protection,
      getRange: (a) => {
        const [row, column] = parse(a);
        // An edit in place reads and writes single cells at offsets from the block's anchor.
        return Object.assign(rangeAt(row, column), {
          getOffsetRange: (dr, dc) => ({
            load() {},
            get formulas() { return contents(row + dr, column + dc, 1, 1, false); },
            set formulas(f) { sheet.formulas[row + dr - sheet.formulasAt[0]][column + dc - sheet.formulasAt[1]] = f[0][0]; sheet.edits = (sheet.edits ?? 0) + 1; },
          }),
        });
      },
    }),
  },
    names: {
      items: sheet.names,
      getItemOrNullObject(n) { return sheet.names.find((x) => x.name === n) ?? { isNullObject: true, load() {} }; },
      add(name, range, comment) {
        sheet.names.push({ name, comment, address: range.address, isNullObject: false, load() {}, delete() { sheet.names.splice(sheet.names.indexOf(this), 1); }, getRange() { return workbook._nameRange(this.address); } });
      },
      load() {},
    },
  };
  window.Excel = {
    run: async (batch) => batch({
      sync: async () => { if (config.failOnWrite && sheet.formulas) throw new Error("GeneralException: an internal error occurred"); },
      workbook,
    }),
  };
})();
`;
}

const OFFICE_STAND_IN = officeStandIn();

describe("the task pane in Excel (a stand-in object model)", () => {
  test("asks before overwriting a non-empty cell, writes after Overwrite, and says what it wrote", async () => {
    const { page, errors } = await openPane({ officeStandIn: OFFICE_STAND_IN });
    await expect(page.locator("#howto").isVisible()).resolves.toBe(false);
    await fillCondor(page);
    await page.getByRole("button", { name: "Build condor" }).click();
    await page.waitForSelector("#confirm:not([hidden])");
    expect(await page.locator("#confirm-text").innerText()).toBe("1 cell in Sheet1!B2:K82 is not empty. Overwrite it with the condor block?");
    expect(await page.locator("#confirm-list li").allInnerTexts()).toEqual(["Sheet1!B2"]);
    expect(await page.evaluate(() => (window as unknown as { __sheet: { formulas: unknown } }).__sheet.formulas)).toBeNull();
    await shoot(page, "condor-confirm.png", false);

    await page.getByRole("button", { name: "Cancel" }).click();
    expect(await page.locator("#result").innerText()).toMatch(/^Nothing was written; Sheet1!B2:K82 is unchanged/);
    expect(await page.evaluate(() => (window as unknown as { __sheet: { formulas: unknown } }).__sheet.formulas)).toBeNull();

    await page.getByRole("button", { name: "Build condor" }).click();
    await page.getByRole("button", { name: "Overwrite" }).click();
    await page.waitForSelector("#result.ok");
    const result = await page.locator("#result").innerText();
    expect(result).toMatch(/^Wrote the condor block to Sheet1!B2:K82: \d+ cells \(\d+ formulas, \d+ values\), 6 spilled results \(Sheet1!C24:K24, /);
    expect(result).toContain('line chart "Condor P/L, position $" over Sheet1!M2:T21');
    expect(result).toContain("1 non-empty cells were overwritten, as confirmed.");
    expect(result).toContain("Position $ vega: Sheet1!G25");
    const written = await page.evaluate(() => (window as unknown as { __sheet: { formulas: string[][]; formulasAt: number[]; charts: unknown[] } }).__sheet);
    expect(written.formulasAt).toEqual([1, 1]);
    expect(written.formulas[0][0]).toBe("SHIELD iron condor");
    expect(written.formulas[22][1]).toBe("=SHIELD.CONDOR_GREEKS(C4,D17,D18,D19,D20,C5,G17:G20,C8,C9)");
    expect(written.charts).toHaveLength(1);
    // The block is marked by a workbook name over its range, for reading it back.
    const names = await page.evaluate(() =>
      (window as unknown as { __sheet: { names: Array<{ name: string; address: string; comment: string }> } }).__sheet.names.map(
        ({ name, address, comment }) => ({ name, address, comment }),
      ),
    );
    expect(names).toEqual([
      { name: "SHIELD_condor_Sheet1_B2", address: "Sheet1!B2:K82", comment: expect.stringMatching(/^\{"shield":1,"kind":"condor","built":"\d{4}-/) },
    ]);
    // After the write, the view shows the block's summary (no sheet-like table: the block is in the sheet).
    expect(await page.locator("#view-condor h2").innerText()).toBe("Written to Sheet1!B2:K82");
    expect(await tileText(page, "pop")).toBe("70.1%");
    expect(await page.locator("#view-condor table.sheet").count()).toBe(0);
    // The ladder form now offers the condor block's vega cell.
    await page.getByRole("tab", { name: "Hedge ladder" }).click();
    await page.getByRole("button", { name: /Use the condor block's \$ vega \(Sheet1!G25\)/ }).click();
    expect(await page.getByLabel("Position dollar vega").inputValue()).toBe("=Sheet1!G25");
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("the task pane in Excel: reading a block back", () => {
  test("with a cell of a block selected, Read loads its inputs into the form; Rebuild here asks, then writes over it", async () => {
    const { page, errors } = await openPane({ officeStandIn: officeStandIn({ cells: { "1,1": "" } }) });
    expect(await page.locator("#read-block").isVisible()).toBe(true);
    await fillCondor(page);
    await page.getByRole("button", { name: "Build condor" }).click();
    await page.waitForSelector("#result.ok");
    // The user changes the form, then selects D30 (inside the block at B2:K82) and reads the block.
    await page.getByLabel("Spot", { exact: true }).fill("4000");
    await page.getByLabel("Quantity").fill("3");
    await page.evaluate(() => (window as unknown as { __sheet: { select(r: number, c: number): void } }).__sheet.select(29, 3));
    await page.getByRole("button", { name: "Read selected block" }).click();
    await page.waitForSelector("#rebuild-block");
    expect(await page.locator("#result").innerText()).toMatch(/^Loaded the condor block at Sheet1!B2:K82 into the form\./);
    expect(await page.getByLabel("Spot", { exact: true }).inputValue()).toBe("5000");
    expect(await page.getByLabel("Quantity").inputValue()).toBe("10");
    expect(await page.getByLabel("Put-side vol").inputValue()).toBe("0.21");
    expect(await page.locator("#view-condor h2").innerText()).toBe("Read from Sheet1!B2:K82");
    expect(await tileText(page, "pop")).toBe("70.1%");
    // Rebuild here: the block's own cells are not empty, so it asks first, and writes at B2 once confirmed.
    await page.getByRole("button", { name: "Rebuild here" }).click();
    await page.waitForSelector("#confirm:not([hidden])");
    expect(await page.locator("#confirm-text").innerText()).toMatch(/^\d+ cells in Sheet1!B2:K82 are not empty\. Overwrite them with the condor block\?$/);
    await page.getByRole("button", { name: "Overwrite" }).click();
    await page.waitForSelector("#result.ok");
    expect(await page.locator("#result").innerText()).toMatch(/^Wrote the condor block to Sheet1!B2:K82/);
    const names = await page.evaluate(() => (window as unknown as { __sheet: { names: Array<{ name: string }> } }).__sheet.names.map((n) => n.name));
    expect(names).toEqual(["SHIELD_condor_Sheet1_B2"]);
    // Edit in place: read it again, change the spot, and write only that input cell after confirming.
    await page.getByRole("button", { name: "Read selected block" }).click();
    await page.waitForSelector("#edit-in-place");
    await page.getByLabel("Spot", { exact: true }).fill("5100");
    await page.getByRole("button", { name: "Update its inputs in place" }).click();
    await page.waitForSelector("#confirm:not([hidden])");
    expect(await page.locator("#confirm-list li").allInnerTexts()).toEqual(["Sheet1!C4 Spot: 5000 → 5100"]);
    await page.getByRole("button", { name: "Change" }).click();
    await page.waitForSelector("#result.ok");
    expect(await page.locator("#result").innerText()).toBe(
      "Updated 1 input cell of Sheet1!B2:K82: Sheet1!C4 Spot: 5000 → 5100. Strikes, credit and formulas are unchanged.",
    );
    const sheetAfter = await page.evaluate(() => (window as unknown as { __sheet: { formulas: unknown[][]; edits: number } }).__sheet);
    expect(sheetAfter.formulas[2][1]).toBe(5100); // block row 3, column B = Sheet1!C4
    expect(sheetAfter.edits).toBe(1);
    // Outside any block: a message, nothing loaded.
    await page.evaluate(() => (window as unknown as { __sheet: { select(r: number, c: number): void } }).__sheet.select(200, 30));
    await page.getByRole("button", { name: "Read selected block" }).click();
    await expect(page.locator("#result").innerText()).resolves.toMatch(/^The selection Sheet1!AE201 is not inside a SHIELD block\./);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("the task pane in Excel: what it says when it cannot write, or stops partway", () => {
  const formulasOnSheet = (page: Page) => page.evaluate(() => (window as unknown as { __sheet: { formulas: unknown } }).__sheet.formulas);

  test("cells where the chart would go are part of the question, and covered once confirmed", async () => {
    // M3: inside the chart's area (M2:T21 for a block at B2), outside the block (B2:K82).
    const { page, errors } = await openPane({ officeStandIn: officeStandIn({ cells: { "2,12": "my note" } }) });
    await fillCondor(page);
    await page.getByRole("button", { name: "Build condor" }).click();
    await page.waitForSelector("#confirm:not([hidden])");
    expect(await page.locator("#confirm-text").innerText()).toBe(
      "1 cell in Sheet1!B2:K82 is not empty. 1 non-empty cell in Sheet1!M2:T21 would sit under the chart (not changed, but hidden by it). " +
        "Overwrite the block's cells and cover the others with the chart?",
    );
    expect(await page.locator("#confirm-list li").allInnerTexts()).toEqual(["Sheet1!B2", "Sheet1!M3 (under the chart)"]);
    expect(await formulasOnSheet(page)).toBeNull();
    await page.getByRole("button", { name: "Overwrite" }).click();
    await page.waitForSelector("#result.ok");
    const result = await page.locator("#result").innerText();
    expect(result).toContain(
      "1 non-empty cells were overwritten, as confirmed. 1 non-empty cell is now under the chart (unchanged, hidden by it), as confirmed.",
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  test("a protected sheet: a clear message, and nothing written", async () => {
    const { page, errors } = await openPane({ officeStandIn: officeStandIn({ protected: true }) });
    await fillCondor(page);
    await page.getByRole("button", { name: "Build condor" }).click();
    await page.waitForSelector("#result.error");
    expect(await page.locator("#result").innerText()).toBe(
      'Nothing was written: the sheet "Sheet1" is protected. Unprotect it (Review > Unprotect Sheet) or select a cell on another sheet, then build again.',
    );
    expect(await page.locator("#confirm").isVisible()).toBe(false);
    expect(await formulasOnSheet(page)).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  test("a selection too close to the sheet's end: says how much room is needed and where it fits, and writes nothing", async () => {
    const { page, errors } = await openPane({ officeStandIn: officeStandIn({ selection: [1048560, 1], cells: {} }) });
    await fillCondor(page);
    await page.getByRole("button", { name: "Build condor" }).click();
    await page.waitForSelector("#result.error");
    expect(await page.locator("#result").innerText()).toBe(
      "Nothing was written: the condor block and its chart need 81 rows x 19 columns from Sheet1!B1048561 (Sheet1!B1048561:T1048641), " +
        "but the sheet ends at row 1,048,576 (16 rows left). Select Sheet1!B1048496 or a cell above or to the left of it, then build again.",
    );
    expect(await formulasOnSheet(page)).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  test("Excel failing while writing: the pane no longer claims nothing was written, and names the range to check", async () => {
    const { page, errors } = await openPane({ officeStandIn: officeStandIn({ cells: { "1,1": "" }, failOnWrite: true }) });
    await fillCondor(page);
    await page.getByRole("button", { name: "Build condor" }).click();
    await page.waitForSelector("#result.error");
    const text = await page.locator("#result").innerText();
    expect(text).toBe(
      "Excel stopped partway through writing the condor block: GeneralException: an internal error occurred. Part of it may already be on the sheet: " +
        "check Sheet1!B2:K82 and the chart area Sheet1!M2:T21, clear what is there or build again over it.",
    );
    expect(text).not.toMatch(/Nothing was written/);
    expect(await formulasOnSheet(page)).not.toBeNull(); // the stand-in applied part of the batch, as Excel can
    expect(errors).toEqual([]);
    await page.close();
  });
});
