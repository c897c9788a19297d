/**
 * `npm start` (scripts/start.js) and the dev server's https (scripts/dev-https.js): on Windows/macOS the
 * yo-office way — dev certificates, `webpack serve --mode development` started and awaited by
 * office-addin-debugging, sideload into desktop Excel; on Linux the local preview. Nothing is spawned here.
 */
/* global require */
import { describe, expect, test } from "@jest/globals";
import * as fs from "fs";

const start = require("../../scripts/start.js") as {
  startMode(platform: string): "sideload" | "preview";
  sideloadArgs(port?: number): string[];
};
const https = require("../../scripts/dev-https.js") as {
  devServerOption(
    platform: string,
    certs: { getHttpsServerOptions(): Promise<unknown>; readDevCerts(): unknown },
  ): Promise<{ type: string; options?: unknown }>;
};

describe("npm start", () => {
  test("Windows and macOS sideload; Linux (and anything else) serves the preview", () => {
    expect(start.startMode("win32")).toBe("sideload");
    expect(start.startMode("darwin")).toBe("sideload");
    expect(start.startMode("linux")).toBe("preview");
  });

  test("office-addin-debugging starts the dev server, waits on its port, and sideloads into desktop Excel", () => {
    const args = start.sideloadArgs(3000);
    expect(args.slice(0, 4)).toEqual(["office-addin-debugging", "start", "manifest.xml", "desktop"]);
    const devServer = args[args.indexOf("--dev-server") + 1];
    expect(devServer).toMatch(/ serve --mode development$/);
    const cli = /"([^"]+cli\.js)"/.exec(devServer)![1];
    expect(fs.existsSync(cli)).toBe(true); // webpack-cli is installed where the command points
    expect(args[args.indexOf("--dev-server-port") + 1]).toBe("3000");
  });
});

describe("dev server https", () => {
  const certs = { ca: "CA", key: "KEY", cert: "CERT" };

  test("Windows/macOS: certificates installed when missing (getHttpsServerOptions) and served over https", async () => {
    for (const platform of ["win32", "darwin"]) {
      let installs = 0;
      const option = await https.devServerOption(platform, {
        getHttpsServerOptions: async () => {
          installs++;
          return certs;
        },
        readDevCerts: () => null,
      });
      expect(option).toEqual({ type: "https", options: certs });
      expect(installs).toBe(1);
    }
  });

  test("Linux: never installs (would need sudo); existing certificates give https, none give http", async () => {
    const never = async () => {
      throw new Error("must not install on Linux");
    };
    expect(
      await https.devServerOption("linux", { getHttpsServerOptions: never, readDevCerts: () => null }),
    ).toEqual({
      type: "http",
    });
    expect(
      await https.devServerOption("linux", { getHttpsServerOptions: never, readDevCerts: () => certs }),
    ).toEqual({ type: "https", options: certs });
  });
});
