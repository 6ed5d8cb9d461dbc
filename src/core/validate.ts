/**
 * Domain rules shared by every core function, so that one rule always reads the same way.
 * Each returns its value when it passes and throws InputError otherwise.
 */
import { InputError } from "./errors";
import { MAX_DAYS } from "./units";

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

/** Names the way to turn an expiry date into days, for every rule that bounds days. */
const DATE_HINT = "(for an expiry date, use expiry - TODAY())";

/**
 * Calendar days to expiry: finite, 0 <= days <= MAX_DAYS (0 = at expiry). The upper bound
 * (100 years) catches an expiry date typed where days belong (a date is a serial number
 * around 45,000), which would otherwise price a century-long option.
 */
export function days(name: string, value: number): number {
  if (!(typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= MAX_DAYS)) {
    throw new InputError(name, `must be calendar days to expiry, from 0 to ${MAX_DAYS} ${DATE_HINT}`, value);
  }
  return value;
}

/**
 * Calendar days to a VIX future's expiry (an ALVH layer): finite, 0 < days <= MAX_DAYS. Unlike
 * an option's days, 0 is out (the ALVH formulas divide by the layer's days); the upper bound is
 * the options' one, for the same reason.
 */
export function layerDays(name: string, value: number): number {
  if (!(typeof value === "number" && Number.isFinite(value) && value > 0 && value <= MAX_DAYS)) {
    throw new InputError(name, `must be calendar days to the future's expiry, greater than 0 and at most ${MAX_DAYS} ${DATE_HINT}`, value);
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
