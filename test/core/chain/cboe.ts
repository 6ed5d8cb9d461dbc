/**
 * The Cboe VIX worked example's quotes (test/fixtures/cboe-vix-example/, vendored from
 * ../shared/reference and compared with it by test/fixtures.test.ts), read as a chain.
 * Columns: strike, call bid, call ask, put bid, put ask (Cboe's white paper tables).
 */
import * as fs from "fs";
import * as path from "path";
import type { Chain } from "../../../src/core/chain/quotes";

export type Term = "near" | "next";

/** The rows of one term as numbers: [strike, callBid, callAsk, putBid, putAsk]. */
export function cboeRows(term: Term): number[][] {
  const file = path.join(__dirname, "..", "..", "fixtures", "cboe-vix-example", `${term}-term.tsv`);
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => line.trim().split(/\t/).map(Number));
}

/** One term as the core's Chain. */
export function cboeChain(term: Term): Chain {
  const rows = cboeRows(term);
  return {
    strikes: rows.map((r) => r[0]),
    calls: rows.map((r) => ({ bid: r[1], ask: r[2] })),
    puts: rows.map((r) => ({ bid: r[3], ask: r[4] })),
  };
}

/** The published cases: "cboeVix" (methodology document) and "cboeVixWhitePaper". */
export const published = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "fixtures", "published-cases.json"), "utf8")) as {
  cboeVix: {
    near: Expiry;
    next: Expiry;
    targetMinutes: number;
    vix: number;
    vixUnrounded: number;
    tol: { variance: number; forward: number; vix: number };
  };
  cboeVixWhitePaper: {
    near: { minutes: number; rate: number; variance: number };
    next: { minutes: number; rate: number; variance: number };
    vix: number;
    tol: { variance: number; vix: number };
  };
};

export interface Expiry {
  minutes: number;
  rate: number;
  forward: number;
  K0: number;
  strikesUsed: number;
  lowestStrike: number;
  highestStrike: number;
  variance: number;
}
