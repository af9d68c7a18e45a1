import type { Config } from "./config";
import { type DatabaseHandle, openDatabase } from "./db/connection";
import { migrateToLatest } from "./db/migrate";
import { ensureBuiltInBatches } from "./features/batches/service";
import { randomCaptchaText } from "./features/captcha/text";
import { createMailer } from "./features/notifications/mailer";
import { createCipher } from "./http/crypto";
import { type CaptchaText, type Deps, systemCaller } from "./http/deps";
import { type Clock, systemClock } from "./http/time";
import { type DataKey, openDataKey } from "./ops/data-key";
import { openFileStore } from "./storage/files";

export type Runtime = { deps: Deps; handle: DatabaseHandle; dataKey: DataKey };

/** What a test or a browser journey may put in place of the production parts. */
export type RuntimeOptions = { captchaText?: CaptchaText };

/**
 * Opens the database, migrates it, checks the data key against the fingerprint stored in it and
 * installs the built-in batches: everything a process (server, CLI, test) needs before it can
 * serve. Idempotent, so every instance may run it. A wrong or missing key throws (see
 * ops/data-key.ts) and nothing is served.
 */
export async function openRuntime(
  config: Config,
  clock: Clock = systemClock,
  options: RuntimeOptions = {},
): Promise<Runtime> {
  const handle = openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolMax: config.databasePoolMax,
  });
  try {
    await migrateToLatest(handle.db, handle.dialect);
    const dataKey = await openDataKey({ db: handle.db, clock }, config);
    const deps: Deps = {
      db: handle.db,
      dialect: handle.dialect,
      config,
      clock,
      cipher: createCipher(dataKey.key),
      files: await openFileStore(config),
      mailer: createMailer(config.smtpUrl, config.mailFrom),
      captchaText: options.captchaText ?? randomCaptchaText,
      poolStats: handle.poolStats,
    };
    await ensureBuiltInBatches(deps, systemCaller);
    return { deps, handle, dataKey };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
