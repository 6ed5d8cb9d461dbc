/**
 * Formulas as small expression trees, so that one planned formula is rendered to A1 text for
 * Excel (and HyperFormula) and evaluated directly by the preview, from the same source.
 * References are relative to the block's anchor; rendering places them at the real anchor.
 */
import { cellAddress, rangeAddress } from "./a1";

export type Expr =
  | { k: "num"; v: number }
  | { k: "ref"; row: number; col: number }
  | { k: "range"; row: number; col: number; rows: number; cols: number }
  /** A reference typed by the user, kept as text (e.g. `Sheet1!F24`, without "="). */
  | { k: "external"; text: string }
  | { k: "call"; fn: string; args: Expr[] }
  | { k: "op"; op: "+" | "-" | "*" | "/"; a: Expr; b: Expr }
  | { k: "neg"; a: Expr }
  /** An omitted argument (`F(a,,b)`): Excel passes null for it, as for a missing optional. */
  | { k: "omit" };

export const num = (v: number): Expr => ({ k: "num", v });
export const ref = (row: number, col: number): Expr => ({ k: "ref", row, col });
export const range = (row: number, col: number, rows: number, cols: number): Expr => ({ k: "range", row, col, rows, cols });
export const external = (text: string): Expr => ({ k: "external", text: text.replace(/^=/, "") });
/** A SHIELD custom function: rendered `SHIELD.<id>(...)`. */
export const shield = (id: string, ...args: Expr[]): Expr => ({ k: "call", fn: `SHIELD.${id}`, args });
/** A built-in Excel function (ROUND, SUM, IF, ISERROR). */
export const builtin = (fn: "ROUND" | "SUM" | "IF" | "ISERROR", ...args: Expr[]): Expr => ({ k: "call", fn, args });

/**
 * A cell inside a spilled result, read so that the formula's own error shows. When a spilling
 * formula fails as a whole, Excel shows the error in its first cell only and leaves the rest of
 * the spill area EMPTY, so `=F16` (or `=SUM(F16:F18)`) over it reads 0: a silently wrong number.
 * `IF(ISERROR(head),head,cell)` gives the head's error instead (HyperFormula 3.5 cannot parse
 * Excel's spill operator `A16#`, and the block must compute the same in both). The head itself
 * is returned as a plain reference.
 */
export function spilled(head: { row: number; col: number }, row: number, col: number): Expr {
  if (row === head.row && col === head.col) return ref(row, col);
  return guarded(head, ref(row, col));
}

/** `e`, unless the spill head `head` holds an error: then that error (see `spilled`). */
export function guarded(head: { row: number; col: number }, e: Expr): Expr {
  const h = ref(head.row, head.col);
  return builtin("IF", builtin("ISERROR", h), h, e);
}
export const mul = (...factors: Expr[]): Expr => factors.reduce((a, b) => ({ k: "op", op: "*", a, b }));
export const sub = (a: Expr, b: Expr): Expr => ({ k: "op", op: "-", a, b });
export const neg = (a: Expr): Expr => ({ k: "neg", a });
export const omit: Expr = { k: "omit" };

/** The anchor where a block is rendered (0-based row/col on its sheet). */
export interface Anchor {
  row: number;
  col: number;
}

const PRECEDENCE = { "+": 1, "-": 1, "*": 2, "/": 2 } as const;

/** Renders an expression as Excel formula text (without the leading "="), at `anchor`. */
export function renderExpr(e: Expr, anchor: Anchor): string {
  switch (e.k) {
    case "num":
      return String(e.v);
    case "ref":
      return cellAddress(anchor.row + e.row, anchor.col + e.col);
    case "range":
      return rangeAddress(anchor.row + e.row, anchor.col + e.col, e.rows, e.cols);
    case "external":
      return e.text;
    case "omit":
      return "";
    case "call":
      return `${e.fn}(${e.args.map((a) => renderExpr(a, anchor)).join(",")})`;
    case "neg": {
      const inner = renderExpr(e.a, anchor);
      return e.a.k === "op" ? `-(${inner})` : `-${inner}`;
    }
    case "op": {
      const wrap = (x: Expr, right: boolean) => {
        const s = renderExpr(x, anchor);
        if (x.k !== "op") return s;
        const p = PRECEDENCE[x.op];
        const needs = p < PRECEDENCE[e.op] || (right && p === PRECEDENCE[e.op] && (e.op === "-" || e.op === "/"));
        return needs ? `(${s})` : s;
      };
      return `${wrap(e.a, false)}${e.op}${wrap(e.b, true)}`;
    }
  }
}

/** The full formula text of a planned formula at `anchor`: "=" + the expression. */
export function renderFormula(e: Expr, anchor: Anchor): string {
  return `=${renderExpr(e, anchor)}`;
}
