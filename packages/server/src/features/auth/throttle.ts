import type { Db } from "../../db/connection";
import type { Deps } from "../../http/deps";
import { AppError } from "../../http/errors";
import {
  blockThrottle,
  countAttempt,
  deleteStaleThrottles,
  deleteThrottle,
  deleteUsernameThrottles,
  findThrottles,
  findUsernameRestrictions,
  lockThrottle,
  type ThrottleKey,
  uncountAttempt,
} from "./queries";

/**
 * Login throttling by account and address together, in the database so every instance counts
 * the same attempts. Counters are keyed by the username as typed, whether or not such an
 * account exists, so they answer the same for both.
 *
 * - One address on one account (pair): from the 3rd failure a captcha; from the 5th it waits
 *   30 s, 1, 2, 4, 8 min before the next try (answer LOGIN_THROTTLED with retryAfter, no
 *   server-side sleep that would tie up connections); at the 10th that address is locked out of
 *   that account for an hour. The owner at another address is not held up.
 * - One account from all addresses: from 10 failures in the hour a captcha for everyone; at
 *   `loginAccountFailuresPerHour` (default 100) the account is locked until the administrator
 *   unlocks it — that stops guessing spread over many addresses.
 * - One address over all accounts: from 10 failures in the hour a captcha (password spraying).
 *
 * Windows are fixed hours from a counter's first failure. An attempt is counted before the
 * password is checked (so concurrent tries cannot slip past a limit) and given back if it
 * succeeds.
 */
export const LOGIN_THROTTLE = {
  windowMinutes: 60,
  pairCaptchaAfter: 3,
  pairWaitAfter: 5,
  pairFirstWaitSeconds: 30,
  pairLockAfter: 10,
  pairLockMinutes: 60,
  accountCaptchaAfter: 10,
  addressCaptchaAfter: 10,
} as const;

/** Seconds one address waits on one account after its n-th failure (0: it may try again now). */
export function pairWaitSeconds(failures: number): number {
  const t = LOGIN_THROTTLE;
  if (failures >= t.pairLockAfter) return t.pairLockMinutes * 60;
  if (failures >= t.pairWaitAfter) return t.pairFirstWaitSeconds * 2 ** (failures - t.pairWaitAfter);
  return 0;
}

/** "30秒", "4分钟", "1小时". */
export function waitText(seconds: number): string {
  if (seconds < 60) return `${seconds}秒`;
  if (seconds < 3600) return `${Math.ceil(seconds / 60)}分钟`;
  return `${Math.ceil(seconds / 3600)}小时`;
}

export type LoginKeys = { pair: ThrottleKey; account: ThrottleKey; address: ThrottleKey };

export function loginKeys(username: string, ip: string | null): LoginKeys {
  const address = ip ?? "unknown";
  return {
    pair: { scope: "pair", username, ip: address },
    account: { scope: "account", username, ip: "" },
    address: { scope: "address", username: "", ip: address },
  };
}

const throttled = (retryAfter: number) =>
  new AppError("LOGIN_THROTTLED", `登录失败次数过多，请${waitText(retryAfter)}后再试`, {
    extra: { retryAfter, captchaRequired: true },
  });

const locked = () =>
  new AppError("ACCOUNT_LOCKED", "该账号登录失败次数过多，已被锁定，请联系系统管理员解锁", {
    extra: { captchaRequired: true },
  });

const windowStart = (now: Date) =>
  new Date(now.getTime() - LOGIN_THROTTLE.windowMinutes * 60_000).toISOString();

/**
 * Before anything else: refuses an address that must still wait on this account, and an account
 * that is locked; says whether this attempt needs a captcha. Reads only, so a refused try costs
 * nothing and counts nothing.
 */
export async function checkLoginGate(
  deps: Pick<Deps, "db" | "clock" | "config">,
  keys: LoginKeys,
): Promise<{ captchaRequired: boolean }> {
  const now = deps.clock();
  const since = windowStart(now);
  const rows = await findThrottles(deps.db, [keys.pair, keys.account, keys.address]);
  const counted = (scope: string) => {
    const row = rows.find((candidate) => candidate.scope === scope);
    return row && row.windowStartedAt >= since ? Number(row.failures) : 0;
  };
  const account = rows.find((row) => row.scope === "account");
  if (account?.lockedAt) throw locked();
  const pair = rows.find((row) => row.scope === "pair");
  if (pair?.blockedUntil && Date.parse(pair.blockedUntil) > now.getTime()) {
    throw throttled(Math.ceil((Date.parse(pair.blockedUntil) - now.getTime()) / 1000));
  }
  const t = LOGIN_THROTTLE;
  return {
    captchaRequired:
      counted("pair") >= t.pairCaptchaAfter ||
      counted("account") >= t.accountCaptchaAfter ||
      counted("address") >= t.addressCaptchaAfter,
  };
}

