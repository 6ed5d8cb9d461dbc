/** Recalibration and hedge governance (SPEC.md): hedge quantities and decision signals. Re-exports only. */
export { hedgeSolve, type HedgeSolution } from "./hedgeSolve";
export { cross } from "./cross";
export { zone } from "./zone";
export { trend } from "./trend";
export { signalQuorum } from "./quorum";
export { ivRank, ivPercentile } from "./ivRank";
