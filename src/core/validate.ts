/**
 * Domain rules shared by every core function, so that one rule always reads the same way.
 * Each returns its value when it passes and throws InputError otherwise.
 */
import { InputError } from "./errors";

/** A finite number (any sign). */
export function finite(name: string, value: number): number {
  if (typeof value !== "number" || !Number.isFinite(value)) throw new InputError(name, "must be a finite number", value);
  return value;
}

/** A finite number > 0. */
export function positive(name: string, value: number): number {
  if (!(typeof value === "number" && Number.isFinite(value) && value > 0)) {
    throw new InputError(name, "must be a number greater than 0", value);
  }
  return value;
}

/** A finite number >= 0. */
export function nonNegative(name: string, value: number): number {
  if (!(typeof value === "number" && Number.isFinite(value) && value >= 0)) {
    throw new InputError(name, "must be a number of 0 or more", value);
  }
  return value;
}

/** Calendar days to expiry: finite, >= 0 (0 = at expiry). */
export function days(name: string, value: number): number {
  if (!(typeof value === "number" && Number.isFinite(value) && value >= 0)) {
    throw new InputError(name, "must be calendar days to expiry, 0 or more", value);
  }
  return value;
}

/** A volatility as a decimal in (0, 5]. */
export function vol(name: string, value: number): number {
  if (!(typeof value === "number" && Number.isFinite(value) && value > 0 && value <= 5)) {
    throw new InputError(name, "must be a decimal between 0 and 5 (enter 20% as 0.2)", value);
  }
  return value;
}

/** A continuously compounded rate or yield as a decimal: finite, |x| <= 1. */
export function rate(name: string, value: number): number {
  if (!(typeof value === "number" && Number.isFinite(value) && Math.abs(value) <= 1)) {
    throw new InputError(name, "must be a decimal between -1 and 1 (enter 5% as 0.05)", value);
  }
  return value;
}

/** A whole number >= min. */
export function integerAtLeast(name: string, value: number, min: number): number {
  if (!(typeof value === "number" && Number.isInteger(value) && value >= min)) {
    throw new InputError(name, `must be a whole number of ${min} or more`, value);
  }
  return value;
}
