import crypto from "node:crypto";
import {
  centralAffiliationNames,
  checkCreditCode,
  checkPasswordPolicy,
  type Registration,
  registrationRegion,
} from "@linxuan/domain";
import type { Row } from "../../db/types";
import { runCommand } from "../../http/command";
import { hashPassword, randomToken, sha256Hex, verifyPassword } from "../../http/crypto";
import type { Caller, Deps } from "../../http/deps";
import { AppError } from "../../http/errors";
import { type CaptchaAnswer, checkCaptcha } from "../captcha/service";
import { toUserView, type UserView } from "../users/view";
import {
  deleteSession,
  deleteThrottle,
  findInstitution,
  findInstitutionByCreditCode,
  findUserById,
  findUserByUsername,
  insertInstitutionWithAccount,
  insertSession,
  uncountAttempt,
} from "./queries";
import {
  checkLoginGate,
  LOGIN_THROTTLE,
  type LoginKeys,
  loginKeys,
  recordLoginFailure,
  releaseLoginAttempt,
  reserveLoginAttempt,
  waitText,
} from "./throttle";

/**
 * The account reads other features use (by id, by login name). Accounts' sign-in state is this
 * feature's; others read it through here, never through its queries file.
 */
export { findInstitution, findUserById, findUserByUsername };

// Verifying against a fixed hash when the user does not exist keeps the response time the same,
// so the timing of a failed login does not reveal which usernames exist.
let dummyHash: Promise<string> | null = null;

export type LoginResult = { user: UserView; sessionToken: string };

export type LoginInput = CaptchaAnswer & { username: string; password: string; userAgent: string | null };

/**
 * 登录. Known and unknown usernames, wrong passwords and disabled accounts all get the same
 * answer in the same time until the password is proven right; only then may it say the account
 * is disabled. Throttling and the captcha are keyed by the username as typed (throttle.ts).
 */
export async function login(deps: Deps, caller: Caller, input: LoginInput): Promise<LoginResult> {
  const username = input.username.trim();
  const keys = loginKeys(username, caller.ip);
  const gate = await checkLoginGate(deps, keys);
  if (gate.captchaRequired || input.captchaId || input.captchaAnswer) {
    try {
      await checkCaptcha(deps, input);
    } catch (error) {
      if (error instanceof AppError) {
        throw new AppError(error.code, error.message, {
          ...(error.fields ? { fields: error.fields } : {}),
          extra: { captchaRequired: true },
        });
      }
      throw error;
    }
  }
  const counts = await reserveLoginAttempt(deps, keys);
  const user = await findUserByUsername(deps.db, username);
  dummyHash ??= hashPassword("not-a-real-password", deps.config.passwordHashCost);
  const ok = await verifyPassword(input.password, user ? user.passwordHash : await dummyHash);
  if (!user || !ok) {
    const outcome = await runCommand(
      deps,
      user ? callerAs(caller, user) : caller,
      "auth.loginFailed",
      (trx) => recordLoginFailure(trx, deps, keys, counts),
      (result) => ({
        targetType: "user",
        targetId: user?.id ?? null,
        summary: [
          user ? "密码错误" : `用户名 ${username.slice(0, 64)} 不存在`,
          `（本地址第${counts.pair}次）`,
          result.pairLocked ? `，该地址暂停登录此账号${LOGIN_THROTTLE.pairLockMinutes}分钟` : "",
          result.accountLocked
            ? `；一小时内登录失败${deps.config.loginAccountFailuresPerHour}次，账号已锁定，须由系统管理员解锁`
            : "",
        ].join(""),
      }),
    );
    throw new AppError(
      "INVALID_CREDENTIALS",
      outcome.retryAfter > 0
        ? `用户名或密码错误。登录失败次数较多，请${waitText(outcome.retryAfter)}后再试`
        : "用户名或密码错误",
      { extra: { captchaRequired: outcome.captchaRequired, retryAfter: outcome.retryAfter } },
    );
  }
  if (user.status !== "active") {
    await uncountAttempt(deps.db, keys.account);
    await deleteThrottle(deps.db, keys.pair);
    throw new AppError("ACCOUNT_DISABLED", "该账号已停用，请联系系统管理员");
  }
  return startSession(deps, callerAs(caller, user), user, input.userAgent, keys);
}

function callerAs(caller: Caller, user: Row<"users">): Caller {
  return {
    ...caller,
    username: user.username,
    actor: {
      userId: user.id,
      role: user.role,
      regionCode: user.regionCode,
      industryScope: user.industryScope,
      institutionId: user.institutionId,
    },
  };
}

/** Signs a user in whose password was just proven (login, or a registration's first account). */
async function startSession(
  deps: Deps,
  caller: Caller,
  user: Row<"users">,
  userAgent: string | null,
  keys: LoginKeys | null,
): Promise<LoginResult> {
  const now = deps.clock();
  const token = randomToken();
  await runCommand(
    deps,
    caller,
    "auth.login",
    async (trx) => {
      if (keys) await releaseLoginAttempt(trx, keys);
      await trx
        .updateTable("users")
        .set({ lastLoginAt: now.toISOString() })
        .where("id", "=", user.id)
        .execute();
      await insertSession(trx, {
        id: sha256Hex(token),
        userId: user.id,
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + deps.config.sessionAbsoluteHours * 3_600_000).toISOString(),
        ip: caller.ip,
        userAgent: userAgent?.slice(0, 300) ?? null,
      });
    },
    () => ({ targetType: "user", targetId: user.id, summary: "登录成功" }),
  );
  const institution = user.institutionId ? await findInstitution(deps.db, user.institutionId) : null;
  return { user: toUserView(user, institution), sessionToken: token };
}

