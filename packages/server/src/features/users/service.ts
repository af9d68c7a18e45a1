import crypto from "node:crypto";
import type { updateUserSchema } from "@linxuan/domain";
import { type CreateUser, checkPasswordPolicy, maskPhone, type Role } from "@linxuan/domain";
import type { z } from "zod";
import { runCommand } from "../../http/command";
import { hashPassword } from "../../http/crypto";
import type { Caller, Deps } from "../../http/deps";
import { AppError, notFound } from "../../http/errors";
import { findUserById, findUserByUsername } from "../auth/service";
import { liftLoginRestrictions, loginRestrictions } from "../auth/throttle";
import { findInstitutionsByIds, listUserRows } from "./queries";
import { toUserView } from "./view";

export async function listUsers(
  deps: Deps,
  filter: { role?: Role | undefined; q?: string | undefined; page: number; pageSize: number },
) {
  const { items, total } = await listUserRows(deps.db, filter);
  const institutionIds = [
    ...new Set(items.flatMap((user) => (user.institutionId ? [user.institutionId] : []))),
  ];
  const institutions = new Map(
    (await findInstitutionsByIds(deps.db, institutionIds)).map((row) => [row.id, row]),
  );
  const restrictions = await loginRestrictions(
    deps,
    items.map((user) => user.username),
  );
  return {
    total,
    items: items.map((user) => ({
      ...toUserView(user, user.institutionId ? institutions.get(user.institutionId) : null),
      status: user.status,
      // Locked after too many failures from everywhere (only an unlock lifts it), and addresses
      // that must wait before trying this account again.
      lockedAt: restrictions.get(user.username)?.lockedAt ?? null,
      waitingAddresses: restrictions.get(user.username)?.waitingAddresses ?? 0,
      lastLoginAt: user.lastLoginAt,
      createdAt: user.createdAt,
      // Administrators manage accounts, they do not need people's numbers: masked here.
      phone: user.phoneEnc ? maskPhone(deps.cipher.decrypt(user.phoneEnc)) : null,
      email: user.email,
    })),
  };
}

/** Creates a staff account (used by the admin UI and by `linxuan create-user`). */
export async function createStaffUser(
  deps: Deps,
  caller: Caller,
  input: CreateUser,
  options: { mustChangePassword?: boolean } = {},
): Promise<{ id: string }> {
  const policy = checkPasswordPolicy(input.password, { username: input.username });
  if (!policy.ok)
    throw new AppError("WEAK_PASSWORD", policy.message, {
      fields: [{ path: "password", message: policy.message }],
    });
  if (await findUserByUsername(deps.db, input.username)) {
    throw new AppError("USERNAME_TAKEN", `用户名 ${input.username} 已存在`, {
      fields: [{ path: "username", message: "用户名已存在" }],
    });
  }
  const now = deps.clock().toISOString();
  const id = crypto.randomUUID();
  const passwordHash = await hashPassword(input.password, deps.config.passwordHashCost);
  await runCommand(
    deps,
    caller,
    "user.create",
    (trx) =>
      trx
        .insertInto("users")
        .values({
          id,
          username: input.username,
          displayName: input.displayName,
          role: input.role,
          regionCode: input.regionCode ?? null,
          industryScope: input.role === "industryRecommender" ? (input.industryScope ?? null) : null,
          institutionId: null,
          passwordHash,
          status: "active",
          mustChangePassword: options.mustChangePassword ? 1 : 0,
          phoneEnc: input.phone ? deps.cipher.encrypt(input.phone) : null,
          email: input.email ?? null,
          createdAt: now,
          updatedAt: now,
          lastLoginAt: null,
        })
        .execute(),
    () => ({ targetType: "user", targetId: id, summary: `创建账号 ${input.username}（${input.role}）` }),
  );
  return { id };
}

export async function updateUser(
  deps: Deps,
  caller: Caller,
  id: string,
  input: z.infer<typeof updateUserSchema>,
) {
  const user = await findUserById(deps.db, id);
  if (!user) throw notFound("账号");
  if (id === caller.actor?.userId && input.status === "disabled") {
    throw new AppError("VALIDATION_FAILED", "不能停用自己的账号", {
      fields: [{ path: "status", message: "不能停用自己的账号" }],
    });
  }
  const regional = ["provincialOffice", "provincialRecommender", "receivingCentre"].includes(user.role);
  if (regional && input.regionCode === null) {
    throw new AppError("VALIDATION_FAILED", "该角色必须指定所属地区", {
      fields: [{ path: "regionCode", message: "该角色必须指定所属地区" }],
    });
  }
  const changes = {
    ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
    ...(input.status !== undefined ? { status: input.status } : {}),
    ...(input.regionCode !== undefined && regional ? { regionCode: input.regionCode } : {}),
    ...(input.industryScope !== undefined && user.role === "industryRecommender"
      ? { industryScope: input.industryScope }
      : {}),
    ...(input.phone !== undefined ? { phoneEnc: input.phone ? deps.cipher.encrypt(input.phone) : null } : {}),
    ...(input.email !== undefined ? { email: input.email } : {}),
  };
  await runCommand(
    deps,
    caller,
    "user.update",
    async (trx) => {
      await trx
        .updateTable("users")
        .set({ ...changes, updatedAt: deps.clock().toISOString() })
        .where("id", "=", id)
        .execute();
      if (input.status === "disabled") await trx.deleteFrom("sessions").where("userId", "=", id).execute();
    },
    () => ({
      targetType: "user",
      targetId: id,
      summary: `修改账号 ${user.username}：${
        Object.keys(changes)
          .map((key) => (key === "phoneEnc" ? "phone" : key))
          .join("、") || "无变化"
      }`,
    }),
  );
}

export async function resetPassword(deps: Deps, caller: Caller, id: string, password: string) {
  const user = await findUserById(deps.db, id);
  if (!user) throw notFound("账号");
  const policy = checkPasswordPolicy(password, { username: user.username });
  if (!policy.ok)
    throw new AppError("WEAK_PASSWORD", policy.message, {
      fields: [{ path: "password", message: policy.message }],
    });
  const passwordHash = await hashPassword(password, deps.config.passwordHashCost);
  await runCommand(
    deps,
    caller,
    "user.resetPassword",
    async (trx) => {
      await trx
        .updateTable("users")
        .set({
          passwordHash,
          mustChangePassword: 1,
          updatedAt: deps.clock().toISOString(),
        })
        .where("id", "=", id)
        .execute();
      await trx.deleteFrom("sessions").where("userId", "=", id).execute();
      await liftLoginRestrictions(trx, user.username);
    },
    () => ({
      targetType: "user",
      targetId: id,
      summary: `重置账号 ${user.username} 的密码（下次登录须修改）`,
    }),
  );
}

/**
 * 解除锁定: lifts the account's lock and every address's wait on it, so the owner can sign in
 * again. Audited with what was lifted.
 */
export async function unlockUser(deps: Deps, caller: Caller, id: string) {
  const user = await findUserById(deps.db, id);
  if (!user) throw notFound("账号");
  await runCommand(
    deps,
    caller,
    "user.unlock",
    (trx) => liftLoginRestrictions(trx, user.username),
    (lifted) => ({
      targetType: "user",
      targetId: id,
      summary: `解锁账号 ${user.username}${lifted === 0 ? "（当前没有登录限制）" : "：解除锁定和登录等待"}`,
    }),
  );
}
