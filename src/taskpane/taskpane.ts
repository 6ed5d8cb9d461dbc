/**
 * Task pane entry: the two builders (condor, hedge ladder). In Excel, Build writes the planned
 * block at the selected cell (writer.ts), asking first if it would overwrite anything. Outside
 * Office (a plain browser, or office.js failed to load), Build previews the block: the same
 * plan, evaluated with the functions bundle the page loaded, as a table and an SVG chart.
 */
import { cellAddress, splitAddress, parseCell } from "./plan/a1";
import { CONDOR_FIELDS, LADDER_FIELDS, daysUntil, type FormValues } from "./plan/fields";
import { planCondor } from "./plan/condorPlan";
import { planLadder } from "./plan/ladderPlan";
import type { FieldErrors, Plan, PlanResult } from "./plan/types";
import { evaluatePlan, type CellResult, type PreviewGrid } from "./preview";
import { clear, h } from "./ui/dom";
import { buildForm, type FormControl } from "./ui/form";
import { buildLayers } from "./ui/layers";
import { previewChart, previewSummary, previewTable } from "./ui/previewView";
import { describeConfirmation, describeFailure, describeNotWritten, describeWrite, writePlan, type WriteOutcome } from "./writer";
import type { PreviewRuntime } from "../functions/runtime";

type Mode = "excel" | "preview";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** Resolves once: "excel" when Office.onReady reports Excel, else "preview" (also if office.js is absent or silent). */
function detectMode(): Promise<Mode> {
  return new Promise((resolve) => {
    const office = (globalThis as { Office?: typeof Office }).Office;
    if (!office || typeof office.onReady !== "function") return resolve("preview");
    const timer = setTimeout(() => resolve("preview"), 5000);
    office
      .onReady()
      .then((info) => {
        clearTimeout(timer);
        resolve(info && String(info.host) === "Excel" ? "excel" : "preview");
      })
      .catch(() => {
        clearTimeout(timer);
        resolve("preview");
      });
  });
}

/** The functions the bundle registered (runtime.ts publishes them as SHIELD_PREVIEW). */
function previewFunctions(): (id: string) => ((...args: unknown[]) => unknown) | undefined {
  const rt = (globalThis as { SHIELD_PREVIEW?: PreviewRuntime }).SHIELD_PREVIEW;
  return (id) => rt?.registry.get(id);
}

function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

