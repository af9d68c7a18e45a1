import crypto from "node:crypto";
import { type ExpertProfile, maskPhone, occupationName, regionName } from "@linxuan/domain";
import type { Db } from "../../db/connection";
import { occupationsJson, readJson } from "../../db/json";
import type { Row } from "../../db/types";
import { runCommand } from "../../http/command";
import { hashPassword, randomInitialPassword } from "../../http/crypto";
import type { Caller, Deps } from "../../http/deps";
import { AppError, notFound } from "../../http/errors";

export type ExpertRow = Row<"experts">;

export function toExpertView(
  row: ExpertRow,
  username: string | null,
  cipher: Deps["cipher"],
  reveal = false,
) {
  const occupations = readJson("experts.occupations", occupationsJson, row.occupations);
  const phone = row.phoneEnc ? cipher.decrypt(row.phoneEnc) : null;
  return {
    id: row.id,
    userId: row.userId,
    username,
    name: row.name,
    employer: row.employer,
    employerCreditCode: row.employerCreditCode,
    title: row.title,
    occupations,
    occupationNames: occupations.map(occupationName),
    regionCode: row.regionCode,
    regionName: regionName(row.regionCode) ?? row.regionCode,
    phone: phone ? (reveal ? phone : maskPhone(phone)) : null,
    email: row.email,
    active: row.active === 1,
  };
}

export async function listExperts(
  deps: Deps,
  filter: { occupation?: string | undefined; q?: string | undefined; active?: boolean | undefined },
) {
  let query = deps.db
    .selectFrom("experts")
    .innerJoin("users", "users.id", "experts.userId")
    .selectAll("experts")
    .select("users.username");
  if (filter.active !== undefined) query = query.where("experts.active", "=", filter.active ? 1 : 0);
  const rows = await query.orderBy("experts.name").execute();
  const q = filter.q?.trim();
  return rows
    .filter(
      (row) =>
        !filter.occupation ||
        readJson("experts.occupations", occupationsJson, row.occupations).some(
          (code) => code === filter.occupation,
        ),
    )
    .filter((row) => !q || row.name.includes(q) || row.employer.includes(q) || row.username.includes(q))
    .map((row) => toExpertView(row, row.username, deps.cipher));
}

function profileColumns(profile: ExpertProfile, cipher: Deps["cipher"]) {
  return {
    name: profile.name,
    employer: profile.employer,
    employerCreditCode: profile.employerCreditCode ?? null,
    title: profile.title,
    occupations: JSON.stringify(profile.occupations),
    regionCode: profile.regionCode,
    phoneEnc: cipher.encrypt(profile.phone),
    email: profile.email,
    active: profile.active ? 1 : 0,
  };
}

/** Inserts the expert's account and profile; the caller runs it inside its command's transaction. */
async function insertExpert(
  trx: Db,
  deps: Deps,
  input: { username: string; passwordHash: string; profile: ExpertProfile },
) {
  const now = deps.clock().toISOString();
  const userId = crypto.randomUUID();
  await trx
    .insertInto("users")
    .values({
      id: userId,
      username: input.username,
      displayName: input.profile.name,
      role: "expert",
      regionCode: null,
      industryScope: null,
      institutionId: null,
      passwordHash: input.passwordHash,
      status: "active",
      mustChangePassword: 1,
      phoneEnc: deps.cipher.encrypt(input.profile.phone),
      email: input.profile.email,
      createdAt: now,
      updatedAt: now,
      lastLoginAt: null,
    })
    .execute();
  const id = crypto.randomUUID();
  await trx
    .insertInto("experts")
    .values({ id, userId, ...profileColumns(input.profile, deps.cipher), createdAt: now, updatedAt: now })
    .execute();
  return id;
}

async function assertUsernamesFree(db: Db, usernames: string[]) {
  if (usernames.length === 0) return;
  const taken = await db.selectFrom("users").select("username").where("username", "in", usernames).execute();
  if (taken.length > 0)
    throw new AppError("USERNAME_TAKEN", `用户名已存在：${taken.map((row) => row.username).join("、")}`);
}

