/**
 * The production build for a host of one's own: `npm run build -- --env ADDIN_URL=<url>` into a
 * temporary folder (offline; `office-addin-manifest validate` would need the internet). Its
 * manifest is well-formed, every URL in it is on that URL (base path kept) and names a file the
 * build emitted, every resid is defined, the version is package.json's plus the build number,
 * and the functions' help links moved with it. Without ADDIN_URL, dist/ is for the dev server.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { XMLValidator } from "fast-xml-parser";
import { distDir } from "../helpers/bundle";
import { readManifest } from "../helpers/manifest";

const root = path.resolve(__dirname, "..", "..");
const webpackCli = require.resolve("webpack-cli/bin/cli.js");
const packageVersion = (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version: string }).version;
const ADDIN_URL = "https://addins.example.com/shield";

function build(outDir: string, env: Record<string, string>, args: string[]) {
  return spawnSync(process.execPath, [webpackCli, "--mode", "production", "--output-path", outDir, ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
}

describe("a production build with --env ADDIN_URL=https://addins.example.com/shield", () => {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "shield-build-"));
  let xml = "";

  beforeAll(() => {
    const run = build(outDir, { BUILD_NUMBER: "4242" }, ["--env", `ADDIN_URL=${ADDIN_URL}/`]);
    if (run.status !== 0) throw new Error(`the build failed:\n${run.stdout}\n${run.stderr}`);
    xml = fs.readFileSync(path.join(outDir, "manifest.xml"), "utf8");
  }, 180_000);

  afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

  test("writes a well-formed manifest.xml", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  test("puts every URL on the add-in's URL, base path kept, each naming a file the build emitted", () => {
    const { urls } = readManifest(xml);
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) {
      expect(url.startsWith(`${ADDIN_URL}/`)).toBe(true);
      const file = url.slice(ADDIN_URL.length + 1);
      expect(fs.existsSync(path.join(outDir, file)) ? file : `${file} is not in the build`).toBe(file);
    }
    expect(xml).not.toContain("localhost");
  });

  test("trusts the add-in's origin as its AppDomain", () => {
    expect(readManifest(xml).appDomains).toEqual(["https://addins.example.com"]);
  });

  test("defines every resid it uses", () => {
    const { used, defined } = readManifest(xml);
    expect(used.length).toBeGreaterThan(5);
    expect(used.filter((id) => !defined.has(id))).toEqual([]);
  });

  test("is versioned package.json's version plus the build number", () => {
    expect(readManifest(xml).version).toBe(`${packageVersion}.4242`);
  });

  test("moves every function's help link to the add-in's URL, onto an anchor of the built reference", () => {
    const metadata = JSON.parse(fs.readFileSync(path.join(outDir, "functions.json"), "utf8")) as { functions: Array<{ id: string; helpUrl: string }> };
    const html = fs.readFileSync(path.join(outDir, "functions.html"), "utf8");
    for (const fn of metadata.functions) {
      expect(fn.helpUrl).toBe(`${ADDIN_URL}/functions.html#${fn.id.toLowerCase()}`);
      expect(html).toMatch(new RegExp(`<a id="?${fn.id.toLowerCase()}"?>`));
    }
  });
});

describe("the build's ADDIN_URL and version rules", () => {
  test("refuses an http URL with a message saying why", () => {
    const run = build(path.join(os.tmpdir(), "shield-never-written"), {}, ["--env", "ADDIN_URL=http://addins.example.com"]);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("ADDIN_URL must be an https URL");
  }, 60_000);

  test("without ADDIN_URL, dist/manifest.xml (npm run build) is for the dev server on https://localhost:3000", () => {
    const { urls, appDomains, version } = readManifest(fs.readFileSync(path.join(distDir, "manifest.xml"), "utf8"));
    for (const url of urls) expect(url.startsWith("https://localhost:3000/")).toBe(true);
    expect(appDomains).toEqual(["https://localhost:3000"]);
    const commits = execFileSync("git", ["rev-list", "--count", "HEAD"], { cwd: root }).toString().trim();
    expect([`${packageVersion}.${commits}`, `${packageVersion}.${process.env.BUILD_NUMBER}`]).toContain(version);
  });
});
