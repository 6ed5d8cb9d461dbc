/**
 * SIGNAL_QUORUM's persistence rule written a second, independent way (for tests): the state
 * switches to a raw result r on row t exactly when rows t-persist+1..t all have raw result r;
 * before that it is the previous state, 0 at the start. NaN votes count as 0.
 */
export function quorumReference(votes: number[][], k: number, persist: number): number[] {
  const raw = votes.map((row) => {
    const up = row.filter((v) => v === 1).length;
    const down = row.filter((v) => v === -1).length;
    if (up >= k && down >= k) return 0;
    return up >= k ? 1 : down >= k ? -1 : 0;
  });
  const out: number[] = [];
  let state = 0;
  raw.forEach((r, t) => {
    if (t + 1 >= persist && raw.slice(t + 1 - persist, t + 1).every((x) => x === r)) state = r;
    out.push(state);
  });
  return out;
}
