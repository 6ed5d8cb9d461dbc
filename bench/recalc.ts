/**
 * Bench section "recalculation": a sheet of 10,000 cells of each custom function recalculated
 * through the functions bundle as shipped (dist/functions.js, production build, loaded into this
 * context the way Excel's JavaScript runtime loads it: the registered functions are the ones the
 * bundle associated). Arguments: each function's valid call from test/functions/valid/ shaped as
 * Excel passes them (a matrix parameter gets rows of cells: a single value as [[x]]), with `spot`
 * (when the function has one) varied over 100 values so that the cells are not all the same.
 * Interleaved rounds over the functions; ms per 10,000 cells, median (min-max).
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { interleaved, spread, table, type Case } from "./harness";

const CELLS = 10_000;

interface Meta {
  id: string;
  parameters: Array<{ name: string; dimensionality?: string }>;
}

/** Every `VALID` table of test/functions/valid/ (esbuild bundles each file the pattern matches). */
function validCalls(): Record<string, unknown[]> {
  const dir = path.join("test", "functions", "valid");
  const tables = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => (require(`../test/functions/valid/${f}`) as { VALID: Record<string, unknown[]> }).VALID);
  return Object.assign({}, ...tables) as Record<string, unknown[]>;
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

export function run(): void {
  const bundle = path.join("dist", "functions.js");
  if (!fs.existsSync(bundle)) {
    console.log("recalculation: dist/functions.js is missing; build it first (npx webpack --mode production)");
    return;
  }
  const stale = fs.statSync(bundle).mtimeMs < newestSource("src") ? " (WARNING: older than src/, rebuild for current numbers)" : "";
  vm.runInThisContext(fs.readFileSync(bundle, "utf8"), { filename: bundle });
  const registry = (globalThis as { SHIELD_PREVIEW?: { registry: Map<string, (...args: unknown[]) => unknown> } }).SHIELD_PREVIEW?.registry;
  const metadata = JSON.parse(fs.readFileSync(path.join("dist", "functions.json"), "utf8")) as { functions: Meta[] };
  if (!registry) throw new Error("the bundle registered nothing");
  const valid = validCalls();

  const cases: Case[] = [];
  const skipped: string[] = [];
  for (const meta of metadata.functions) {
    const fn = registry.get(meta.id);
    const args = valid[meta.id];
    if (!fn || !args) {
      skipped.push(meta.id);
      continue;
    }
    const shaped = meta.parameters.map((p, j) => {
      const v = args[j];
      return p.dimensionality === "matrix" && v !== null && v !== undefined && !Array.isArray(v) ? [[v]] : v;
    });
    const s = meta.parameters.findIndex((p) => p.name === "spot");
    const variants = Array.from({ length: 100 }, (_, k) => {
      const a = shaped.slice();
      if (s >= 0) {
        const x = a[s];
        if (typeof x === "number") a[s] = x * (1 + k * 1e-4);
        else if (Array.isArray(x) && typeof x[0]?.[0] === "number") a[s] = [[x[0][0] * (1 + k * 1e-4)]];
      }
      return a;
    });
    cases.push({
      name: meta.id,
      calls: 1,
      body: () => {
        let acc = 0;
        for (let i = 0; i < CELLS; i++) {
          const r = fn(...variants[i % 100]);
          acc += typeof r === "number" ? r : 1;
        }
        return acc;
      },
    });
  }
  const t = interleaved(cases, 7);
  table(
    `Recalculation of ${CELLS.toLocaleString("en-US")} cells per function through dist/functions.js as shipped${stale}: ms per recalculation, median (min-max) of 7 interleaved rounds`,
    ["function", "ms / 10,000 cells", "us / cell (median)"],
    cases.map((c, k) => [c.name, spread(t[k], 1e-6), t[k].median / CELLS / 1000]),
    skipped.length ? [`(No valid call in test/functions/valid/ for: ${skipped.join(", ")}.)`] : [],
  );
}
