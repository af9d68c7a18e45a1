import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { shanghaiBatch3 } from "@linxuan/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createExpert } from "../features/experts/service";
import { type Cipher, createCipher } from "../http/crypto";
import { systemCaller } from "../http/deps";
import { runLinxuan } from "../test/cli";
import {
  approvedApplication,
  multipartBody,
  publishOpenBatch,
  registerInstitution,
  SAMPLE_PDF,
  submitCompleteApplication,
} from "../test/factories";
import { createTestContext, type TestContext, testDatabases } from "../test/harness";
import { keyFingerprint, parseKey } from "./data-key";
import { rotateDataKey } from "./key-rotate";
import { readKeyFingerprint } from "./queries";
import { openAllSealed } from "./sealed-values";

/** Each test starts `linxuan` processes, which take seconds each on a busy machine. */
const SLOW = { timeout: 180_000 };

/** Puts sealed values in every kind of place: columns, form values, JSON snapshots, job results. */
async function sealEverywhere(ctx: TestContext) {
  const { deps } = ctx;
  const batchId = await publishOpenBatch(ctx, shanghaiBatch3);
  await submitCompleteApplication(ctx, { batchId, kind: "training", occupation: "ai" });
  await createExpert(deps, systemCaller, {
    username: `expert-${crypto.randomBytes(4).toString("hex")}`,
    profile: {
      name: "王专家",
      employer: "上海某大学",
      title: "教授",
      occupations: ["ai"],
      regionCode: "310000",
      phone: "13900139000",
      email: "wang@example.cn",
      active: true,
    },
  });
  const approved = await approvedApplication(ctx, { batchId, kind: "training", occupation: "iot" });
  const application = await deps.db
    .selectFrom("applications")
    .select("institutionId")
    .where("id", "=", approved.application.id)
    .executeTakeFirstOrThrow();
  const now = new Date().toISOString();
  const entry = {
    id: crypto.randomUUID(),
    institutionId: application.institutionId,
    applicationId: approved.application.id,
    batchId,
    institutionName: approved.name,
    creditCode: approved.creditCode,
    kind: "training" as const,
    occupation: "iot" as const,
    levels: JSON.stringify(["junior"]),
    regionCode: "310000",
    approvedAt: now,
    validUntil: new Date(Date.now() + 3 * 365 * 86_400_000).toISOString(),
    suspended: 0,
    removed: 0,
    contactName: "赵老师",
    contactPhoneEnc: deps.cipher.encrypt("13600136000"),
    contactEmail: "zhao@example.cn",
    version: 1,
    updatedAt: now,
  };
  await deps.db.insertInto("catalogEntries").values(entry).execute();
  await deps.db
    .insertInto("catalogEntryVersions")
    .values({
      id: crypto.randomUUID(),
      entryId: entry.id,
      version: 1,
      change: "listed",
      reason: "测试",
      snapshot: JSON.stringify(entry),
      changedAt: now,
      changedBy: "test",
    })
    .execute();
  const visitor = ctx.client();
  const complaint = await visitor.upload(
    `/api/public/catalog/${entry.id}/complaints`,
    multipartBody(
      {
        ...(await visitor.captcha()),
        category: "overcharging",
        name: "李四",
        phone: "13712345678",
        email: "",
        content: "该机构培训收费远高于公示标准，且不开具发票。",
      },
      { name: "收据.pdf", content: SAMPLE_PDF },
    ),
  );
  expect(complaint.status, JSON.stringify(complaint.body)).toBe(201);
  await deps.db
    .insertInto("contactRequests")
    .values({
      id: crypto.randomUUID(),
      entryId: entry.id,
      contactName: "钱老师",
      contactPhoneEnc: deps.cipher.encrypt("13500135000"),
      contactEmail: "qian@example.cn",
      reason: "联系人调岗",
      status: "pending",
      decisionNote: null,
      createdAt: now,
      createdBy: approved.creditCode,
      decidedAt: null,
      decidedBy: null,
    })
    .execute();
  await deps.db
    .insertInto("recommendationClosures")
    .values({
      id: crypto.randomUUID(),
      batchId,
      recommenderType: "region",
      recommenderValue: "310000",
      recommenderName: "上海市人力资源和社会保障局",
      leaderName: "孙处长",
      contactName: "周老师",
      contactPhoneEnc: deps.cipher.encrypt("02163000000"),
      closedAt: now,
      closedBy: "test",
    })
    .execute();
  await deps.db
    .insertInto("jobs")
    .values({
      id: crypto.randomUUID(),
      type: "experts.import",
      payload: "{}",
      status: "done",
      attempts: 1,
      maxAttempts: 3,
      runAfter: now,
      lockedBy: null,
      lockedUntil: null,
      progress: 1,
      progressNote: null,
      result: JSON.stringify({
        imported: [
          { username: "e1", name: "吴专家", initialPasswordEnc: deps.cipher.encrypt("Lx-Initial-9a") },
        ],
      }),
      lastError: null,
      createdAt: now,
      createdBy: null,
      finishedAt: now,
    })
    .execute();
}