export async function logout(deps: Deps, caller: Caller, sessionId: string | null): Promise<void> {
  if (!sessionId) return;
  await runCommand(
    deps,
    caller,
    "auth.logout",
    (trx) => deleteSession(trx, sessionId),
    () => ({ targetType: "user", targetId: caller.actor?.userId ?? null, summary: "退出登录" }),
  );
}

export async function currentUser(deps: Deps, userId: string): Promise<UserView> {
  const user = await findUserById(deps.db, userId);
  if (!user) throw new AppError("UNAUTHENTICATED", "请先登录");
  const institution = user.institutionId ? await findInstitution(deps.db, user.institutionId) : null;
  return toUserView(user, institution);
}

/**
 * 申报单位自助注册: creates the institution and its first account (login name = credit code) and
 * signs it in. A credit code whose check character does not match must be confirmed explicitly.
 */
export async function registerInstitution(
  deps: Deps,
  caller: Caller,
  input: Registration,
  userAgent: string | null,
): Promise<LoginResult> {
  const check = checkCreditCode(input.creditCode);
  if (check.status === "invalid") {
    throw new AppError("VALIDATION_FAILED", check.message, {
      fields: [{ path: "creditCode", message: check.message }],
    });
  }
  if (check.status === "warning" && !input.confirmCreditCodeWarning) {
    throw new AppError(
      "CREDIT_CODE_CHECKSUM_WARNING",
      `${check.message}。如确认与营业执照（登记证书）一致，请确认后继续注册`,
      {
        fields: [{ path: "creditCode", message: check.message }],
      },
    );
  }
  const policy = checkPasswordPolicy(input.password, { username: check.code });
  if (!policy.ok) {
    throw new AppError("WEAK_PASSWORD", policy.message, {
      fields: [{ path: "password", message: policy.message }],
    });
  }
  // After the checks a person fixes in the form (the checksum warning is answered with the same
  // picture), before anything is looked up or written.
  await checkCaptcha(deps, input);
  if (await findInstitutionByCreditCode(deps.db, check.code)) {
    throw new AppError(
      "INSTITUTION_EXISTS",
      "该统一社会信用代码已注册，请直接登录；如忘记密码请联系系统管理员",
      {
        fields: [{ path: "creditCode", message: "该统一社会信用代码已注册" }],
      },
    );
  }
  const now = deps.clock().toISOString();
  const institutionId = crypto.randomUUID();
  // Beijing for central codes and declared central units (第二批通知), else the code's province.
  const centralAffiliation = input.centralAffiliation ?? null;
  const region = registrationRegion({ creditCode: check.code, centralAffiliation });
  const passwordHash = await hashPassword(input.password, deps.config.passwordHashCost);
  const phoneEnc = deps.cipher.encrypt(input.phone);
  await runCommand(
    deps,
    { ...caller, username: check.code },
    "institution.register",
    async (trx) => {
      await insertInstitutionWithAccount(trx, {
        institutionId,
        creditCode: check.code,
        name: input.institutionName,
        contactName: input.contactName,
        phoneEnc,
        email: input.email,
        ...region,
        centralAffiliation,
        warningConfirmed: check.status === "warning",
        passwordHash,
        now,
      });
    },
    () => ({
      targetType: "institution",
      targetId: institutionId,
      summary: `申报单位注册：${input.institutionName}（${check.code}）${centralAffiliation ? `，声明为${centralAffiliationNames[centralAffiliation]}` : ""}${check.status === "warning" ? "，校验位不符已由用户确认" : ""}`,
      detail: { regionCode: region.regionCode, regionBasis: region.basis, centralAffiliation },
    }),
  );
  const user = await findUserByUsername(deps.db, check.code);
  if (!user) throw new Error(`registered account ${check.code} not found`);
  return startSession(deps, callerAs(caller, user), user, userAgent, null);
}

export async function changePassword(
  deps: Deps,
  caller: Caller,
  input: { currentPassword: string; newPassword: string },
  keepSessionId: string | null,
): Promise<void> {
  const userId = caller.actor?.userId;
  const user = userId ? await findUserById(deps.db, userId) : undefined;
  if (!user) throw new AppError("UNAUTHENTICATED", "请先登录");
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new AppError("VALIDATION_FAILED", "当前密码不正确", {
      fields: [{ path: "currentPassword", message: "当前密码不正确" }],
    });
  }
  const policy = checkPasswordPolicy(input.newPassword, { username: user.username });
  if (!policy.ok)
    throw new AppError("WEAK_PASSWORD", policy.message, {
      fields: [{ path: "newPassword", message: policy.message }],
    });
  const passwordHash = await hashPassword(input.newPassword, deps.config.passwordHashCost);
  await runCommand(
    deps,
    caller,
    "auth.changePassword",
    async (trx) => {
      await trx
        .updateTable("users")
        .set({ passwordHash, mustChangePassword: 0, updatedAt: deps.clock().toISOString() })
        .where("id", "=", user.id)
        .execute();
      // Other signed-in browsers of this account must sign in again with the new password.
      await trx
        .deleteFrom("sessions")
        .where("userId", "=", user.id)
        .where("id", "!=", keepSessionId ?? "")
        .execute();
    },
    () => ({ targetType: "user", targetId: user.id, summary: "修改密码" }),
  );
}
