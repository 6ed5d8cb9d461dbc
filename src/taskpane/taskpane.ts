/**
 * Task pane entry: the two builders (condor, hedge ladder) and the analyst's view of each
 * block (summary card, payoff chart with date slider). In Excel, Build writes the planned block
 * at the selected cell (writer.ts), asking first if it would overwrite anything, and "Read
 * selected block" loads a block SHIELD wrote back into the form (reader.ts). Outside Office (a
 * plain browser, or office.js failed to load), Build previews the block: the same plan,
 * evaluated with the functions bundle the page loaded.
 *
 * Never stale: once a view is shown, every edit re-plans it; while the form is invalid the
 * view's numbers are hidden and it says it is out of date.
 */
import { cellAddress, splitAddress, parseCell } from "./plan/a1";
import { CONDOR_FIELDS, LADDER_FIELDS, STRESS_FIELDS, expiryToDays, type FormValues } from "./plan/fields";
import { planCondor } from "./plan/condorPlan";
import { planLadder } from "./plan/ladderPlan";
import type { FieldErrors, Plan, PlanResult } from "./plan/types";
import { evaluatePlan, type CellResult, type PreviewGrid } from "./preview";
import { bundleFunctions } from "./shieldCalls";
import { officeThemeIsDark, watchMode, type Mode } from "./host";
import { readSelectedBlock, describeReadFailure } from "./reader";
import { clear, h } from "./ui/dom";
import { buildForm, markField, type FormControl } from "./ui/form";
import { buildLayers } from "./ui/layers";
import { condorView } from "./ui/condorView";
import { ladderView } from "./ui/ladderView";
import { previewTable } from "./ui/previewView";
import { ladderHedge, layoutStress, type StressInputs } from "./plan/stressPlan";
import { stressView } from "./ui/stressView";
import { planInputEdits } from "./plan/inputEdit";
import {
  describeChanges,
  describeConfirmation,
  describeFailure,
  describeNotWritten,
  describeWrite,
  writeEdits,
  writePlan,
  type CellChange,
  type WriteOutcome,
} from "./writer";

type Kind = "condor" | "ladder";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/**
 * The theme, as `data-theme` on the root (taskpane.css keys its dark tokens on it): Office's own
 * theme inside Office, otherwise the browser's colour scheme, followed as it changes.
 */
function applyTheme(): void {
  const office = (globalThis as { Office?: typeof Office }).Office;
  let background: string | undefined;
  try {
    background = office?.context?.officeTheme?.bodyBackgroundColor;
  } catch {
    background = undefined;
  }
  const dark = officeThemeIsDark(background) ?? darkScheme?.matches ?? false;
  document.documentElement.dataset.theme = dark ? "dark" : "light";
}

const darkScheme = typeof matchMedia === "function" ? matchMedia("(prefers-color-scheme: dark)") : undefined;

