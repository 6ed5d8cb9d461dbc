/**
 * Renders a builder's fields (labels on every field, a hint, an error slot wired with
 * aria-describedby) and reads/marks them. The ladder's curve has its own table (ui/layers.ts).
 */
import type { FieldSpec, FormValues } from "../plan/fields";
import { h } from "./dom";

export interface FormControl {
  element: HTMLElement;
  values(): FormValues;
  set(id: string, value: string): void;
  /** Shows `errors` beside their fields, clears the others; focuses the first one unless `focus` is false. */
  showErrors(errors: Record<string, string>, focus?: boolean): void;
}

/** Shows/clears the error of one input (found by name inside `root`). Returns false if there is no such input. */
export function markField(root: HTMLElement, id: string, message: string | undefined): boolean {
  const input = root.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${id}"]`);
  if (!input) return false;
  const slot = root.querySelector<HTMLElement>(`#${input.id}-error`);
  if (message) input.setAttribute("aria-invalid", "true");
  else input.removeAttribute("aria-invalid");
  if (slot) {
    slot.textContent = message ?? "";
    slot.hidden = !message;
  }
  return true;
}

export function fieldElement(prefix: string, spec: FieldSpec): HTMLElement {
  const id = `${prefix}-${spec.id}`;
  const describedBy = [spec.hint ? `${id}-hint` : "", `${id}-error`].filter(Boolean).join(" ");
  const control =
    spec.kind === "select"
      ? h(
          "select",
          { id, name: spec.id, "aria-describedby": describedBy },
          ...(spec.options ?? []).map((o) => h("option", { value: o, selected: o === spec.initial }, o)),
        )
      : h("input", {
          id,
          name: spec.id,
          type: "text",
          inputmode: spec.kind === "reference" ? undefined : "decimal",
          autocomplete: "off",
          spellcheck: "false",
          placeholder: spec.placeholder,
          value: spec.initial,
          "aria-describedby": describedBy,
        });
  return h(
    "div",
    { class: `field${spec.kind === "reference" ? " wide" : ""}`, "data-field": spec.id },
    h("label", { for: id }, spec.label, spec.optional ? h("span", { class: "optional" }, " (optional)") : null),
    control,
    spec.hint ? h("div", { class: "hint", id: `${id}-hint` }, spec.hint) : null,
    h("div", { class: "error", id: `${id}-error`, hidden: true }),
  );
}

export function buildForm(prefix: string, specs: FieldSpec[], container: HTMLElement): FormControl {
  for (const spec of specs) container.append(fieldElement(prefix, spec));
  const control: FormControl = {
    element: container,
    values() {
      const out: FormValues = {};
      container.querySelectorAll<HTMLInputElement | HTMLSelectElement>("[name]").forEach((el) => (out[el.name] = el.value));
      return out;
    },
    set(id, value) {
      const el = container.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${id}"]`);
      if (el) el.value = value;
    },
    showErrors(errors, focus = true) {
      container.querySelectorAll<HTMLInputElement | HTMLSelectElement>("[name]").forEach((el) => markField(container, el.name, errors[el.name]));
      if (focus) container.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
    },
  };
  return control;
}