/** Adds one expert with an account; the initial password is shown once and must be changed at first login. */
export async function createExpert(
  deps: Deps,
  caller: Caller,
  input: { username: string; profile: ExpertProfile },
) {
  await assertUsernamesFree(deps.db, [input.username]);
  const password = randomInitialPassword();
  const passwordHash = await hashPassword(password, deps.config.passwordHashCost);
  const id = await runCommand(
    deps,
    caller,
    "expert.create",
    (trx) => insertExpert(trx, deps, { username: input.username, passwordHash, profile: input.profile }),
    (expertId) => ({
      targetType: "expert",
      targetId: expertId,
      summary: `新增专家：${input.profile.name}（${input.profile.employer}）`,
    }),
  );
  return { id, username: input.username, initialPassword: password };
}

/** Updates a profile; a phone left out keeps the stored one (lists show it masked, so it is not retyped). */
export async function updateExpert(
  deps: Deps,
  caller: Caller,
  id: string,
  input: Omit<ExpertProfile, "phone"> & { phone?: string | undefined },
) {
  const row = await deps.db.selectFrom("experts").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound("专家");
  const profile: ExpertProfile = {
    ...input,
    phone: input.phone ?? (row.phoneEnc ? deps.cipher.decrypt(row.phoneEnc) : ""),
  };
  await runCommand(
    deps,
    caller,
    "expert.update",
    async (trx) => {
      await trx
        .updateTable("experts")
        .set({ ...profileColumns(profile, deps.cipher), updatedAt: deps.clock().toISOString() })
        .where("id", "=", id)
        .execute();
      await trx
        .updateTable("users")
        .set({ displayName: profile.name })
        .where("id", "=", row.userId)
        .execute();
    },
    () => ({
      targetType: "expert",
      targetId: id,
      summary: `修改专家信息：${profile.name}${profile.active ? "" : "（停用）"}`,
    }),
  );
}

/**
 * Imports many experts at once, all or nothing: every row is validated first and the file is
 * refused with every bad row listed; otherwise each gets an account (login name given or made
 * from the row) and a one-time initial password returned to the office.
 */
export async function importExperts(
  deps: Deps,
  caller: Caller,
  rows: { username: string; profile: ExpertProfile }[],
  progress?: (done: number, total: number) => Promise<void>,
) {
  const usernames = rows.map((row) => row.username);
  const duplicates = usernames.filter((name, index) => usernames.indexOf(name) !== index);
  if (duplicates.length > 0)
    throw new AppError("VALIDATION_FAILED", `导入文件中用户名重复：${[...new Set(duplicates)].join("、")}`);
  await assertUsernamesFree(deps.db, usernames);
  // Hashing is the slow part (scrypt): four at a time, on the thread pool, with progress between.
  const prepared: ((typeof rows)[number] & { password: string; passwordHash: string })[] = [];
  for (let start = 0; start < rows.length; start += 4) {
    const chunk = await Promise.all(
      rows.slice(start, start + 4).map(async (row) => {
        const password = randomInitialPassword();
        return { ...row, password, passwordHash: await hashPassword(password, deps.config.passwordHashCost) };
      }),
    );
    prepared.push(...chunk);
    await progress?.(prepared.length, rows.length);
  }
  await runCommand(
    deps,
    caller,
    "expert.import",
    async (trx) => {
      for (const row of prepared) await insertExpert(trx, deps, row);
    },
    () => ({ targetType: "expert", targetId: null, summary: `导入专家${rows.length}名并创建账号` }),
  );
  return prepared.map((row) => ({
    username: row.username,
    name: row.profile.name,
    initialPassword: row.password,
  }));
}

export async function findExpertByUser(db: Db, userId: string) {
  return db.selectFrom("experts").selectAll().where("userId", "=", userId).executeTakeFirst();
}

/** Every expert's id by the username of their account (for assignment tables that name experts). */
export async function expertIdsByUsername(db: Db): Promise<Map<string, string>> {
  const experts = await db
    .selectFrom("experts")
    .innerJoin("users", "users.id", "experts.userId")
    .select(["experts.id", "users.username"])
    .execute();
  return new Map(experts.map((expert) => [expert.username, expert.id]));
}
