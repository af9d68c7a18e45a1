import { randomToken, sha256Hex } from "../../http/crypto";
import type { Deps } from "../../http/deps";
import { AppError } from "../../http/errors";
import { deleteExpiredCaptchas, insertCaptcha, takeCaptcha } from "./queries";
import { renderCaptchaSvg } from "./render";

/** A challenge is answered within this time or not at all. */
export const CAPTCHA_TTL_MINUTES = 5;

export type CaptchaAnswer = { captchaId?: string | undefined; captchaAnswer?: string | undefined };

/** What people type: spaces dropped, lower case accepted. */
const normalise = (answer: string) => answer.replace(/\s+/g, "").toUpperCase();
const answerHash = (id: string, answer: string) => sha256Hex(`${id}:${normalise(answer)}`);

/**
 * A new challenge: its answer is kept hashed in the database (so any instance can check it) and
 * its picture goes to the browser.
 */
export async function issueCaptcha(deps: Pick<Deps, "db" | "clock" | "captchaText">) {
  const id = randomToken(18);
  const text = deps.captchaText(id);
  const now = deps.clock();
  await insertCaptcha(deps.db, {
    id,
    answerHash: answerHash(id, text),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + CAPTCHA_TTL_MINUTES * 60_000).toISOString(),
  });
  return { id, svg: renderCaptchaSvg(text), expiresInSeconds: CAPTCHA_TTL_MINUTES * 60 };
}

export const captchaMissing = () =>
  new AppError("CAPTCHA_REQUIRED", "请输入图形验证码", {
    fields: [{ path: "captchaAnswer", message: "请输入图中的字符" }],
  });

/**
 * Checks an answer and uses the challenge up, right or wrong: each picture gets one try. Throws
 * CAPTCHA_REQUIRED when none was given and CAPTCHA_INVALID when it is wrong, unknown, used or
 * expired (one answer for all four, so nothing about a challenge can be probed).
 */
export async function checkCaptcha(deps: Pick<Deps, "db" | "clock">, input: CaptchaAnswer): Promise<void> {
  const id = input.captchaId?.trim() ?? "";
  const answer = input.captchaAnswer ?? "";
  if (!id || !normalise(answer)) throw captchaMissing();
  const row = id.length <= 64 ? await takeCaptcha(deps.db, id) : undefined;
  const valid =
    row !== undefined &&
    Date.parse(row.expiresAt) > deps.clock().getTime() &&
    row.answerHash === answerHash(id, answer);
  if (!valid) {
    throw new AppError("CAPTCHA_INVALID", "验证码错误或已过期，请看新的图片重新输入", {
      fields: [{ path: "captchaAnswer", message: "验证码错误或已过期，请重新输入" }],
    });
  }
}

/** Housekeeping: challenges nobody answered in time. */
export async function pruneCaptchas(deps: Pick<Deps, "db" | "clock">): Promise<number> {
  return deleteExpiredCaptchas(deps.db, deps.clock().toISOString());
}
