/** Task pane entry (the builders come with the task-pane issue). */
function start(inOffice: boolean): void {
  const status = document.getElementById("status");
  if (status) status.textContent = inOffice ? "SHIELD is loaded." : "Preview: open this page from Excel to use SHIELD.";
}

if (typeof Office !== "undefined") {
  Office.onReady((info) => start(Boolean(info.host)));
} else {
  start(false);
}
