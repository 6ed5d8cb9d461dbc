/**
 * The BUILT task pane (./dist or $SHIELD_DIST) in headless Chromium, outside Office: preview
 * mode. office.js is requested from Microsoft's CDN; this machine is offline, so the test serves
 * the same file from node_modules/@microsoft/office-js (page.route). It fills both builders,
 * builds, checks the previewed values against independently computed ones, and that the
 * console stayed free of errors. SHIELD_SCREENSHOTS=1 also writes docs/screenshots/*.png.
 *
 * Needs Debian's chromium at /usr/bin/chromium (apt-get install -y chromium; .ci/run does it).
 */
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import type { AddressInfo } from "net";
import { chromium, type Browser, type Page } from "playwright-core";
import { distDir } from "../helpers/bundle";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const OFFICE_DIST = path.join(__dirname, "..", "..", "node_modules", "@microsoft", "office-js", "dist");
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const SHOTS = path.join(__dirname, "..", "..", "docs", "screenshots");
const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".png": "image/png", ".map": "application/json" };

jest.setTimeout(60_000);

let server: http.Server;
let origin: string;
let browser: Browser;
let userDataDir: string;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}. Install it with: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH).`);
  }
  if (!fs.existsSync(path.join(distDir, "taskpane.html"))) throw new Error(`No built pane in ${distDir}: run the build first (npm run build).`);
  server = http.createServer((req, res) => {
    const file = path.join(distDir, decodeURIComponent((req.url ?? "/").split("?")[0]));
    if (!file.startsWith(distDir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "shield-pane-chromium-"));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
});

/** A pane-sized page whose CDN requests are served locally (or failed, with `officeFails`); console errors collected. */
async function openPane(options: { officeFails?: boolean; officeStandIn?: string } = {}): Promise<{ page: Page; errors: string[]; officeRequests: string[] }> {
  const context = await browser.newContext({ viewport: { width: 320, height: 1100 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
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
  await page.goto(`${origin}/taskpane.html`);
  await page.waitForSelector(options.officeStandIn ? "#mode.excel" : "#mode.preview", { timeout: 15_000 });
  return { page, errors, officeRequests };
}

const cellText = (page: Page, address: string) => page.locator(`#preview td[data-cell="${address}"]`).innerText();

async function fillCondor(page: Page): Promise<void> {
  // The issue's example: spot 5000, 30 days, put vol 0.21, call vol 0.16, 0.16 delta, 50-point wings, 10 condors.
  await page.getByLabel("Spot", { exact: true }).fill("5000");
  await page.getByLabel("Days to expiry").fill("30");
  await page.getByLabel("Put-side vol").fill("0.21");
  await page.getByLabel("Call-side vol").fill("0.16");
  await page.getByLabel("Quantity").fill("10");
}