function start(): void {
  const modeReady = detectMode();
  const status = $("status");
  const result = $("result");
  const confirmBox = $("confirm");
  const previewBox = $("preview");

  // --- forms ---
  const byId = new Map(CONDOR_FIELDS.map((f) => [f.id, f]));
  const groups: Array<[string, string[]]> = [
    ["condor-market", ["spot", "days", "putVol", "callVol", "rate", "yield"]],
    ["condor-strikes", ["shortDelta", "wingWidth", "increment"]],
    ["condor-size", ["quantity", "multiplier"]],
  ];
  const condorForm = $<HTMLFormElement>("condor-form");
  const condorFields: FormControl[] = groups.map(([container, ids]) => buildForm("condor", ids.map((id) => byId.get(id)!), $(container)));
  // The expiry date fills "Days to expiry" (whole calendar days from today).
  const expiry = h("input", { id: "condor-expiry", type: "date", "aria-describedby": "condor-expiry-hint" });
  const expiryField = h(
    "div",
    { class: "field" },
    h("label", { for: "condor-expiry" }, "or expiry date"),
    expiry,
    h("div", { class: "hint", id: "condor-expiry-hint" }, "Fills Days to expiry."),
  );
  $("condor-market").querySelector('[data-field="days"]')?.after(expiryField);
  expiry.addEventListener("change", () => {
    if (!expiry.value) return;
    condorFields[0].set("days", String(daysUntil(expiry.value, todayIso())));
  });
  const condorValues = (): FormValues => Object.assign({}, ...condorFields.map((f) => f.values()));

  const ladderForm = $<HTMLFormElement>("ladder-form");
  const ladderFields = buildForm("ladder", LADDER_FIELDS, $("ladder-position"));
  const layers = buildLayers($("ladder-layers"));
  const ladderValues = (): FormValues => ({ ...ladderFields.values(), ...valuesOf($("ladder-layers")) });

  // --- tabs (arrow keys move between them) ---
  const tabs = [$<HTMLButtonElement>("tab-condor"), $<HTMLButtonElement>("tab-ladder")];
  const select = (i: number) => {
    tabs.forEach((t, k) => {
      t.setAttribute("aria-selected", String(k === i));
      t.tabIndex = k === i ? 0 : -1;
      $(t.getAttribute("aria-controls")!).hidden = k !== i;
    });
    tabs[i].focus();
  };
  tabs.forEach((t, i) => {
    t.addEventListener("click", () => select(i));
    t.addEventListener("keydown", (e) => {
      if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
        e.preventDefault();
        select((i + (e.key === "ArrowRight" ? 1 : tabs.length - 1)) % tabs.length);
      }
    });
  });

  // --- state shared by the builders ---
  let lastCondor: { vegaAddress: string; grid?: PreviewGrid; plan?: Plan } | undefined;
  const showLink = () => {
    const box = $("ladder-link");
    clear(box);
    if (!lastCondor) return;
    const use = h("button", { type: "button", id: "use-condor-vega", class: "link" }, `Use the condor block's $ vega (${lastCondor.vegaAddress})`);
    use.addEventListener("click", () => ladderFields.set("positionVega", `=${lastCondor!.vegaAddress}`));
    box.append(use);
  };

  const message = (text: string, kind: "ok" | "error" | "info") => {
    result.hidden = false;
    result.className = `panel ${kind}`;
    result.textContent = text;
  };

  const hideConfirm = () => {
    confirmBox.hidden = true;
  };

  const flag = (errors: FieldErrors, forms: Array<{ showErrors(e: FieldErrors): void }>) => {
    forms.forEach((f) => f.showErrors(errors));
    const n = Object.keys(errors).length;
    message(`Nothing was written: ${n} field${n === 1 ? "" : "s"} need${n === 1 ? "s" : ""} attention (marked in red).`, "error");
    (document.querySelector("[aria-invalid='true']") as HTMLElement | null)?.focus();
  };

  const resolveExternal = (text: string): CellResult | undefined => {
    if (!lastCondor?.grid) return undefined;
    const { sheet, cell } = splitAddress(text);
    if (sheet !== undefined && sheet !== "Sheet1") return undefined;
    const { row, col } = parseCell(cell);
    return lastCondor.grid.values[row]?.[col];
  };

  async function build(kind: "condor" | "ladder"): Promise<void> {
    hideConfirm();
    const planner: (v: FormValues) => PlanResult = kind === "condor" ? planCondor : planLadder;
    const forms = kind === "condor" ? condorFields : [ladderFields, layers];
    const planned = planner(kind === "condor" ? condorValues() : ladderValues());
    if (!planned.ok) return flag(planned.errors, forms);
    forms.forEach((f) => f.showErrors({}));
    const plan = planned.plan;
    const mode = await modeReady;
    if (mode === "preview") return showPreview(plan, kind);

    const what = kind === "condor" ? "condor block" : "hedge ladder block";
    try {
      handle(plan, await writePlan(plan, {}), what, kind);
    } catch (error) {
      message(describeFailure(error, what), "error");
    }
  }

  function handle(plan: Plan, outcome: WriteOutcome, what: string, kind: "condor" | "ladder"): void {
    if (outcome.status === "needsConfirmation") return askToOverwrite(plan, outcome, what, kind);
    if (outcome.status === "protected" || outcome.status === "doesNotFit") return message(describeNotWritten(outcome, what), "error");
    afterWrite(outcome, what, kind);
  }

  function askToOverwrite(plan: Plan, outcome: Extract<WriteOutcome, { status: "needsConfirmation" }>, what: string, kind: "condor" | "ladder"): void {
    result.hidden = true;
    $("confirm-text").textContent = describeConfirmation(outcome, what);
    const list = $("confirm-list");
    clear(list);
    const shown = outcome.addresses.slice(0, 12);
    const firstUnderChart = outcome.count - outcome.underChart;
    shown.forEach((a, i) => list.append(h("li", {}, i >= firstUnderChart ? `${a} (under the chart)` : a)));
    if (outcome.addresses.length > shown.length) list.append(h("li", {}, `… and ${outcome.addresses.length - shown.length} more`));
    confirmBox.hidden = false;
    $("confirm-title").focus();
    const yes = $<HTMLButtonElement>("confirm-yes");
    const no = $<HTMLButtonElement>("confirm-no");
    const done = () => {
      yes.onclick = null;
      no.onclick = null;
      hideConfirm();
    };
    yes.onclick = async () => {
      done();
      try {
        // Cells filled since the question was asked: handle() asks again, showing them.
        handle(plan, await writePlan(plan, { confirmed: outcome.addresses, anchor: outcome.anchor }), what, kind);
      } catch (error) {
        message(describeFailure(error, what), "error");
      }
    };
    no.onclick = () => {
      done();
      message(`Nothing was written; ${outcome.target} is unchanged. Select another cell and build again.`, "info");
    };
  }

  function afterWrite(outcome: Extract<WriteOutcome, { status: "written" }>, what: string, kind: "condor" | "ladder"): void {
    const keys = Object.values(outcome.keyCells)
      .map((k) => `${k.label}: ${k.address}`)
      .join("; ");
    message(`${describeWrite(outcome, what)} Key cells: ${keys}.`, "ok");
    if (kind === "condor" && outcome.keyCells.positionVega) {
      lastCondor = { vegaAddress: outcome.keyCells.positionVega.address };
      showLink();
    }
  }

  function showPreview(plan: Plan, kind: "condor" | "ladder"): void {
    const grid = evaluatePlan(plan, previewFunctions(), resolveExternal);
    clear(previewBox);
    previewBox.hidden = false;
    previewBox.append(
      h("h2", {}, `Preview: ${plan.title}`),
      h("p", { class: "hint" }, `In Excel, Build writes these ${plan.rows} x ${plan.cols} cells at the selected cell (shown here at Sheet1!A1), as live formulas; hover a cell for its formula.`),
      previewSummary(plan, grid),
      previewTable(plan, grid),
    );
    const chart = previewChart(plan, grid);
    if (chart) previewBox.append(chart);
    message(`Preview only: nothing is written outside Excel. The ${plan.title.toLowerCase()} is shown below with its values.`, "info");
    if (kind === "condor") {
      const k = plan.keyCells.positionVega;
      lastCondor = { vegaAddress: `Sheet1!${cellAddress(k.row, k.col)}`, grid, plan };
      showLink();
    }
  }

  condorForm.addEventListener("submit", (e) => {
    e.preventDefault();
    void build("condor");
  });
  ladderForm.addEventListener("submit", (e) => {
    e.preventDefault();
    void build("ladder");
  });

  void modeReady.then((mode) => {
    const badge = $("mode");
    badge.textContent = mode === "excel" ? "Excel" : "Preview";
    badge.className = `badge ${mode}`;
    status.textContent =
      mode === "excel"
        ? "Select a cell, fill a builder, and Build: the block is written there as live formulas."
        : "Preview mode (not running inside Excel): Build shows the block it would write, with its values.";
    $("howto").hidden = mode === "excel";
  });
}

/** Every named input under `root`, by name. */
function valuesOf(root: HTMLElement): FormValues {
  const out: FormValues = {};
  root.querySelectorAll<HTMLInputElement>("input[name]").forEach((el) => (out[el.name] = el.value));
  return out;
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
