/**
 * The browser finder of the pane's browser tests (test/helpers/browser.ts): its order, and that a
 * machine with none gets one clear line at once (no time-out, no hang in afterAll).
 */
import * as path from "path";
import { NO_BROWSER, chooseBrowser } from "../helpers/browser";

const only =
  (...present: string[]) =>
  (p: string) =>
    present.includes(p);

describe("chooseBrowser", () => {
  test("CHROMIUM_PATH first, when it exists", () => {
    expect(chooseBrowser({ CHROMIUM_PATH: "/opt/c/chrome" }, only("/opt/c/chrome", "/usr/bin/chromium"), "linux")).toEqual({
      kind: "path",
      executablePath: "/opt/c/chrome",
      source: "CHROMIUM_PATH",
    });
  });

  test("a CHROMIUM_PATH that does not exist is an error naming it (not a silent fallback)", () => {
    expect(chooseBrowser({ CHROMIUM_PATH: "/nope" }, only("/usr/bin/chromium"), "linux")).toEqual({
      kind: "none",
      reason: `CHROMIUM_PATH is set to /nope, which does not exist. ${NO_BROWSER}`,
    });
  });

  test("then Debian's /usr/bin/chromium, then Chrome, then Edge", () => {
    expect(chooseBrowser({}, only("/usr/bin/chromium", "/opt/google/chrome/chrome"), "linux")).toMatchObject({
      kind: "path",
      executablePath: "/usr/bin/chromium",
    });
    expect(chooseBrowser({}, only("/opt/google/chrome/chrome", "/opt/microsoft/msedge/msedge"), "linux")).toEqual({
      kind: "channel",
      channel: "chrome",
      source: "channel chrome",
    });
    expect(chooseBrowser({}, only("/opt/microsoft/msedge/msedge"), "linux")).toEqual({ kind: "channel", channel: "msedge", source: "channel msedge" });
    expect(chooseBrowser({}, only("/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge"), "darwin")).toMatchObject({
      kind: "channel",
      channel: "msedge",
    });
    const win = { PROGRAMFILES: "C:\\Program Files" };
    const chromeWin = path.join("C:\\Program Files", "Google", "Chrome", "Application", "chrome.exe");
    expect(chooseBrowser(win, only(chromeWin), "win32")).toMatchObject({ kind: "channel", channel: "chrome" });
  });

  test("none at all: one line that says how to get one", () => {
    const none = chooseBrowser({}, only(), "linux");
    expect(none).toEqual({ kind: "none", reason: NO_BROWSER });
    expect(NO_BROWSER).not.toContain("\n");
    expect(NO_BROWSER).toMatch(/CHROMIUM_PATH.*apt-get install -y chromium.*Chrome.*Edge/);
  });
});
