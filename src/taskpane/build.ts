/**
 * Build = plan, then write. Invalid input never reaches Excel: the field errors come back and
 * Excel.run is not even called.
 */
import type { FormValues } from "./plan/fields";
import type { FieldErrors, PlanResult } from "./plan/types";
import { writePlan, type ExcelHost, type WriteOptions, type WriteOutcome } from "./writer";

export type BuildOutcome = { status: "invalid"; errors: FieldErrors } | WriteOutcome;

export async function buildBlock(
  planner: (values: FormValues) => PlanResult,
  values: FormValues,
  options: WriteOptions,
  excel: ExcelHost,
): Promise<BuildOutcome> {
  const planned = planner(values);
  if (!planned.ok) return { status: "invalid", errors: planned.errors };
  return writePlan(planned.plan, options, excel);
}
