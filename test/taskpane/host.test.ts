/**
 * Knowing at once that the pane is outside Office (src/taskpane/host.ts), from the same signs
 * office.js reads (office.debug.js, _retrieveHostInfo), and the Office theme's darkness.
 */
import { officeThemeIsDark, outsideOffice, type HostSigns } from "../../src/taskpane/host";

const plain: HostSigns = { search: "", windowName: "", sessionHostInfo: null, externalHostInfo: null };

describe("outsideOffice", () => {
  test("a plain browser page has no host sign: outside Office", () => {
    expect(outsideOffice(plain)).toBe(true);
    expect(outsideOffice({ ...plain, search: "?theme=dark", windowName: "not json" })).toBe(true);
  });

  test("any one of office.js's host signs means inside (or possibly inside) Office", () => {
    expect(outsideOffice({ ...plain, search: "?_host_Info=Excel$Win32$16.01$en-US$$$$0" })).toBe(false);
    expect(outsideOffice({ ...plain, windowName: JSON.stringify({ hostInfo: "Excel|Web|16.00|en-US" }) })).toBe(false);
    expect(outsideOffice({ ...plain, sessionHostInfo: "Excel$Mac$16.01$en-US" })).toBe(false);
    expect(outsideOffice({ ...plain, externalHostInfo: "Excel$Win32$16.01$en-US" })).toBe(false);
  });
});

describe("officeThemeIsDark", () => {
  test("Office's dark and black themes are dark, its white and colorful ones light; no theme is unknown", () => {
    expect(officeThemeIsDark("#1f1f1f")).toBe(true);
    expect(officeThemeIsDark("#000000")).toBe(true);
    expect(officeThemeIsDark("#ffffff")).toBe(false);
    expect(officeThemeIsDark("#e6e6e6")).toBe(false);
    expect(officeThemeIsDark(undefined)).toBeUndefined();
    expect(officeThemeIsDark("")).toBeUndefined();
  });
});