/** Counts this attempt on the account and the pair before the password is checked. */
export async function reserveLoginAttempt(
  deps: Pick<Deps, "db" | "clock" | "config">,
  keys: LoginKeys,
): Promise<{ pair: number; account: number }> {
  const now = deps.clock();
  const at = { now: now.toISOString(), windowStart: windowStart(now) };
  const account = await countAttempt(deps.db, keys.account, {
    ...at,
    limit: deps.config.loginAccountFailuresPerHour,
  });
  if (account === null) throw locked();
  const pair = await countAttempt(deps.db, keys.pair, { ...at, limit: LOGIN_THROTTLE.pairLockAfter });
  if (pair === null) {
    await uncountAttempt(deps.db, keys.account);
    throw throttled(LOGIN_THROTTLE.pairFirstWaitSeconds);
  }
  return { pair, account };
}

/** The password was right: this address starts afresh, and the account gets its attempt back. */
export async function releaseLoginAttempt(trx: Db, keys: LoginKeys): Promise<void> {
  await deleteThrottle(trx, keys.pair);
  await uncountAttempt(trx, keys.account);
}

export type FailureOutcome = {
  captchaRequired: boolean;
  retryAfter: number;
  pairLocked: boolean;
  accountLocked: boolean;
};

/**
 * The attempt failed (inside the failure's audit transaction): counts it for the address, makes
 * the pair wait or locks it, and locks the account at its hourly limit.
 */
export async function recordLoginFailure(
  trx: Db,
  deps: Pick<Deps, "clock" | "config">,
  keys: LoginKeys,
  counts: { pair: number; account: number },
): Promise<FailureOutcome> {
  const now = deps.clock();
  const address =
    (await countAttempt(trx, keys.address, {
      now: now.toISOString(),
      windowStart: windowStart(now),
      limit: null,
    })) ?? 0;
  const retryAfter = pairWaitSeconds(counts.pair);
  if (retryAfter > 0) {
    await blockThrottle(trx, keys.pair, new Date(now.getTime() + retryAfter * 1000).toISOString());
  }
  const accountLocked =
    counts.account >= deps.config.loginAccountFailuresPerHour &&
    (await lockThrottle(trx, keys.account, now.toISOString()));
  const t = LOGIN_THROTTLE;
  return {
    captchaRequired:
      counts.pair >= t.pairCaptchaAfter ||
      counts.account >= t.accountCaptchaAfter ||
      address >= t.addressCaptchaAfter,
    retryAfter,
    pairLocked: counts.pair >= t.pairLockAfter,
    accountLocked,
  };
}

/** Housekeeping: counters quiet for a day that hold no lock or wait. Locks stay until unlocked. */
export async function pruneLoginThrottles(deps: Pick<Deps, "db" | "clock">): Promise<number> {
  const now = deps.clock();
  return deleteStaleThrottles(deps.db, new Date(now.getTime() - 86_400_000).toISOString(), now.toISOString());
}

export type LoginRestriction = { lockedAt: string | null; waitingAddresses: number };

/** For the administrator's account list: locked accounts and addresses kept waiting, by username. */
export async function loginRestrictions(
  deps: Pick<Deps, "db" | "clock">,
  usernames: string[],
): Promise<Map<string, LoginRestriction>> {
  const rows = await findUsernameRestrictions(deps.db, usernames, deps.clock().toISOString());
  const out = new Map<string, LoginRestriction>();
  for (const row of rows) {
    const entry = out.get(row.username) ?? { lockedAt: null, waitingAddresses: 0 };
    if (row.scope === "account") entry.lockedAt = row.lockedAt;
    else entry.waitingAddresses += 1;
    out.set(row.username, entry);
  }
  return out;
}

/** The administrator's unlock (and a password reset): the lock and every address's wait go. */
export async function liftLoginRestrictions(trx: Db, username: string): Promise<number> {
  return deleteUsernameThrottles(trx, username);
}
