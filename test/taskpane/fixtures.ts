/** Form inputs shared by the task-pane tests. */

/** The issue's example (issue 4): spot 5000, 30 days, put vol 0.21, call vol 0.16, 0.16 delta, 50-point wings, 10 condors. */
export const ISSUE_CONDOR = {
  spot: "5000",
  days: "30",
  putVol: "0.21",
  callVol: "0.16",
  shortDelta: "0.16",
  wingWidth: "50",
  increment: "5",
  quantity: "10",
  multiplier: "100",
  rate: "0",
  yield: "0",
};
export const LADDER_FORM = {
  positionVega: "-1317.21",
  positionDays: "30",
  vixSpot: "18",
  multiplier: "1000",
  days1: "30",
  price1: "19",
  days2: "60",
  price2: "20",
  days3: "90",
  price3: "20.5",
};
