/**
 * TA-Lib itself as a test oracle: talib-web 0.1.3 is TA-Lib's C code compiled to WebAssembly.
 *
 * Loading it in jest: its emscripten loader, seeing a global `fetch` (Node 18+ has one), tries
 * to fetch the .wasm by URL, which fails for a file path. With `fetch` hidden while `init()`
 * runs, the loader takes its Node branch and reads node_modules/talib-web/lib/talib.wasm with
 * `fs`. `fetch` is restored as soon as init settles.
 *
 * Calling it: talib-web's own wrappers pass endIdx = length (TA-Lib's endIdx is inclusive, so
 * they read one value past the input) and discard outBegIdx / outNBElement. So the calls below
 * go through the module's `ccall` with proper pointers, endIdx = n - 1, and report TA-Lib's own
 * outBegIdx, which is what the alignment tests check.
 */
import * as talib from "talib-web";

interface EmscriptenModule {
  ccall(name: string, returnType: string, argTypes: string[], args: number[]): number;
  _malloc(bytes: number): number;
  _free(ptr: number): void;
  HEAPF64: Float64Array;
  HEAP32: Int32Array;
}

/** One TA-Lib call's outputs, each re-aligned with the input (NaN before outBegIdx). */
export interface TalibResult {
  begIdx: number;
  nbElement: number;
  outputs: Float64Array[];
}

let loaded: Promise<EmscriptenModule> | undefined;

export function loadTalib(): Promise<EmscriptenModule> {
  if (!loaded) {
    loaded = (async () => {
      const scope = globalThis as { fetch?: unknown };
      const saved = scope.fetch;
      scope.fetch = undefined;
      try {
        return (await talib.init()) as EmscriptenModule;
      } finally {
        scope.fetch = saved;
      }
    })();
  }
  return loaded;
}

/** Calls TA_<fn>(0, n-1, input, ...options, &beg, &nb, out1..outK). */
export function callTalib(m: EmscriptenModule, fn: string, input: ArrayLike<number>, options: number[], outputs: number): TalibResult {
  const n = input.length;
  const inPtr = m._malloc(8 * Math.max(n, 1));
  const begPtr = m._malloc(4);
  const nbPtr = m._malloc(4);
  const outPtrs = Array.from({ length: outputs }, () => m._malloc(8 * Math.max(n, 1)));
  try {
    m.HEAPF64.set(Array.from(input), inPtr / 8);
    const args = [0, n - 1, inPtr, ...options, begPtr, nbPtr, ...outPtrs];
    const code = m.ccall(
      `TA_${fn}`,
      "number",
      args.map(() => "number"),
      args,
    );
    if (code !== 0) throw new Error(`TA_${fn} returned code ${code}`);
    const begIdx = m.HEAP32[begPtr / 4];
    const nbElement = m.HEAP32[nbPtr / 4];
    const aligned = outPtrs.map((ptr) => {
      const out = new Float64Array(n).fill(Number.NaN);
      const heap = m.HEAPF64; // re-read: the heap may have grown
      for (let j = 0; j < nbElement; j++) out[begIdx + j] = heap[ptr / 8 + j];
      return out;
    });
    return { begIdx, nbElement, outputs: aligned };
  } finally {
    [inPtr, begPtr, nbPtr, ...outPtrs].forEach((p) => m._free(p));
  }
}
