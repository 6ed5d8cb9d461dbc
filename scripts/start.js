#!/usr/bin/env node
/**
 * `npm start`: build and serve SHIELD on https://localhost:3000 with development certificates,
 * register the add-in with desktop Excel where the platform allows it (Windows, macOS), and
 * print the steps to load it into Excel on the web (every platform; the only way on Linux).
 * Ctrl+C stops the server.
 *
 * No sudo is needed: on Linux as root the certificates are generated and trusted without it
 * (scripts/certs.js). Desktop registration is what office-addin-debugging does, in a few lines:
 * Windows reads developer manifests from the WEF\Developer registry key, macOS from Excel's
 * wef folder.
 */
const { spawn, execFileSync } = require("child_process");
const fs = require("fs");
const https = require("https");
const os = require("os");
const path = require("path");

const root = path.resolve(__dirname, "..");
const manifest = path.join(root, "manifest.xml");
const origin = "https://localhost:3000";

function waitForServer(url, timeoutMs) {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const req = https.get(url, { rejectUnauthorized: false }, (res) => {
        res.resume();
        if (res.statusCode === 200) resolve();
        else retry();
      });
      req.on("error", retry);
    };
    const retry = () => (Date.now() - started > timeoutMs ? reject(new Error(`${url} did not answer`)) : setTimeout(attempt, 500));
    attempt();
  });
}

function addInId() {
  const match = /<Id>([^<]+)<\/Id>/.exec(fs.readFileSync(manifest, "utf8"));
  return match ? match[1].trim() : "SHIELD";
}

/** Registers manifest.xml with desktop Excel; returns what was done, or null where not possible. */
function sideloadDesktop() {
  if (process.platform === "win32") {
    const key = "HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer";
    execFileSync("reg", ["add", key, "/v", addInId(), "/t", "REG_SZ", "/d", manifest, "/f"], { stdio: "ignore" });
    return `registered ${manifest} for desktop Excel (${key}). Restart Excel, then Home > SHIELD builders.`;
  }
  if (process.platform === "darwin") {
    const wef = path.join(os.homedir(), "Library/Containers/com.microsoft.Excel/Data/Documents/wef");
    fs.mkdirSync(wef, { recursive: true });
    fs.copyFileSync(manifest, path.join(wef, "shield-manifest.xml"));
    return `copied manifest.xml into ${wef}. Restart Excel, then Home > SHIELD builders.`;
  }
  return null;
}

function printWebSteps() {
  console.log(`
To use SHIELD in Excel on the web (any platform; the way to go on Linux):
  1. Keep this server running. Open ${origin}/taskpane.html once in the same browser; if it
     warns about the certificate, trust the development CA (~/.office-addin-dev-certs/ca.crt)
     or proceed to localhost.
  2. Open a workbook at https://excel.cloud.microsoft (or office.com > Excel).
  3. Home > Add-ins > More Settings (or Insert > Add-ins) > Upload My Add-in, choose
     ${manifest}, then Upload.
  4. Type =SHIELD. in a cell for the functions; Home > SHIELD builders opens the task pane.
`);
}

/**
 * Stops the dev server (and so frees port 3000) when this process is told to stop (Ctrl+C,
 * SIGTERM, a closed terminal) and when its parent dies: killing `npm start`'s npm process kills
 * npm and its `sh -c`, but no signal reaches this process, which the system then re-parents.
 * webpack serve closes on SIGTERM; one that has not exited 5 s later is killed.
 */
function stopWithParent(server) {
  let stopping = false;
  const stop = (why) => {
    if (stopping) return;
    stopping = true;
    console.log(`\nSHIELD: stopping the dev server (${why}).`);
    if (server.exitCode === null && server.signalCode === null) server.kill("SIGTERM");
    setTimeout(() => {
      if (server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
      process.exit(1);
    }, 5000);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => stop(signal));
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop("its parent process exited");
  }, 1000).unref();
}

async function main() {
  const webpackCli = require.resolve("webpack-cli/bin/cli.js");
  const server = spawn(process.execPath, [webpackCli, "serve", "--mode", "development"], { cwd: root, stdio: "inherit" });
  server.on("exit", (code) => process.exit(code ?? 0));
  stopWithParent(server);

  await waitForServer(`${origin}/functions.json`, 120000);
  console.log(`\nSHIELD is served at ${origin} (taskpane.html, functions.js, functions.json).`);
  try {
    const done = sideloadDesktop();
    console.log(done ? `Desktop Excel: ${done}` : "Desktop Excel: sideloading is not available on this platform.");
  } catch (error) {
    console.log(`Desktop Excel: could not register the add-in (${error.message}).`);
  }
  printWebSteps();
  console.log("Ctrl+C stops the server.");
}

main().catch((error) => {
  console.error(`npm start failed: ${error.message}`);
  process.exit(1);
});
