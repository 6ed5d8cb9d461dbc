/** Market signals (SPEC.md "Market signals"): series in, series out. Re-exports only. */
export { type Indicator, type NumberSeries } from "./series";
export { ema } from "./ema";
export { rsi, RSI_NO_MOVEMENT } from "./rsi";
export { macd, type MacdResult } from "./macd";
export { adLine } from "./adLine";
export { realizedVol } from "./realizedVol";
export { ohlcVol, parseVolMethod, VOL_METHODS, type VolMethod } from "./ohlcVol";