function start(): void {
  applyTheme();
  darkScheme?.addEventListener("change", applyTheme);
  let mode: Mode | undefined;
  const modeWaiters: Array<(m: Mode) => void> = [];
  const modeReady = () => (mode ? Promise.resolve(mode) : new Promise<Mode>((resolve) => modeWaiters.push(resolve)));
  const status = $("status");
  const result = $("result");
  const confirmBox = $("confirm");
  const lookup = bundleFunctions();

  // --- forms ---
  const byId = new Map(CONDOR_FIELDS.map((f) => [f.id, f]));
  const groups: Array<[string, string[]]> = [
    ["condor-market", ["spot", "days", "putVol", "callVol", "rate", "yield"]],
    ["condor-strikes", ["shortDelta", "wingWidth", "increment"]],
    ["condor-size", ["quantity", "multiplier"]],
  ];
  const condorFields: FormControl[] = groups.map(([container, ids]) =>
    buildForm(
      "condor",
      ids.map((id) => byId.get(id)!),
      $(container),
    ),
  );
  // The expiry date fills "Days to expiry" (whole calendar days from today); a past date is refused, naming it.
  const expiry = h("input", { id: "condor-expiry", name: "expiry", type: "date", "aria-describedby": "condor-expiry-hint condor-expiry-error" });
  const expiryField = h(
    "div",
    { class: "field" },
    h("label", { for: "condor-expiry" }, "or expiry date"),
    expiry,
    h("div", { class: "hint", id: "condor-expiry-hint" }, "Fills Days to expiry."),
    h("div", { class: "error", id: "condor-expiry-error", hidden: true }),
  );
  $("condor-market").querySelector('[data-field="days"]')?.after(expiryField);
  expiry.addEventListener("change", () => {
    if (!expiry.value) return markField(expiryField, "expiry", undefined);
    const r = expiryToDays(expiry.value, todayIso());
    if ("error" in r) {
      markField(expiryField, "expiry", r.error);
      return;
    }
    markField(expiryField, "expiry", undefined);
    condorFields[0].set("days", String(r.days));
    onEdit("condor");
  });
  const condorValues = (): FormValues => Object.assign({}, ...condorFields.map((f) => f.values()));

  const ladderFields = buildForm("ladder", LADDER_FIELDS, $("ladder-position"));
  const layers = buildLayers($("ladder-layers"));
  const ladderValues = (): FormValues => ({ ...ladderFields.values(), ...valuesOf($("ladder-layers")) });
  $("ladder-layers").addEventListener("change", () => onEdit("ladder")); // the instrument selects

  const views: Record<Kind, HTMLElement> = { condor: $("view-condor"), ladder: $("view-ladder") };
  const planners: Record<Kind, (v: FormValues) => PlanResult> = { condor: planCondor, ladder: planLadder };
  const formValues: Record<Kind, () => FormValues> = { condor: condorValues, ladder: ladderValues };
  const formControls: Record<Kind, Array<{ showErrors(e: FieldErrors, focus?: boolean): void }>> = { condor: condorFields, ladder: [ladderFields, layers] };
  /** What each view shows: nothing yet, or the last block planned from the form. */
  const shown: Record<Kind, boolean> = { condor: false, ladder: false };
  let resultKind: Kind | undefined;

  // --- tabs (arrow keys move between them); each builder's view lives in its own panel ---
  const tabs = [$<HTMLButtonElement>("tab-condor"), $<HTMLButtonElement>("tab-ladder")];
  const kinds: Kind[] = ["condor", "ladder"];
  let activeKind: Kind = "condor";
  const select = (i: number, focus = true) => {
    activeKind = kinds[i];
    tabs.forEach((t, k) => {
      t.setAttribute("aria-selected", String(k === i));
      t.tabIndex = k === i ? 0 : -1;
      $(t.getAttribute("aria-controls")!).hidden = k !== i;
    });
    // A message or question about the other builder's block does not belong under this one.
    if (resultKind !== activeKind) result.hidden = true;
    confirmBox.hidden = true;
    if (focus) tabs[i].focus();
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
  let lastCondor: { vegaAddress: string; grid?: PreviewGrid } | undefined;
  /** The plans the stress view works on: the condor shown, and the hedge ladder last shown (its hedge). */
  let stressCondor: Plan | undefined;
  let stressLadder: { plan: Plan; grid: PreviewGrid } | undefined;
  let condorGrid: PreviewGrid | undefined;
  const condorTheta = (): number | undefined => {
    const k = stressCondor?.keyCells.positionTheta;
    const v = k && condorGrid ? condorGrid.values[k.row][k.col] : undefined;
    return typeof v === "number" ? v : undefined;
  };
  const stressInputs = (): StressInputs | undefined => {
    const condor = stressCondor?.model;
    if (!condor) return undefined;
    const found = stressLadder ? ladderHedge(stressLadder.plan, stressLadder.grid) : { hedge: [] };
    const vega = stressLadder?.plan.keyCells.positionVega;
    const vegaValue = vega ? stressLadder!.grid.values[vega.row][vega.col] : null;
    const hedgeSource = found.hedge.length
      ? `the hedge ladder ${mode === "excel" ? "view" : "preview"} (sized for ${typeof vegaValue === "number" ? `$ vega ${vegaValue.toLocaleString("en-US", { maximumFractionDigits: 2 })}` : "its vega"}): ` +
        (stressLadder!.plan.keyCells.hedge
          ? `${found.hedge.map((r) => `${r.instrument} ${r.days} d`).join(", ")}, VIX_HEDGE's unrounded units`
          : `${found.hedge.length} ${found.hedge[0].instrument} layers at ${found.hedge.map((r) => r.days).join(", ")} days, VIX_LADDER's unrounded contracts`)
      : "";
    return { condor, hedge: found.hedge, vixSpot: found.vixSpot, hedgeSource, daysForward: 0 };
  };
  /** Draws (or redraws, when the ladder changes) the stress card under the condor's chart. */
  const showStress = () => {
    const slot = views.condor.querySelector<HTMLElement>(".stress-slot");
    const inputs = stressInputs();
    if (!slot || !inputs) return;
    clear(slot);
    slot.append(stressView(inputs, { onWrite: (x) => void writeStress(x) }));
  };
  async function writeStress(x: StressInputs): Promise<void> {
    const plan = layoutStress(x);
    const m = await modeReady();
    if (m === "preview") {
      const slot = views.condor.querySelector<HTMLElement>(".stress-slot");
      slot?.querySelector(".stress-preview")?.remove();
      slot?.append(h("div", { class: "stress-preview" }, h("h2", {}, `Preview: ${plan.title}`), previewTable(plan, evaluatePlan(plan, lookup))));
      message(
        "condor",
        `Preview only: nothing is written outside Excel. The stress block (${plan.rows} x ${plan.cols} cells, two live =SHIELD.STRESS grids${x.hedge.length ? "" : "; one without a hedge"}) is shown under the heatmap.`,
        "info",
      );
      return;
    }
    try {
      handle("condor", plan, await writePlan(plan, {}), "stress block");
    } catch (error) {
      message("condor", describeFailure(error, "stress block"), "error");
    }
  }
  const showLink = () => {
    const box = $("ladder-link");
    clear(box);
    if (!lastCondor) return;
    const use = h("button", { type: "button", id: "use-condor-vega", class: "link" }, `Use the condor block's $ vega (${lastCondor.vegaAddress})`);
    use.addEventListener("click", () => {
      ladderFields.set("positionVega", `=${lastCondor!.vegaAddress}`);
      onEdit("ladder");
    });
    box.append(use);
  };

  /** Puts the message and confirmation boxes in `kind`'s panel, between its form and its view. */
  const placeBoxes = (kind: Kind) => {
    views[kind].before(confirmBox, result);
  };
  const message = (kind: Kind, text: string, tone: "ok" | "error" | "info") => {
    resultKind = kind;
    placeBoxes(kind);
    result.hidden = false;
    result.className = `panel ${tone}`;
    result.textContent = text;
  };

  const resolveExternal = (text: string): CellResult | undefined => {
    if (!lastCondor?.grid) return undefined;
    const { sheet, cell } = splitAddress(text);
    if (sheet !== undefined && sheet !== "Sheet1") return undefined;
    const { row, col } = parseCell(cell);
    return lastCondor.grid.values[row]?.[col];
  };

  /** Shows `plan` in its builder's view (summary, chart; in preview mode also the sheet-like table). */
  function render(kind: Kind, plan: Plan, heading: string): PreviewGrid {
    const grid = evaluatePlan(plan, lookup, resolveExternal);
    const view = views[kind];
    const body = view.querySelector<HTMLElement>(".view-body")!;
    clear(body);
    body.append(h("h2", {}, heading));
    body.append(
      kind === "condor"
        ? condorView(plan, grid, lookup, { today: todayIso(), addressOf: mode === "preview" ? (r, c) => cellAddress(r, c) : undefined })
        : ladderView(plan, grid, lookup, { condorTheta: condorTheta() }),
    );
    if (kind === "condor") {
      stressCondor = plan;
      condorGrid = grid;
      body.append(h("div", { class: "stress-slot" }));
      showStress();
    } else {
      stressLadder = { plan, grid };
      if (shown.condor) showStress();
    }
    if (mode !== "excel") {
      body.append(
        h(
          "p",
          { class: "hint" },
          `In Excel, Build writes these ${plan.rows} x ${plan.cols} cells at the selected cell (shown here at Sheet1!A1), as live formulas; hover a cell for its formula.`,
        ),
        previewTable(plan, grid),
      );
    }
    view.hidden = false;
    view.dataset.stale = "false";
    view.querySelector<HTMLElement>(".stale")!.hidden = true;
    body.hidden = false;
    shown[kind] = true;
    if (kind === "condor" && mode !== "excel") {
      const k = plan.keyCells.positionVega;
      lastCondor = { vegaAddress: `Sheet1!${cellAddress(k.row, k.col)}`, grid };
      showLink();
    }
    return grid;
  }

  /** Hides the view's numbers and says why (the form no longer matches them). */
  function markStale(kind: Kind, errors: FieldErrors): void {
    const view = views[kind];
    if (view.hidden) return;
    const n = Object.keys(errors).length;
    // A message about the block as it was ("shown below", "Wrote ...") no longer describes the form.
    if (resultKind === kind && !result.classList.contains("error")) result.hidden = true;
    view.dataset.stale = "true";
    view.querySelector<HTMLElement>(".view-body")!.hidden = true;
    const note = view.querySelector<HTMLElement>(".stale")!;
    note.hidden = false;
    note.textContent = `Out of date: ${n} field${n === 1 ? "" : "s"} above ${n === 1 ? "is" : "are"} not valid (marked in red), so the numbers are hidden until ${n === 1 ? "it is" : "they are"} fixed.`;
  }

  /** After any edit: re-plan a view that is showing; invalid input hides its numbers. */
  const timers: Partial<Record<Kind, ReturnType<typeof setTimeout>>> = {};
  function onEdit(kind: Kind): void {
    if (!shown[kind]) return;
    clearTimeout(timers[kind]);
    timers[kind] = setTimeout(() => refresh(kind), 150);
  }
  function refresh(kind: Kind): void {
    const planned = planners[kind](formValues[kind]());
    formControls[kind].forEach((f) => f.showErrors(planned.ok ? {} : planned.errors, false));
    if (!planned.ok) return markStale(kind, planned.errors);
    render(kind, planned.plan, mode === "excel" ? `From the form (Build writes it): ${planned.plan.title}` : `Preview: ${planned.plan.title}`);
  }
  for (const kind of kinds) {
    const form = $<HTMLFormElement>(`${kind}-form`);
    form.addEventListener("input", (e) => {
      if ((e.target as HTMLElement).id !== "condor-expiry") onEdit(kind);
    });
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      void build(kind);
    });
  }

  const flag = (kind: Kind, errors: FieldErrors) => {
    formControls[kind].forEach((f) => f.showErrors(errors));
    markStale(kind, errors);
    const n = Object.keys(errors).length;
    message(kind, `Nothing was written: ${n} field${n === 1 ? "" : "s"} need${n === 1 ? "s" : ""} attention (marked in red).`, "error");
    (document.querySelector(`#panel-${kind} [aria-invalid='true']`) as HTMLElement | null)?.focus();
  };

  async function build(kind: Kind, anchor?: string): Promise<void> {
    confirmBox.hidden = true;
    const planned = planners[kind](formValues[kind]());
    if (!planned.ok) return flag(kind, planned.errors);
    formControls[kind].forEach((f) => f.showErrors({}));
    const plan = planned.plan;
    const m = await modeReady();
    if (m === "preview") {
      render(kind, plan, `Preview: ${plan.title}`);
      message(kind, `Preview only: nothing is written outside Excel. The ${plan.title.toLowerCase()} is shown below with its values.`, "info");
      return;
    }
    const what = kind === "condor" ? "condor block" : "hedge ladder block";
    try {
      handle(kind, plan, await writePlan(plan, anchor ? { anchor } : {}), what);
    } catch (error) {
      message(kind, describeFailure(error, what), "error");
    }
  }

  function handle(kind: Kind, plan: Plan, outcome: WriteOutcome, what: string): void {
    if (outcome.status === "needsConfirmation") return askToOverwrite(kind, plan, outcome, what);
    if (outcome.status === "protected" || outcome.status === "doesNotFit") return message(kind, describeNotWritten(outcome, what), "error");
    const keys = Object.values(outcome.keyCells)
      .filter((k) =>
        ["Spot", "Credit received", "Position $ vega", "Probability of profit", "VIX spot", "Total contracts", "Total rounded contracts"].includes(k.label),
      )
      .map((k) => `${k.label}: ${k.address}`)
      .join("; ");
    message(kind, `${describeWrite(outcome, what)}${keys ? ` Key cells: ${keys}.` : ""}`, "ok");
    if (plan.kind === "stress") return; // the condor view stays as it is
    render(kind, plan, `Written to ${outcome.target}`);
    if (kind === "condor" && outcome.keyCells.positionVega) {
      lastCondor = { vegaAddress: outcome.keyCells.positionVega.address };
      showLink();
    }
  }

  function askToOverwrite(kind: Kind, plan: Plan, outcome: Extract<WriteOutcome, { status: "needsConfirmation" }>, what: string): void {
    result.hidden = true;
    placeBoxes(kind);
    $("confirm-text").textContent = describeConfirmation(outcome, what);
    const list = $("confirm-list");
    clear(list);
    const shownAddresses = outcome.addresses.slice(0, 12);
    const firstUnderChart = outcome.count - outcome.underChart;
    shownAddresses.forEach((a, i) => list.append(h("li", {}, i >= firstUnderChart ? `${a} (under the chart)` : a)));
    if (outcome.addresses.length > shownAddresses.length) list.append(h("li", {}, `… and ${outcome.addresses.length - shownAddresses.length} more`));
    confirmBox.hidden = false;
    $("confirm-title").focus();
    const yes = $<HTMLButtonElement>("confirm-yes");
    const no = $<HTMLButtonElement>("confirm-no");
    const done = () => {
      yes.onclick = null;
      no.onclick = null;
      confirmBox.hidden = true;
    };
    yes.onclick = async () => {
      done();
      try {
        // Cells filled since the question was asked: handle() asks again, showing them.
        handle(kind, plan, await writePlan(plan, { confirmed: outcome.addresses, anchor: outcome.anchor }), what);
      } catch (error) {
        message(kind, describeFailure(error, what), "error");
      }
    };
    no.onclick = () => {
      done();
      message(kind, `Nothing was written; ${outcome.target} is unchanged. Select another cell and build again.`, "info");
    };
  }

  // --- reading a block back (Excel only) ---
  const readButton = $<HTMLButtonElement>("read-block");
  readButton.addEventListener("click", async () => {
    try {
      const found = await readSelectedBlock();
      if (found.status === "none") return message(activeKind, found.message, "info");
      if (found.kind === "stress") return showReadStress(found.range, found.anchor, found.values, found.stress);
      const kind: Kind = found.kind;
      select(kinds.indexOf(kind), false);
      if (kind === "condor") {
        for (const control of condorFields) for (const [id, v] of Object.entries(found.values)) control.set(id, v ?? "");
      } else {
        ladderFields.set("rate", ""); // a futures-only ladder block has no rate cell
        for (const [id, v] of Object.entries(found.values)) ladderFields.set(id, v ?? "");
        layers.setLayers(found.layers);
      }
      clearTimeout(timers[kind]); // an edit made before reading no longer applies
      const planned = planners[kind](formValues[kind]());
      shown[kind] = true;
      if (planned.ok) render(kind, planned.plan, `Read from ${found.range}`);
      else markStale(kind, planned.errors);
      formControls[kind].forEach((f) => f.showErrors(planned.ok ? {} : planned.errors, false));
      message(
        kind,
        `Loaded the ${kind === "condor" ? "condor" : "hedge ladder"} block at ${found.range} into the form. Edit it, then "Rebuild here" to write it over that block (you will be asked to confirm), or Build at another cell.`,
        "info",
      );
      const rebuild = h("button", { type: "button", id: "rebuild-block", class: "primary" }, "Rebuild here");
      rebuild.addEventListener("click", () => void build(kind, found.anchor));
      const inPlace = h("button", { type: "button", id: "edit-in-place" }, "Update its inputs in place");
      inPlace.addEventListener("click", () => void editInPlace(kind, found.anchor, found.range, found.layers.length, undefined, found.variant));
      result.append(h("div", { class: "actions" }, rebuild, inPlace));
    } catch (error) {
      message(activeKind, describeReadFailure(error), "error");
    }
  });

  /** Writes the form's inputs into the input cells of the block at `anchor` (strikes, credit and formulas stay), after confirmation. */
  /**
   * A stress block read back: the condor view shows its heatmap (from the block's legs, hedge and
   * moves) and a small form of its six input cells, which "Update its inputs in place" writes.
   */
  function showReadStress(range: string, anchor: string, values: FormValues, inputs: StressInputs | undefined): void {
    select(kinds.indexOf("condor"), false);
    clearTimeout(timers.condor);
    const body = views.condor.querySelector<HTMLElement>(".view-body")!;
    clear(body);
    const fields = h("div", { class: "stress-inputs" });
    const form = buildForm("stress", STRESS_FIELDS, fields);
    for (const [id, v] of Object.entries(values)) form.set(id, v ?? "");
    body.append(h("h2", {}, `Read from ${range}`), fields);
    if (inputs) body.append(stressView(inputs, { onWrite: (x) => void writeStress(x) }));
    message(
      "condor",
      `Loaded the stress block at ${range}: its heatmap is shown from the block's legs, hedge and moves. Edit its inputs below, then "Update its inputs in place" (you will be asked to confirm); legs, hedge and moves are edited in the sheet.`,
      "info",
    );
    const inPlace = h("button", { type: "button", id: "edit-in-place" }, "Update its inputs in place");
    inPlace.addEventListener("click", () => void editInPlace("condor", anchor, range, inputs?.hedge.length ?? 0, undefined, undefined, form));
    result.append(h("div", { class: "actions" }, inPlace));
  }

  /**
   * Writes the form's inputs into the input cells of the block at `anchor` (strikes, credit and
   * formulas stay), after confirmation; `stressForm` set: a stress block's inputs from that form.
   */
  async function editInPlace(
    kind: Kind,
    anchor: string,
    range: string,
    layerRows: number,
    shown?: readonly CellChange[],
    variant?: "hedge",
    stressForm?: FormControl,
  ): Promise<void> {
    confirmBox.hidden = true;
    const planned = stressForm ? planInputEdits("stress", stressForm.values(), layerRows) : planInputEdits(kind, formValues[kind](), layerRows, variant);
    if (!planned.ok) {
      if (!stressForm) return flag(kind, planned.errors);
      stressForm.showErrors(planned.errors);
      return message(kind, "Nothing was written: the stress inputs marked in red need attention.", "error");
    }
    (stressForm ? [stressForm] : formControls[kind]).forEach((f) => f.showErrors({}, false));
    try {
      const out = await writeEdits(anchor, planned.edits, shown ? { shown } : {});
      if (out.status === "unchanged") return message(kind, `Nothing to change: the input cells of ${range} already hold the form's values.`, "info");
      if (out.status === "protected") return message(kind, `Nothing was written: the sheet "${out.sheet}" is protected.`, "error");
      if (out.status === "written")
        return message(
          kind,
          `Updated ${out.changes.length} input cell${out.changes.length === 1 ? "" : "s"} of ${range}: ${describeChanges(out.changes).join("; ")}. Strikes, credit and formulas are unchanged.`,
          "ok",
        );
      result.hidden = true;
      placeBoxes(kind);
      $("confirm-title").textContent = "Change input cells?";
      $("confirm-text").textContent =
        `Write the form's inputs into ${out.changes.length} input cell${out.changes.length === 1 ? "" : "s"} of the block at ${range}? Its strikes, credit and formulas stay.`;
      const list = $("confirm-list");
      clear(list);
      describeChanges(out.changes).forEach((line) => list.append(h("li", {}, line)));
      confirmBox.hidden = false;
      $("confirm-title").focus();
      const yes = $<HTMLButtonElement>("confirm-yes");
      const no = $<HTMLButtonElement>("confirm-no");
      yes.textContent = "Change";
      const done = () => {
        yes.onclick = null;
        no.onclick = null;
        yes.textContent = "Overwrite";
        $("confirm-title").textContent = "Overwrite cells?";
        confirmBox.hidden = true;
      };
      yes.onclick = () => {
        done();
        void editInPlace(kind, anchor, range, layerRows, out.changes, variant, stressForm);
      };
      no.onclick = () => {
        done();
        message(kind, `Nothing was written; ${range} is unchanged.`, "info");
      };
    } catch (error) {
      message(kind, `Excel could not update the block's inputs: ${error instanceof Error ? error.message : String(error)}.`, "error");
    }
  }

  watchMode(window, (m) => {
    mode = m;
    modeWaiters.splice(0).forEach((w) => w(m));
    const badge = $("mode");
    badge.textContent = m === "excel" ? "Excel" : "Preview";
    badge.className = `badge ${m}`;
    status.textContent =
      m === "excel"
        ? "Select a cell, fill a builder, and Build: the block is written there as live formulas. Select a cell of a SHIELD block and Read it to edit it."
        : "Preview mode (not running inside Excel): Build shows the block it would write, with its values.";
    $("howto").hidden = m === "excel";
    readButton.hidden = m !== "excel";
    if (m === "excel") applyTheme();
  });
}

/** Every named input under `root`, by name. */
function valuesOf(root: HTMLElement): FormValues {
  const out: FormValues = {};
  root.querySelectorAll<HTMLInputElement | HTMLSelectElement>("input[name], select[name]").forEach((el) => (out[el.name] = el.value));
  return out;
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
