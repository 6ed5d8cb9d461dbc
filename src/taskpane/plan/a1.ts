/**
 * A1 addresses, pure: column letters, cell and range addresses at an anchor, sheet names.
 * Rows and columns are 0-based everywhere in the planner; Excel's A1 text is 1-based.
 */

/** 0 -> "A", 25 -> "Z", 26 -> "AA" (Excel's bijective base-26 column names). */
export function columnName(col: number): string {
  if (!Number.isInteger(col) || col < 0) throw new RangeError(`column must be a whole number >= 0; got ${col}`);
  let name = "";
  let n = col + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** "A" -> 0, "AA" -> 26. */
export function columnIndex(name: string): number {
  let n = 0;
  for (const ch of name.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A cell position, 0-based. */
export interface CellPos {
  row: number;
  col: number;
}

/** 0-based row/col -> "B3". */
export function cellAddress(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

/** A rectangle of `rows` x `cols` cells whose top-left is (row, col) -> "B3:D7" (or "B3" for 1x1). */
export function rangeAddress(row: number, col: number, rows: number, cols: number): string {
  const first = cellAddress(row, col);
  return rows === 1 && cols === 1 ? first : `${first}:${cellAddress(row + rows - 1, col + cols - 1)}`;
}

/**
 * A sheet name as it must appear before `!`: quoted unless it is a plain identifier (a letter or
 * `_`, then letters, digits, `_`, `.`) that Excel could not read as a reference. Quoted: names
 * with spaces or other characters, names starting with a digit ("2024"), and names that look
 * like a cell in A1 style ("AB12") or R1C1 style ("R2C3", "RC", "R", "C", "R5", "C7").
 */
export function quoteSheet(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name);
  const a1Like = /^[A-Za-z]{1,3}[0-9]+$/.test(name);
  const r1c1Like = /^(?:R[0-9]*)?(?:C[0-9]*)?$/i.test(name);
  return plain && !a1Like && !r1c1Like ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Splits "Sheet1!B3" / "'My sheet'!B3" / "B3" into sheet (or undefined) and the cell part. */
export function splitAddress(address: string): { sheet?: string; cell: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { cell: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, cell: address.slice(bang + 1) };
}

/** "B3" or "$B$3" -> {row: 2, col: 1}; the first cell of a range "B3:D7" -> B3. */
export function parseCell(a1: string): CellPos {
  const m = /^\$?([A-Za-z]{1,3})\$?([0-9]+)/.exec(a1.trim());
  if (!m) throw new RangeError(`not an A1 cell address: ${a1}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/**
 * A reference to one cell typed by a user, with an optional sheet: `=Sheet1!F24`, `F24`,
 * `'My sheet'!$F$24`. Returns the formula text (with a leading "=") or undefined if it is not one.
 */
export function cellReferenceFormula(text: string): string | undefined {
  const t = text.trim().replace(/^=/, "").trim();
  const m = /^(?:('(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(\$?[A-Za-z]{1,3}\$?[0-9]{1,7})$/.exec(t);
  if (!m) return undefined;
  const { row, col } = parseCell(m[2]);
  if (row < 0 || row >= 1048576 || col < 0 || col >= 16384) return undefined;
  return `=${m[1] ? `${m[1]}!` : ""}${m[2].toUpperCase()}`;
}
