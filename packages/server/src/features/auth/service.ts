import crypto from "node:crypto";
import {
  checkCreditCode,
  checkPasswordPolicy,
  type Registration,
  type Role,
  regionOfDivisionCode,
} from "@linxuan/domain";
import { recordEvent, runCommand } from "../../http/command";
import { hashPassword, randomToken, sha256Hex, verifyPassword } from "../../http/crypto";
import type { Caller, Deps } from "../../http/deps";
import { AppError } from "../../http/errors";
import { toUserView, type UserView } from "../users/view";
import {
  deleteSession,
  findInstitution,
  findInstitutionByCreditCode,
  findUserById,
  findUserByUsername,
  insertInstitutionWithAccount,
  insertSession,
} from "./queries";

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

// Verifying against a fixed hash when the user does not exist keeps the response time the same,
// so the timing of a failed login does not reveal which usernames exist.
let dummyHash: Promise<string> | null = null;

/** 11月23日 11:26 in Asia/Shanghai, for the lock-out message. */
function formatShanghaiTime(iso: string): string {
  const local = new Date(Date.parse(iso) + 8 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${local.getUTCMonth() + 1}月${local.getUTCDate()}日 ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

export type LoginResult = { user: UserView; sessionToken: string };

export async function login(
  deps: Deps,
  caller: Caller,
  input: { username: string; password: string; userAgent: string | null },
): Promise<LoginResult> {
  const now = deps.clock();
  const user = await findUserByUsername(deps.db, input.username.trim());
  if (!user) {
    dummyHash ??= hashPassword("not-a-real-password", deps.config.passwordHashCost);
    await verifyPassword(input.password, await dummyHash);
    await recordEvent(deps, caller, "auth.loginFailed", {
      targetType: "user",
      targetId: null,
      summary: `登录失败：用户名 ${input.username.slice(0, 64)} 不存在`,
    });
    throw new AppError("INVALID_CREDENTIALS", "用户名或密码错误");
  }
  if (user.status !== "active") throw new AppError("ACCOUNT_DISABLED", "该账号已停用，请联系系统管理员");
  if (user.lockedUntil && Date.parse(user.lockedUntil) > now.getTime()) {
    throw new AppError(
      "ACCOUNT_LOCKED",
      `密码连续错误次数过多，账号已锁定，请于 ${formatShanghaiTime(user.lockedUntil)} 后再试`,
      {
        extra: { lockedUntil: user.lockedUntil },
      },
    );
  }
  const ok = await verifyPassword(input.password, user.passwordHash);
  const userCaller: Caller = {
    ...caller,
    username: user.username,
    actor: {
      userId: user.id,
      role: user.role as Role,
      regionCode: user.regionCode,
      industryScope: user.industryScope,
      institutionId: user.institutionId,
    },
  };
  if (!ok) {
    const failures = await runCommand(
      deps,
      userCaller,
      "auth.loginFailed",
      async (trx) => {
        const row = await trx
          .updateTable("users")
          .set((eb) => ({ failedLogins: eb("failedLogins", "+", 1) }))
          .where("id", "=", user.id)
          .returning("failedLogins")
          .executeTakeFirstOrThrow();
        const count = Number(row.failedLogins);
        if (count >= MAX_FAILED_LOGINS) {
          const lockedUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString();
          await trx
            .updateTable("users")
            .set({ lockedUntil, failedLogins: 0 })
            .where("id", "=", user.id)
            .execute();
          return { count, lockedUntil };
        }
        return { count, lockedUntil: null as string | null };
      },
      (result) => ({
        targetType: "user",
        targetId: user.id,
        summary: result.lockedUntil
          ? `密码连续错误${MAX_FAILED_LOGINS}次，账号锁定${LOCK_MINUTES}分钟`
          : `密码错误（第${result.count}次）`,
      }),
    );
    if (failures.lockedUntil) {
      throw new AppError(
        "ACCOUNT_LOCKED",
        `密码连续错误${MAX_FAILED_LOGINS}次，账号已锁定${LOCK_MINUTES}分钟，请于 ${formatShanghaiTime(failures.lockedUntil)} 后再试`,
        { extra: { lockedUntil: failures.lockedUntil } },
      );
    }
    const left = MAX_FAILED_LOGINS - failures.count;
    throw new AppError(
      "INVALID_CREDENTIALS",
      `用户名或密码错误，再错${left}次账号将被锁定${LOCK_MINUTES}分钟`,
      {
        extra: { attemptsLeft: left },
      },
    );
  }
  const token = randomToken();
  await runCommand(
    deps,
    userCaller,
    "auth.login",
    async (trx) => {
      await trx
        .updateTable("users")
        .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now.toISOString() })
        .where("id", "=", user.id)
        .execute();
      await insertSession(trx, {
        id: sha256Hex(token),
        userId: user.id,
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + deps.config.sessionAbsoluteHours * 3_600_000).toISOString(),
        ip: caller.ip,
        userAgent: input.userAgent?.slice(0, 300) ?? null,
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
        regionCode: regionOfDivisionCode(check.code.slice(2, 8)) ?? null,
        warningConfirmed: check.status === "warning",
        passwordHash,
        now,
      });
    },
    () => ({
      targetType: "institution",
      targetId: institutionId,
      summary: `申报单位注册：${input.institutionName}（${check.code}）${check.status === "warning" ? "，校验位不符已由用户确认" : ""}`,
    }),
  );
  return login(deps, caller, { username: check.code, password: input.password, userAgent });
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
