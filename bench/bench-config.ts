import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Config, loadConfig } from "../packages/server/src/config";

/**
 * An instance's settings for a bench: a fresh temporary data folder, 127.0.0.1 on a random port,
 * no demo data or web build, a cheap password hash and a fresh secret. `overrides` adds what a
 * bench needs (an SMTP server, no rate limits). The caller removes `dataDir` when done.
 */
export function benchConfig(databaseUrl: string | null, overrides: Partial<Config> = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "linxuan-bench-"));
  const config = loadConfig(
    {},
    {
      host: "127.0.0.1",
      port: 0,
      dataDir,
      databaseUrl,
      demo: false,
      webDist: null,
      passwordHashCost: 1024,
      secretKey: crypto.randomBytes(32).toString("hex"),
      ...overrides,
    },
  );
  return { config, dataDir };
}
