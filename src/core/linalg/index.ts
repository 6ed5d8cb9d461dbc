/** Small dense linear algebra for the hedge solver. Re-exports only. */
export { svd, rankOf, rankTolerance, transpose, type Matrix, type Svd } from "./svd";
export { solve, type SolveKind, type SolveResult } from "./solve";
