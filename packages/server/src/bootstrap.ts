import type { Config } from "./config";
import { type DatabaseHandle, openDatabase } from "./db/connection";
import { migrateToLatest } from "./db/migrate";
import { ensureBuiltInBatches } from "./features/batches/service";
import { createMailer } from "./features/notifications/mailer";
import { createCipher, loadDataKey } from "./http/crypto";
import { type Deps, systemCaller } from "./http/deps";
import { type Clock, systemClock } from "./http/time";
import { createLocalFileStore } from "./storage/files";

export type Runtime = { deps: Deps; handle: DatabaseHandle };

/**
 * Opens the database, migrates it and installs the built-in batches: everything a process
 * (server, CLI, test) needs before it can serve. Idempotent, so every instance may run it.
 */
export async function openRuntime(config: Config, clock: Clock = systemClock): Promise<Runtime> {
  const handle = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(handle.db, handle.dialect);
  const deps: Deps = {
    db: handle.db,
    dialect: handle.dialect,
    config,
    clock,
    cipher: createCipher(loadDataKey(config.secretKey, config.dataDir)),
    files: createLocalFileStore(config.dataDir),
    mailer: createMailer(config.smtpUrl, config.mailFrom),
    poolStats: handle.poolStats,
  };
  await ensureBuiltInBatches(deps, systemCaller);
  return { deps, handle };
}
