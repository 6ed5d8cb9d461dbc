/**
 * The time units of the pricing core, defined once.
 *
 * SPEC.md ("Conventions"): `days` are calendar days to expiry, fractional allowed, and
 * T = days / 365 (years). Every conversion between days and years in src/core uses
 * DAYS_PER_YEAR, so the convention cannot drift between functions.
 */

/** Calendar days in one year of T: T = days / DAYS_PER_YEAR (SPEC.md, "Conventions"). */
export const DAYS_PER_YEAR = 365;

/**
 * The longest `days` any SHIELD function accepts: 100 years (36,500 calendar days). Nothing
 * listed expires that far out, so a larger number is almost surely an expiry DATE typed where
 * days belong (a date is its serial number, ~45,000 in the 2020s), and is rejected rather than
 * priced as a century-long option. The published 30-year case (10,950 days) is well inside.
 */
export const MAX_DAYS = 36500;
