/** Number formats the blocks use (Excel format codes; the preview formats the same codes). */
export const FMT = {
  price: "0.00",
  greek: "0.0000",
  probability: "0.0%",
  vol: "0.0%",
  rate: "0.00%",
  dollars: "#,##0.00",
  whole: "0",
  general: "General",
} as const;
