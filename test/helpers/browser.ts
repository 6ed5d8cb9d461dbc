/**
 * A headless browser for the pane's tests, found in this order:
 *
 * 1. $CHROMIUM_PATH (any Chromium-based executable);
 * 2. Debian's /usr/bin/chromium (`apt-get install -y chromium`, what .ci/run installs);
 * 3. an installed Google Chrome, then Microsoft Edge (playwright-core's `channel`: "chrome",
 *    "msedge"; their usual install places on Windows, macOS and Linux).
 *
 * When none is there, `launchBrowser` rejects at once with ONE line that says how to get one
 * (nothing waits for a timeout). Every launch gets a fresh, throw-away profile directory.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromium, type BrowserContext } from "playwright-core";

export const LAUNCH_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const NO_BROWSER =
  "No browser for the pane's tests: set CHROMIUM_PATH to a Chromium, Chrome or Edge executable, or install one (Debian/Ubuntu: apt-get install -y chromium; Windows/macOS: Google Chrome or Microsoft Edge).";

export type BrowserChoice = { kind: "path"; executablePath: string; source: string } | { kind: "channel"; channel: "chrome" | "msedge"; source: string };

/** Where playwright-core's "chrome" / "msedge" channels look on each platform (their stable builds). */
function channelPaths(channel: "chrome" | "msedge", platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  const pf = [env["PROGRAMFILES"], env["PROGRAMFILES(X86)"], env["LOCALAPPDATA"]].filter((p): p is string => Boolean(p));
  if (platform === "win32") {
    return channel === "chrome"
      ? pf.map((p) => path.join(p, "Google", "Chrome", "Application", "chrome.exe"))
      : pf.map((p) => path.join(p, "Microsoft", "Edge", "Application", "msedge.exe"));
  }
  if (platform === "darwin") {
    return [
      channel === "chrome" ? "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" : "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
    ];
  }
  return [channel === "chrome" ? "/opt/google/chrome/chrome" : "/opt/microsoft/msedge/msedge"];
}

/**
 * Picks the browser (see the module comment) from what `exists` says is on disk; undefined when
 * there is none. Pure apart from `exists`, so the order can be tested anywhere.
 */
export function chooseBrowser(
  env: NodeJS.ProcessEnv = process.env,
  exists: (p: string) => boolean = fs.existsSync,
  platform: NodeJS.Platform = process.platform,
): BrowserChoice | { kind: "none"; reason: string } {
  const custom = env.CHROMIUM_PATH;
  if (custom) {
    if (exists(custom)) return { kind: "path", executablePath: custom, source: "CHROMIUM_PATH" };
    return { kind: "none", reason: `CHROMIUM_PATH is set to ${custom}, which does not exist. ${NO_BROWSER}` };
  }
  if (exists("/usr/bin/chromium")) return { kind: "path", executablePath: "/usr/bin/chromium", source: "/usr/bin/chromium" };
  for (const channel of ["chrome", "msedge"] as const) {
    if (channelPaths(channel, platform, env).some(exists)) return { kind: "channel", channel, source: `channel ${channel}` };
  }
  return { kind: "none", reason: NO_BROWSER };
}

export interface LaunchedBrowser {
  /** A persistent context on a fresh profile directory (the pane's pages open in it). */
  context: BrowserContext;
  source: string;
  close(): Promise<void>;
}

/** Launches the chosen browser headless with LAUNCH_FLAGS and a fresh --user-data-dir; rejects with one clear line when there is none. */
export async function launchBrowser(viewport = { width: 350, height: 1100 }): Promise<LaunchedBrowser> {
  const choice = chooseBrowser();
  if (choice.kind === "none") throw new Error(choice.reason);
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "shield-pane-browser-"));
  const options = {
    headless: true,
    args: LAUNCH_FLAGS,
    viewport,
    deviceScaleFactor: 1,
    ...(choice.kind === "path" ? { executablePath: choice.executablePath } : { channel: choice.channel }),
  };
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, options);
  } catch (error) {
    fs.rmSync(userDataDir, { recursive: true, force: true });
    throw new Error(`Could not start the browser from ${choice.source}: ${(error as Error).message.split("\n")[0]}`);
  }
  return {
    context,
    source: choice.source,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
