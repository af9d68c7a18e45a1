import type { FastifyBaseLogger } from "fastify";
import { sql } from "kysely";
import type { Deps } from "../../http/deps";

export type PartState = "ok" | "failed" | "unchecked";

/** A readiness probe must answer even when a dependency hangs (a pool with no free connection). */
const CHECK_TIMEOUT_MS = 5_000;

async function check(
  part: string,
  log: FastifyBaseLogger,
  probe: () => Promise<unknown>,
): Promise<Exclude<PartState, "unchecked">> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${part} check timed out`)), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([probe(), timeout]);
    return "ok";
  } catch (error) {
    log.warn({ err: error, part }, "readiness check failed");
    return "failed";
  } finally {
    clearTimeout(timer);
  }
}

/** The database answers a trivial query. */
export function checkDatabase(deps: Pick<Deps, "db">, log: FastifyBaseLogger) {
  return check("database", log, () => sql`select 1`.execute(deps.db));
}

/** The file store can take a write now; "unchecked" for a store that cannot tell. */
export async function checkFiles(deps: Pick<Deps, "files">, log: FastifyBaseLogger): Promise<PartState> {
  const ready = deps.files.ready;
  if (!ready) return "unchecked";
  return check("files", log, () => ready.call(deps.files));
}
