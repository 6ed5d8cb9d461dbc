/**
 * The builders' form fields (shared by the UI and the planner) and the parsing of what a user
 * types. Rule messages come from src/core/validate.ts, with the field's label as the argument
 * name, so that the pane words a rule exactly as the cells do.
 */
import { InputError } from "../../core/errors";

/** One form field. `id` is what FieldErrors are keyed by. */
export interface FieldSpec {
  id: string;
  label: string;
  /** Text placed in the field when the form opens ("" = empty). */
  initial: string;
  hint?: string;
  placeholder?: string;
  /** "select" fields offer `options`. */
  kind?: "number" | "select" | "reference";
  options?: string[];
  /** Input mode hint for the UI (decimal keypad on touch devices). */
  optional?: boolean;
}

export const CONDOR_FIELDS: FieldSpec[] = [
  { id: "spot", label: "Spot", initial: "", placeholder: "e.g. 5000", hint: "Price of the underlying (SPX points)." },
  { id: "days", label: "Days to expiry", initial: "", placeholder: "e.g. 30", hint: "Calendar days, fractional allowed. Or pick an expiry date below." },
  { id: "putVol", label: "Put-side vol", initial: "", placeholder: "e.g. 0.21", hint: "Decimal (0.21 = 21%); 21% also accepted." },
  { id: "callVol", label: "Call-side vol", initial: "", placeholder: "e.g. 0.16", hint: "Decimal (0.16 = 16%)." },
  { id: "shortDelta", label: "Short delta", initial: "0.16", hint: "Target delta of both short strikes." },
  { id: "wingWidth", label: "Wing width", initial: "50", hint: "Points between each short and long strike." },
  { id: "increment", label: "Strike increment", initial: "5", hint: "The listed strike grid." },
  { id: "quantity", label: "Quantity", initial: "1", hint: "Number of condors." },
  { id: "multiplier", label: "Multiplier", initial: "100", hint: "Per contract (100 for SPX)." },
  { id: "rate", label: "Rate", initial: "0", hint: "Continuously compounded decimal.", optional: true },
  { id: "yield", label: "Dividend yield", initial: "0", hint: "Continuously compounded decimal.", optional: true },
];

/** A stress block's input cells, as read back (the stress view has no builder form of its own). */
export const STRESS_FIELDS: FieldSpec[] = [
  { id: "spot", label: "Spot", initial: "" },
  { id: "daysForward", label: "Days forward", initial: "0", hint: "Days from now at which the grid is priced." },
  { id: "multiplier", label: "Leg multiplier", initial: "100" },
  { id: "vixSpot", label: "VIX spot", initial: "", hint: "The hedge's spot VIX (empty when the block has no hedge)." },
  { id: "rate", label: "Rate", initial: "0" },
  { id: "yield", label: "Dividend yield", initial: "0" },
];

export const LADDER_FIELDS: FieldSpec[] = [
  {
    id: "positionVega",
    label: "Position dollar vega",
    initial: "",
    kind: "reference",
    placeholder: "e.g. -1250 or =Sheet1!F24",
    hint: "$ per vol point (negative when short vol), or a reference to a condor block's Position $ vega cell.",
  },
  { id: "positionDays", label: "Position days", initial: "", placeholder: "e.g. 30", hint: "Calendar days left in the position." },
  { id: "vixSpot", label: "VIX spot", initial: "", placeholder: "e.g. 18" },
  { id: "multiplier", label: "Futures multiplier", initial: "1000", kind: "select", options: ["1000", "100"], hint: "1000 for VX futures, 100 for VXM minis." },
  {
    id: "rate",
    label: "Rate (options)",
    initial: "",
    optional: true,
    placeholder: "0",
    hint: "Continuously compounded decimal, for VIX option layers (VIX_HEDGE's rate); empty = 0. Futures-only ladders ignore it.",
  },
];

export const DEFAULT_LAYER_DAYS = ["30", "60", "90"];

