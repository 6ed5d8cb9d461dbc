/**
 * HTTPS options for the dev server from office-addin-dev-certs, without needing sudo.
 *
 * office-addin-dev-certs generates a development CA and a localhost certificate in
 * ~/.office-addin-dev-certs, then installs the CA with `sudo`. On Linux as root (no sudo
 * there, e.g. in a container) we generate the certificates with the package and install the
 * CA ourselves when we can; the server runs either way, and start.js says how to trust it.
 */
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const { execFileSync } = require("child_process");
const devCerts = require("office-addin-dev-certs");
const defaults = require("office-addin-dev-certs/lib/defaults");

/** True when the CA and a localhost certificate valid for at least another day, with its key, exist. */
function certificatesUsable() {
  try {
    const cert = new crypto.X509Certificate(fs.readFileSync(defaults.localhostCertificatePath));
    const key = crypto.createPrivateKey(fs.readFileSync(defaults.localhostKeyPath));
    const validForADay = new Date(cert.validTo).getTime() > Date.now() + 24 * 3600 * 1000;
    return fs.existsSync(defaults.caCertificatePath) && cert.checkPrivateKey(key) && validForADay;
  } catch {
    return false;
  }
}

/** Tries to add the CA to the system store as root on Linux; returns a note for the user. */
function installCaAsRoot() {
  const target = "/usr/local/share/ca-certificates/office-addin-dev-certs/ca.crt";
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(defaults.caCertificatePath, target);
    execFileSync("update-ca-certificates", { stdio: "ignore" });
    return `installed the development CA into the system store (${target})`;
  } catch {
    return `could not install the development CA system-wide; trust ${defaults.caCertificatePath} in your browser`;
  }
}

async function httpsOptions() {
  const needsLinuxRootPath = process.platform === "linux" && typeof process.getuid === "function" && process.getuid() === 0;
  if (!needsLinuxRootPath) {
    // The package's own path: generates, installs (may prompt for sudo) and returns the options.
    return devCerts.getHttpsServerOptions();
  }
  if (!certificatesUsable()) {
    // generateCertificates keeps an existing CA file and then writes nothing: start clean.
    for (const file of [defaults.caCertificatePath, defaults.localhostCertificatePath, defaults.localhostKeyPath]) {
      fs.rmSync(file, { force: true });
    }
    await devCerts.generateCertificates();
    console.log(`SHIELD: ${installCaAsRoot()}.`);
  }
  return {
    ca: fs.readFileSync(defaults.caCertificatePath),
    cert: fs.readFileSync(defaults.localhostCertificatePath),
    key: fs.readFileSync(defaults.localhostKeyPath),
  };
}

module.exports = { httpsOptions };
