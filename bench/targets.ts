/** The speed targets of SPEC.md "Quality bars" and issues #9/#15, filled in by the sections as they measure. */
import type { Timing } from "./harness";

export interface Target {
  what: string;
  /** The measured ratio (median and min-max over interleaved rounds). */
  ratio: Timing;
  /** The target: ratio at most this. */
  limit: number;
}

export const targets: Target[] = [];
