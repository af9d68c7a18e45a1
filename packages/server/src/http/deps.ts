import type { Actor } from "@linxuan/domain";
import type { Config } from "../config";
import type { Db, PoolStats } from "../db/connection";
import type { Dialect } from "../db/types";
import type { FileStore } from "../storage/files";
import type { Cipher } from "./crypto";
import type { Clock } from "./time";

export type Mail = { to: string; subject: string; text: string; messageId: string };
/** Sends e-mail; implemented by the notifications feature (`createMailer`: SMTP or disabled). */
export type Mailer = { send: (mail: Mail) => Promise<void>; enabled: boolean };

/**
 * Makes the text of a new captcha challenge. Production draws it at random (`randomCaptchaText`
 * in the captcha feature); tests and browser journeys inject one that records what it made (see
 * test/captcha.ts), keyed by the challenge id, so they can answer like a person reading the
 * picture. There is no switch to turn the captcha off.
 */
export type CaptchaText = (challengeId: string) => string;

/** What every service needs, passed explicitly (no container). */
export type Deps = {
  db: Db;
  dialect: Dialect;
  config: Config;
  clock: Clock;
  cipher: Cipher;
  files: FileStore;
  mailer: Mailer;
  /** The text of each new captcha: random in production, a recorder in tests and journeys. */
  captchaText: CaptchaText;
  /** The database pool's live counts for the metrics; absent or null on SQLite. */
  poolStats?: () => PoolStats | null;
};

/**
 * Who is calling: the signed-in actor (or nobody), where from and in which request (the
 * `X-Request-Id` of an HTTP request, `job:<id>` for a job, null for the CLI), for the audit log.
 */
export type Caller = {
  actor: Actor | null;
  username: string | null;
  ip: string | null;
  requestId: string | null;
};

export const anonymousCaller = (ip: string | null, requestId: string | null = null): Caller => ({
  actor: null,
  username: null,
  ip,
  requestId,
});
export const systemCaller: Caller = { actor: null, username: "system", ip: null, requestId: null };
