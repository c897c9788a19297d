/**
 * HTTPS for the development server (`webpack serve`), as the yo-office templates do it: on Windows and
 * macOS, where `npm start` sideloads into desktop Excel (which refuses http add-ins), the
 * office-addin-dev-certs certificates are installed when missing (getHttpsServerOptions asks the user
 * once to trust the local CA) and used; on Linux, where `npm start` only serves the browser preview and
 * installing would need sudo, existing certificates are used if present, else plain http.
 */
/* global require, module, process */
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");

/** The office-addin-dev-certs files, read directly; null when they are absent. */
function readDevCerts(home = os.homedir()) {
  const dir = path.join(home, ".office-addin-dev-certs");
  const files = { ca: "ca.crt", key: "localhost.key", cert: "localhost.crt" };
  const options = {};
  for (const [k, f] of Object.entries(files)) {
    const p = path.join(dir, f);
    if (!fs.existsSync(p)) return null;
    options[k] = fs.readFileSync(p);
  }
  return options;
}

/**
 * The dev server's `server` option for a platform. `certs` is injectable for tests:
 * { getHttpsServerOptions(): Promise<options>, readDevCerts(): options | null }.
 */
async function devServerOption(platform = process.platform, certs = undefined) {
  const c = certs || {
    getHttpsServerOptions: () => require("office-addin-dev-certs").getHttpsServerOptions(),
    readDevCerts: () => readDevCerts(),
  };
  if (platform === "win32" || platform === "darwin") {
    return { type: "https", options: await c.getHttpsServerOptions() };
  }
  const existing = c.readDevCerts();
  return existing ? { type: "https", options: existing } : { type: "http" };
}

module.exports = { readDevCerts, devServerOption };
