/**
 * Is the pane inside Office? An Office host tells an add-in page who it is before any script
 * runs, in one of the places office.js itself reads (office.debug.js, _retrieveHostInfo):
 * `window.external.GetHostInfo()` (Windows desktop), the `_host_Info` query parameter (Excel on
 * the web, Mac), a `hostInfo` in `window.name`, or `hostInfoValue` kept in sessionStorage after a
 * reload. A plain browser has none of them, so the pane can say "Preview" at once instead of
 * waiting seconds for `Office.onReady` to give up. `Office.onReady` still decides: a host that
 * reports Excel later upgrades the pane to Excel mode.
 */

export type Mode = "excel" | "preview";

/** What the page can see of its host (a parameter so that a test can hand in any). */
export interface HostSigns {
  search: string;
  windowName: string;
  sessionHostInfo: string | null;
  externalHostInfo: string | null;
}

/** True when no sign of an Office host is present: the page was opened in a plain browser. */
export function outsideOffice(signs: HostSigns): boolean {
  if (signs.externalHostInfo) return false;
  if (new URLSearchParams(signs.search).has("_host_Info")) return false;
  if (signs.sessionHostInfo) return false;
  try {
    const parsed = JSON.parse(signs.windowName) as { hostInfo?: unknown } | null;
    if (parsed && typeof parsed === "object" && parsed.hostInfo) return false;
  } catch {
    // window.name is not office.js's JSON: no host info there.
  }
  return true;
}

/** The signs of the current page. */
export function pageSigns(win: Window): HostSigns {
  let sessionHostInfo: string | null = null;
  try {
    sessionHostInfo = win.sessionStorage?.getItem("hostInfoValue") ?? null;
  } catch {
    // Storage blocked: no sign there.
  }
  let externalHostInfo: string | null = null;
  try {
    const ext = (win as unknown as { external?: { GetHostInfo?: () => string } }).external;
    externalHostInfo = typeof ext?.GetHostInfo === "function" ? ext.GetHostInfo() : null;
  } catch {
    // GetHostInfo throws outside the Office sandbox.
  }
  return { search: win.location.search, windowName: win.name, sessionHostInfo, externalHostInfo };
}

/**
 * Watches for the mode: `onMode` is called with the first answer (at once with "preview" in a
 * plain browser or without office.js; else when Office.onReady answers, or "preview" after
 * `timeoutMs`), and again with "excel" if Office.onReady reports Excel after a preview answer.
 */
export function watchMode(win: Window, onMode: (mode: Mode) => void, timeoutMs = 5000): void {
  const office = (win as unknown as { Office?: typeof Office }).Office;
  let current: Mode | undefined;
  const tell = (mode: Mode) => {
    if (mode === current) return;
    if (current === "excel") return; // once in Excel, stay
    current = mode;
    onMode(mode);
  };
  if (!office || typeof office.onReady !== "function") return tell("preview");
  if (outsideOffice(pageSigns(win))) tell("preview");
  const timer = setTimeout(() => tell("preview"), timeoutMs);
  office
    .onReady()
    .then((info) => {
      clearTimeout(timer);
      tell(info && String(info.host) === "Excel" ? "excel" : "preview");
    })
    .catch(() => {
      clearTimeout(timer);
      tell("preview");
    });
}

/**
 * Whether Office's theme is dark, from its body background colour ("#1f1f1f"), or undefined
 * when Office gives none (a plain browser: the page then follows prefers-color-scheme).
 */
export function officeThemeIsDark(bodyBackground: string | undefined): boolean | undefined {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(bodyBackground ?? "");
  if (!m) return undefined;
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => parseInt(x, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}
