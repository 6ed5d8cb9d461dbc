/**
 * A quorum of signals with persistence (SPEC.md "Recalibration and hedge governance",
 * SIGNAL_QUORUM): no single signal, and no single bar, moves the hedge.
 */
import { InputError } from "../errors";
import { integerAtLeast } from "../validate";

/**
 * `votes[t][j]` is signal j's vote on row t: -1, 0 or +1, or NaN for a vote that does not exist
 * yet (#N/A, a warm-up row), which counts as 0. Per row the raw result is +1 when at least `k`
 * signals vote +1 and fewer than `k` vote -1, -1 likewise, else 0 (0 also when both sides reach
 * k, possible when k <= m/2). The state is the raw result once the same raw result has held
 * `persist` rows in a row (that row included); otherwise the previous row's state stays. Before
 * any raw result has held that long, the state is 0 (no action).
 *
 * Defaults: k = floor(m/2) + 1 (a majority), persist = 1 (the state is the raw result).
 * Throws InputError for an empty or ragged table, a vote other than -1/0/+1 (naming its row and
 * column), k not a whole number from 1 to m, or persist not a whole number of 1 or more.
 *
 * @example signalQuorum([[1, 1, 0], [1, 1, 1], [-1, 0, 1]], 2, 1) // => [1, 1, 0]
 */
export function signalQuorum(votes: readonly ArrayLike<number>[], k?: number, persist?: number): Int8Array {
  const n = votes.length;
  if (n === 0) throw new InputError("votes", "must hold at least one row", "");
  const m = votes[0].length;
  if (m === 0) throw new InputError("votes", "must hold at least one column (one signal each)", "");
  const need = k ?? Math.floor(m / 2) + 1;
  integerAtLeast("k", need, 1);
  if (need > m) throw new InputError("k", `must not exceed the number of signals (columns of votes: ${m})`, need);
  const hold = persist ?? 1;
  integerAtLeast("persist", hold, 1);
  const out = new Int8Array(n);
  let state = 0;
  let run = 0;
  let previousRaw = Number.NaN;
  for (let t = 0; t < n; t++) {
    const row = votes[t];
    if (row.length !== m) throw new InputError("votes", `must have ${m} columns in every row; row ${t + 1} has`, row.length);
    let up = 0;
    let down = 0;
    for (let j = 0; j < m; j++) {
      const v = row[j];
      if (v === 1) up++;
      else if (v === -1) down++;
      else if (!(v === 0 || Number.isNaN(v))) {
        throw new InputError("votes", `must be -1, 0 or +1 (#N/A counts as 0) at row ${t + 1}, column ${j + 1}`, v);
      }
    }
    const raw = up >= need && down < need ? 1 : down >= need && up < need ? -1 : 0;
    run = raw === previousRaw ? run + 1 : 1;
    previousRaw = raw;
    if (run >= hold) state = raw;
    out[t] = state;
  }
  return out;
}
