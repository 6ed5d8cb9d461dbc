/** STRESS's core: a hedged book (book.ts) and its full revaluation under scenarios (revalue.ts). */
export { prepareBook, type Book, type HedgeHolding, type PreparedBook, type PreparedHedge, type PreparedLeg } from "./book";
export { checkScenario, MIN_STRESS_VOL, revalueBook, stressGrid, type Scenario, type ScenarioPnl } from "./revalue";