/** What the form hands the planner: field id -> text as typed. */
export type FormValues = Record<string, string | undefined>;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
/** Digits grouped by thousands with commas, as a quote screen prints them: "5,000", "-1,317.21". */
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/**
 * Parses a number typed in a field. Empty -> undefined. A trailing % divides by 100 ("21%" ->
 * 0.21). Commas are accepted as thousands separators when they group the digits in threes
 * ("5,000", "12,345.6"); any other comma ("5,00", a decimal comma) is refused rather than
 * guessed. Anything else that is not a plain decimal number throws InputError.
 * @example parseNumber("Spot", "5,000") // => 5000
 */
export function parseNumber(label: string, text: string | undefined): number | undefined {
  const t = (text ?? "").trim();
  if (t === "") return undefined;
  const percent = t.endsWith("%");
  let body = percent ? t.slice(0, -1).trim() : t;
  if (body.includes(",")) {
    if (!GROUPED.test(body))
      throw new InputError(label, "must be a number (commas only between groups of three digits, as in 5,000; use a point for decimals)", t);
    body = body.replace(/,/g, "");
  }
  if (!NUMBER.test(body)) throw new InputError(label, "must be a number", t);
  const v = Number(body);
  return percent ? v / 100 : v;
}

/**
 * Collects field errors while reading a form: each `read` parses one field and applies its
 * rules, recording the first failure under the field id instead of throwing.
 */
export class FieldReader {
  readonly errors: Record<string, string> = {};
  constructor(private readonly values: FormValues) {}

  /** A number from field `id`; `fallback` when empty (or an error if there is none). */
  number(id: string, label: string, rules: Array<(label: string, v: number) => unknown>, fallback?: number): number {
    try {
      const parsed = parseNumber(label, this.values[id]);
      const v = parsed ?? fallback;
      if (v === undefined) throw new InputError(label, "is required", this.values[id] ?? "");
      for (const rule of rules) rule(label, v);
      return v;
    } catch (error) {
      this.fail(id, error);
      return NaN;
    }
  }

  /** Records `error` (an InputError's message, or any error's text) under field `id`. */
  fail(id: string, error: unknown): void {
    if (this.errors[id] !== undefined) return;
    this.errors[id] = error instanceof Error ? error.message : String(error);
  }

  text(id: string): string {
    return (this.values[id] ?? "").trim();
  }

  get ok(): boolean {
    return Object.keys(this.errors).length === 0;
  }
}

/**
 * Calendar days from `today` to `expiry`, both ISO dates (YYYY-MM-DD), as whole days.
 * Used by the pane to fill "Days to expiry" from a picked expiry date.
 * @example daysUntil("2026-12-25", "2026-11-25") // => 30
 */
export function daysUntil(expiry: string, today: string): number {
  return Math.round((isoDay(expiry, "Expiry date") - isoDay(today, "Today")) / 86_400_000);
}

function isoDay(s: string, label: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) throw new InputError(label, "must be a date (YYYY-MM-DD)", s);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** "2026-12-25" -> "Fri 25 Dec 2026": a date as the pane's messages name it. */
export function formatIsoDate(iso: string): string {
  const d = new Date(isoDay(iso, "Date"));
  const day = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][d.getUTCDay()];
  const month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][d.getUTCMonth()];
  return `${day} ${d.getUTCDate()} ${month} ${d.getUTCFullYear()}`;
}

/**
 * The days to expiry for a picked expiry date, or a message that names the date (and today)
 * when it cannot be one: a date before or on today. Whole calendar days.
 * @example expiryToDays("2026-12-31", "2026-12-01") // => { days: 30 }
 */
export function expiryToDays(expiry: string, today: string): { days: number } | { error: string } {
  let days: number;
  try {
    days = daysUntil(expiry, today);
  } catch (error) {
    return { error: (error as Error).message };
  }
  const named = `${formatIsoDate(expiry)} (${expiry})`;
  if (days < 0)
    return { error: `Expiry date ${named} is ${days === -1 ? "1 day" : `${-days} days`} before today, ${formatIsoDate(today)}: pick a future expiry` };
  if (days === 0) return { error: `Expiry date ${named} is today: pick a later expiry, or type fractional days (e.g. 0.25) in Days to expiry` };
  return { days };
}