describe("the task pane in a plain browser (preview mode)", () => {
  test("builds the condor preview with the expected values and no console errors", async () => {
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
    await fillCondor(page);
    await page.getByRole("button", { name: "Build condor" }).click();
    await page.waitForSelector("#preview table.sheet");
    // Strikes: hand derivation in test/taskpane/plan.test.ts (4717.97 -> 4720, 5238.87 -> 5240), wings 50.
    expect(await cellText(page, "C16")).toBe("4670.00");
    expect(await cellText(page, "C17")).toBe("4720.00");
    expect(await cellText(page, "C18")).toBe("5240.00");
    expect(await cellText(page, "C19")).toBe("5290.00");
    // Independent oracle (Python statistics.NormalDist, BSM of the four legs at 30/365 years):
    // credit 14.0517848; breakevens 4720 - credit = 4705.948, 5240 + credit = 5254.052;
    // POP = N(d2(4705.948, 0.21)) - N(d2(5254.052, 0.16)) = 0.700698; vega per unit -1.3172123 -> x 10 x 100.
    expect(await cellText(page, "B11")).toBe("14.05");
    expect(await cellText(page, "B23")).toBe("14.05");
    expect(await cellText(page, "F23")).toBe("-1.3172");
    expect(await cellText(page, "F24")).toBe("-1,317.21");
    expect(await cellText(page, "B27")).toBe("4705.95");
    expect(await cellText(page, "C27")).toBe("5254.05");
    expect(await cellText(page, "B31")).toBe("70.1%");
    expect(await page.locator('#preview dd[data-key="pop"]').innerText()).toBe("70.1% B31");
    expect(await page.locator('#preview dd[data-key="positionVega"]').innerText()).toBe("-1,317.21 F24");
    expect(await cellText(page, "B29")).toBe("14.05"); // max profit = credit
    expect(await cellText(page, "C29")).toBe("35.95"); // max loss = 50 - credit
    expect(await page.locator("#preview figure.chart polyline").count()).toBe(2);
    expect(await page.locator("#preview td.err").count()).toBe(0);
    expect(await page.locator("#result").innerText()).toMatch(/Preview only: nothing is written outside Excel/);
    if (process.env.SHIELD_SCREENSHOTS) {
      fs.mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SHOTS, "condor-builder.png"), fullPage: true });
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test("builds the ladder preview from the condor block's vega, with the expected contracts", async () => {
    const { page, errors } = await openPane();
    await fillCondor(page);
    await page.getByRole("button", { name: "Build condor" }).click();
    await page.waitForSelector("#preview table.sheet");
    await page.getByRole("tab", { name: "Hedge ladder" }).click();
    await page.getByRole("button", { name: /Use the condor block's \$ vega \(Sheet1!F24\)/ }).click();
    expect(await page.getByLabel("Position dollar vega").inputValue()).toBe("=Sheet1!F24");
    await page.getByLabel("Position days").fill("30");
    await page.getByLabel("VIX spot").fill("18");
    await page.getByLabel("Layer 1 future price").fill("19");
    await page.getByLabel("Layer 2 future price").fill("20");
    await page.getByLabel("Layer 3 future price").fill("20.5");
    await page.getByRole("button", { name: "Build ladder" }).click();
    await page.waitForSelector("#preview h2:has-text('Hedge ladder block')");
    // SPEC formula by hand (Python): vega -1317.2123, beta_iv = min(1.5, sqrt(30/30)) = 1;
    // layer 30d: beta 0.5, s = 19/18 - 1 = 0.05556, ratio 1 + 3(0.05 - s) = 0.98333 -> 1.29526 contracts;
    // 60d: beta 0.35355, ratio 0.98333 -> 1.09906; 90d: beta 0.28868, ratio 1.01111 -> 0.92273.
    expect(await cellText(page, "B3")).toBe("-1,317.21");
    expect(await cellText(page, "F16")).toBe("1.30");
    expect(await cellText(page, "F17")).toBe("1.10");
    expect(await cellText(page, "F18")).toBe("0.92");
    expect(await cellText(page, "G16")).toBe("1");
    expect(await cellText(page, "E18")).toBe("1.0111");
    expect(await cellText(page, "F19")).toBe("3.32"); // 1.29526 + 1.09906 + 0.92273 = 3.31705
    expect(await cellText(page, "G19")).toBe("3");
    expect(await page.locator('#preview dd[data-key="contracts"]').innerText()).toBe("3 G19");
    expect(await page.locator('#preview dd[data-key="totalContracts"]').innerText()).toBe("3.32 F19");
    if (process.env.SHIELD_SCREENSHOTS) await page.screenshot({ path: path.join(SHOTS, "ladder-builder.png"), fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test("flags invalid input beside its field and builds nothing", async () => {
    const { page, errors } = await openPane();
    await fillCondor(page);
    await page.getByLabel("Put-side vol").fill("21");
    await page.getByRole("button", { name: "Build condor" }).click();
    await expect(page.locator("#condor-putVol-error").innerText()).resolves.toBe("Put-side vol must be a decimal between 0 and 5 (enter 20% as 0.2); got 21");
    expect(await page.locator("#condor-putVol").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#preview").isVisible()).toBe(false);
    expect(await page.locator("#result").innerText()).toMatch(/Nothing was written: 1 field needs attention/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test("still previews when office.js cannot load (only that failed request is reported)", async () => {
    const { page, errors } = await openPane({ officeFails: true });
    await fillCondor(page);
    await page.getByRole("button", { name: "Build condor" }).click();
    await page.waitForSelector("#preview table.sheet");
    expect(await cellText(page, "B31")).toBe("70.1%");
    expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
    await page.context().close();
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
  const sheet = { name: "Sheet1", cells: Object.assign({ "1,1": "keep me" }, config.cells), formulas: null, formats: {}, charts: [] };
  window.__sheet = sheet;
  const col = (c) => { let s = ""; c += 1; while (c > 0) { const r = (c - 1) % 26; s = String.fromCharCode(65 + r) + s; c = Math.floor((c - 1) / 26); } return s; };
  const parse = (a) => { const m = /([A-Z]+)([0-9]+)/.exec(a); let c = 0; for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64; return [Number(m[2]) - 1, c - 1]; };
  const contents = (row, column, rs, cs) => Array.from({ length: rs }, (_, r) => Array.from({ length: cs }, (_, c) => sheet.cells[(row + r) + "," + (column + c)] ?? ""));
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
  window.Excel = {
    run: async (batch) => batch({
      sync: async () => { if (config.failOnWrite && sheet.formulas) throw new Error("GeneralException: an internal error occurred"); },
      workbook: {
        getSelectedRange: () => rangeAt(config.selection[0], config.selection[1]),
        worksheets: { getItem: () => ({ getRange: (a) => rangeAt(...parse(a)) }) },
      },
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
    expect(await page.locator("#confirm-text").innerText()).toBe("1 cell in Sheet1!B2:K77 is not empty. Overwrite it with the condor block?");
    expect(await page.locator("#confirm-list li").allInnerTexts()).toEqual(["Sheet1!B2"]);
    expect(await page.evaluate(() => (window as unknown as { __sheet: { formulas: unknown } }).__sheet.formulas)).toBeNull();
    if (process.env.SHIELD_SCREENSHOTS) await page.screenshot({ path: path.join(SHOTS, "condor-confirm.png") });

    await page.getByRole("button", { name: "Cancel" }).click();
    expect(await page.locator("#result").innerText()).toMatch(/^Nothing was written; Sheet1!B2:K77 is unchanged/);
    expect(await page.evaluate(() => (window as unknown as { __sheet: { formulas: unknown } }).__sheet.formulas)).toBeNull();

    await page.getByRole("button", { name: "Build condor" }).click();
    await page.getByRole("button", { name: "Overwrite" }).click();
    await page.waitForSelector("#result.ok");
    const result = await page.locator("#result").innerText();
    expect(result).toMatch(/^Wrote the condor block to Sheet1!B2:K77: \d+ cells \(\d+ formulas, \d+ values\), 5 spilled results \(Sheet1!C24:K24, /);
    expect(result).toContain('line chart "Condor P/L, position $" over Sheet1!M2:T21');
    expect(result).toContain("1 non-empty cells were overwritten, as confirmed.");
    expect(result).toContain("Position $ vega: Sheet1!G25");
    const written = await page.evaluate(() => (window as unknown as { __sheet: { formulas: string[][]; formulasAt: number[]; charts: unknown[] } }).__sheet);
    expect(written.formulasAt).toEqual([1, 1]);
    expect(written.formulas[0][0]).toBe("SHIELD iron condor");
    expect(written.formulas[22][1]).toBe("=SHIELD.CONDOR_GREEKS(C4,D17,D18,D19,D20,C5,G17:G20,C8,C9)");
    expect(written.charts).toHaveLength(1);
    // The ladder form now offers the condor block's vega cell.
    await page.getByRole("tab", { name: "Hedge ladder" }).click();
    await page.getByRole("button", { name: /Use the condor block's \$ vega \(Sheet1!G25\)/ }).click();
    expect(await page.getByLabel("Position dollar vega").inputValue()).toBe("=Sheet1!G25");
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe("the task pane in Excel: what it says when it cannot write, or stops partway", () => {
  const formulasOnSheet = (page: Page) => page.evaluate(() => (window as unknown as { __sheet: { formulas: unknown } }).__sheet.formulas);

  test("cells where the chart would go are part of the question, and covered once confirmed", async () => {
    // M3: inside the chart's area (M2:T21 for a block at B2), outside the block (B2:K77).
    const { page, errors } = await openPane({ officeStandIn: officeStandIn({ cells: { "2,12": "my note" } }) });
    await fillCondor(page);
    await page.getByRole("button", { name: "Build condor" }).click();
    await page.waitForSelector("#confirm:not([hidden])");
    expect(await page.locator("#confirm-text").innerText()).toBe(
      "1 cell in Sheet1!B2:K77 is not empty. 1 non-empty cell in Sheet1!M2:T21 would sit under the chart (not changed, but hidden by it). " +
        "Overwrite the block's cells and cover the others with the chart?",
    );
    expect(await page.locator("#confirm-list li").allInnerTexts()).toEqual(["Sheet1!B2", "Sheet1!M3 (under the chart)"]);
    expect(await formulasOnSheet(page)).toBeNull();
    await page.getByRole("button", { name: "Overwrite" }).click();
    await page.waitForSelector("#result.ok");
    const result = await page.locator("#result").innerText();
    expect(result).toContain("1 non-empty cells were overwritten, as confirmed. 1 non-empty cell is now under the chart (unchanged, hidden by it), as confirmed.");
    expect(errors).toEqual([]);
    await page.context().close();
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
    await page.context().close();
  });

  test("a selection too close to the sheet's end: says how much room is needed and where it fits, and writes nothing", async () => {
    const { page, errors } = await openPane({ officeStandIn: officeStandIn({ selection: [1048560, 1], cells: {} }) });
    await fillCondor(page);
    await page.getByRole("button", { name: "Build condor" }).click();
    await page.waitForSelector("#result.error");
    expect(await page.locator("#result").innerText()).toBe(
      "Nothing was written: the condor block and its chart need 76 rows x 19 columns from Sheet1!B1048561 (Sheet1!B1048561:T1048636), " +
        "but the sheet ends at row 1,048,576 (16 rows left). Select Sheet1!B1048501 or a cell above or to the left of it, then build again.",
    );
    expect(await formulasOnSheet(page)).toBeNull();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test("Excel failing while writing: the pane no longer claims nothing was written, and names the range to check", async () => {
    const { page, errors } = await openPane({ officeStandIn: officeStandIn({ cells: { "1,1": "" }, failOnWrite: true }) });
    await fillCondor(page);
    await page.getByRole("button", { name: "Build condor" }).click();
    await page.waitForSelector("#result.error");
    const text = await page.locator("#result").innerText();
    expect(text).toBe(
      "Excel stopped partway through writing the condor block: GeneralException: an internal error occurred. Part of it may already be on the sheet: " +
        "check Sheet1!B2:K77 and the chart area Sheet1!M2:T21, clear what is there or build again over it.",
    );
    expect(text).not.toMatch(/Nothing was written/);
    expect(await formulasOnSheet(page)).not.toBeNull(); // the stand-in applied part of the batch, as Excel can
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
