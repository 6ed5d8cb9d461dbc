/**
 * The C baseline of bench/native/bsm.c: compiled -O2 here when a C compiler (`cc` or `gcc`)
 * exists, then run on the same inputs as the TypeScript core, one process per round (it times
 * its own batch: see the C file). Without a compiler the bench says so and leaves C out.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import type { OptionInput } from "./inputs";

const CACHE = path.join("node_modules", ".cache", "shield-bench");

export interface Native {
  compiler: string;
  /** ns per price + nine outputs, ns per price alone: one batch each (after a warm-up batch) in a fresh process. */
  run(): { all: number; price: number };
}

function findCompiler(): string | undefined {
  for (const cc of ["cc", "gcc"]) {
    try {
      execFileSync(cc, ["--version"], { stdio: "pipe" });
      return cc;
    } catch {
      // try the next one
    }
  }
  return undefined;
}

/** Builds the baseline, or returns undefined (with the reason printed) when it cannot. */
export function native(inputs: readonly OptionInput[], calls = 10_000): Native | undefined {
  const cc = findCompiler();
  if (!cc) {
    console.log("C baseline: no C compiler (cc or gcc) on this machine, so no native column");
    return undefined;
  }
  fs.mkdirSync(CACHE, { recursive: true });
  const exe = path.join(CACHE, "bsm-native");
  const source = path.join("bench", "native", "bsm.c");
  try {
    execFileSync(cc, ["-O2", "-o", exe, source, "-lm"], { stdio: "pipe" });
  } catch (error) {
    console.log(`C baseline: ${cc} -O2 failed (${String(error).split("\n")[0]}), so no native column`);
    return undefined;
  }
  const data = new Float64Array(inputs.length * 7);
  inputs.forEach((x, i) => data.set([x.kind === "call" ? 1 : -1, x.spot, x.strike, x.days, x.vol, x.rate, 0], i * 7));
  const bin = path.join(CACHE, "bsm-inputs.bin");
  fs.writeFileSync(bin, Buffer.from(data.buffer));
  const version = execFileSync(cc, ["--version"], { encoding: "utf8" }).split("\n")[0];
  return {
    compiler: `${version}, -O2, libm erfc`,
    run() {
      const out = spawnSync(exe, [bin, String(calls)], { encoding: "utf8" });
      const [all, price] = out.stdout.trim().split(/\s+/).map(Number);
      if (!(all > 0 && price > 0)) throw new Error(`C baseline failed: ${out.stderr || out.stdout}`);
      return { all, price };
    },
  };
}