const sorted = (values: string[]) => [...values].sort();

async function opensNone(ctx: TestContext, cipher: Cipher) {
  await expect(openAllSealed(ctx.deps.db, cipher)).rejects.toThrow();
}

describe.each(testDatabases)("key rotation on %s", (kind) => {
  let fileCtx: TestContext;
  let envCtx: TestContext;
  beforeAll(async () => {
    // One platform keeps its key in secret.key, the other takes it from LINXUAN_SECRET_KEY.
    fileCtx = await createTestContext(kind, { secretKey: null });
    await sealEverywhere(fileCtx);
    envCtx = await createTestContext(kind);
    await registerInstitution(envCtx);
  });
  afterAll(async () => {
    await fileCtx?.close();
    await envCtx?.close();
  });

  it(
    "re-seals every sealed value with a new key file in one audited step; the old key is kept aside",
    SLOW,
    async () => {
      const ctx = fileCtx;
      const keyFile = path.join(ctx.config.dataDir, "secret.key");
      const oldText = fs.readFileSync(keyFile, "utf8");
      const oldCipher = createCipher(parseKey(oldText, keyFile));
      const before = sorted(await openAllSealed(ctx.deps.db, oldCipher));
      expect(before).toEqual(
        expect.arrayContaining([
          "13900139000",
          "13600136000",
          "13712345678",
          "13500135000",
          "02163000000",
          "Lx-Initial-9a",
        ]),
      );

      const target = { dataDir: ctx.config.dataDir, databaseUrl: ctx.config.databaseUrl, secretKey: null };
      const rotated = await runLinxuan(["key", "rotate"], target);
      expect(rotated.out).toContain("已用新密钥重新加密");
      expect(rotated.out).toContain("旧密钥保存为");
      expect(rotated.code).toBe(0);

      const newText = fs.readFileSync(keyFile, "utf8");
      expect(newText).not.toBe(oldText);
      const newKey = parseKey(newText, keyFile);
      const kept = fs.readdirSync(ctx.config.dataDir).filter((name) => name.startsWith("secret.key.old-"));
      expect(kept).toHaveLength(1);
      expect(fs.readFileSync(path.join(ctx.config.dataDir, kept[0] ?? ""), "utf8")).toBe(oldText);
      expect(fs.existsSync(`${keyFile}.new`)).toBe(false);

      expect(sorted(await openAllSealed(ctx.deps.db, createCipher(newKey)))).toEqual(before);
      await opensNone(ctx, oldCipher);
      expect(await readKeyFingerprint(ctx.deps.db)).toBe(keyFingerprint(newKey));

      const event = await ctx.deps.db
        .selectFrom("auditEvents")
        .select(["summary", "detail", "actorUsername"])
        .where("command", "=", "dataKey.rotate")
        .executeTakeFirstOrThrow();
      expect(event.actorUsername).toBe("cli");
      expect(event.summary).toContain(keyFingerprint(newKey));
      const resealed = JSON.parse(event.detail ?? "{}").resealed as Record<string, number>;
      for (const place of [
        "users.phoneEnc",
        "institutions.phoneEnc",
        "experts.phoneEnc",
        "complaints.phoneEnc",
        "catalogEntries.contactPhoneEnc",
        "contactRequests.contactPhoneEnc",
        "recommendationClosures.contactPhoneEnc",
        "catalogEntryVersions.snapshot",
        "jobs.result",
        "applications.draftValues",
        "applicationVersions.formValues",
      ])
        expect(resealed[place], place).toBeGreaterThan(0);

      const verified = await runLinxuan(["audit", "verify"], target);
      expect(verified.out).toContain("审计链校验通过");
      expect(verified.code).toBe(0);
    },
  );

  it("changes nothing when one value does not open with the current key", async () => {
    // The key as it is now (another test may have rotated it): the one in secret.key.
    const ctx = fileCtx;
    const keyFile = path.join(ctx.config.dataDir, "secret.key");
    const key = parseKey(fs.readFileSync(keyFile, "utf8"), keyFile);
    const fingerprint = await readKeyFingerprint(ctx.deps.db);
    expect(fingerprint).toBe(keyFingerprint(key));
    // A value sealed with some other key (as a bad manual import would leave it).
    const stray = crypto.randomUUID();
    await ctx.deps.db
      .insertInto("recommendationClosures")
      .values({
        id: stray,
        batchId: "none",
        recommenderType: "region",
        recommenderValue: "990000",
        recommenderName: "某单位",
        leaderName: "某处长",
        contactName: "某老师",
        contactPhoneEnc: createCipher(crypto.randomBytes(32)).encrypt("02100000000"),
        closedAt: new Date().toISOString(),
        closedBy: "test",
      })
      .execute();
    const before = await ctx.deps.db.selectFrom("institutions").select("phoneEnc").execute();
    const rotations = async () =>
      (
        await ctx.deps.db
          .selectFrom("auditEvents")
          .select("seq")
          .where("command", "=", "dataKey.rotate")
          .execute()
      ).length;
    const rotationsBefore = await rotations();
    try {
      const runtime = {
        deps: { ...ctx.deps, cipher: createCipher(key) },
        handle: {
          db: ctx.deps.db,
          dialect: ctx.deps.dialect,
          location: "",
          close: async () => {},
          poolStats: () => null,
        },
        dataKey: { key, fingerprint: keyFingerprint(key), source: "file" as const, file: keyFile },
      };
      await expect(rotateDataKey(runtime, systemCaller, () => {})).rejects.toThrow(
        `recommendationClosures.contactPhoneEnc（记录 ${stray}）`,
      );
      expect(await readKeyFingerprint(ctx.deps.db)).toBe(fingerprint);
      expect(await ctx.deps.db.selectFrom("institutions").select("phoneEnc").execute()).toEqual(before);
      expect(fs.existsSync(`${keyFile}.new`)).toBe(false);
      expect(fs.readFileSync(keyFile, "utf8")).toBe(key.toString("hex"));
      expect(await rotations()).toBe(rotationsBefore);
    } finally {
      await ctx.deps.db.deleteFrom("recommendationClosures").where("id", "=", stray).execute();
    }
  });

  it(
    "with LINXUAN_SECRET_KEY prints the new key once; the old value no longer starts the platform",
    SLOW,
    async () => {
      const ctx = envCtx;
      const oldKey = ctx.config.secretKey ?? "";
      const target = { dataDir: ctx.config.dataDir, databaseUrl: ctx.config.databaseUrl, secretKey: oldKey };
      const rotated = await runLinxuan(["key", "rotate"], target);
      expect(rotated.code, rotated.out).toBe(0);
      const printed = rotated.out.match(/^ {2}([0-9a-f]{64})$/m)?.[1] ?? "";
      expect(printed).not.toBe("");
      expect(rotated.out.split(printed)).toHaveLength(2);
      expect(rotated.out).toContain("LINXUAN_SECRET_KEY 改为上面的值");
      expect(await readKeyFingerprint(ctx.deps.db)).toBe(keyFingerprint(Buffer.from(printed, "hex")));

      const stale = await runLinxuan(["migrate"], target);
      expect(stale.out).toContain("数据密钥与数据库不符");
      expect(stale.out).toContain("secret.key.new");
      expect(stale.code).toBe(1);
      const updated = await runLinxuan(["audit", "verify"], { ...target, secretKey: printed });
      expect(updated.out).toContain("审计链校验通过");
      expect(updated.code).toBe(0);
      expect(await openAllSealed(ctx.deps.db, createCipher(Buffer.from(printed, "hex")))).toContain(
        "13800138000",
      );
      await opensNone(ctx, createCipher(parseKey(oldKey, "old key")));
    },
  );
});
