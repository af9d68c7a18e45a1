import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { listFields, shanghaiBatch3, shanghaiTrainingV1 } from "@linxuan/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app";
import { openRuntime } from "../bootstrap";
import { loadConfig } from "../config";
import { systemCaller } from "../http/deps";
import { emptyTarget, runLinxuan, schemaOf } from "../test/cli";
import {
  completeValues,
  multipartBody,
  publishOpenBatch,
  registerInstitution,
  SAMPLE_PDF,
  TEST_PASSWORD,
} from "../test/factories";
import { createTestContext, TestClient, type TestContext, testDatabases } from "../test/harness";
import { OpsError } from "./errors";
import { MANIFEST, type Manifest } from "./manifest";
import { restoreBackup } from "./restore";

/** Each test starts `linxuan` processes, which take seconds each on a busy machine. */
const SLOW = { timeout: 180_000 };

const idField = listFields(shanghaiTrainingV1).find(
  (entry) => entry.field.type === "idNumber" && entry.role !== "column",
)?.key as string;

const quiet = () => {};

describe.each(testDatabases)("backup and restore on %s", (kind) => {
  let ctx: TestContext;
  let batchId: string;
  const cleanups: (() => Promise<void>)[] = [];
  const source = () => ({
    dataDir: ctx.config.dataDir,
    databaseUrl: ctx.config.databaseUrl,
    secretKey: ctx.config.secretKey,
  });
  const scratch = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "linxuan-backup-"));
    cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    return path.join(dir, "backup");
  };
  const target = async () => {
    const made = await emptyTarget(kind, schemaOf(ctx.config.databaseUrl));
    cleanups.push(made.drop);
    return made;
  };

  beforeAll(async () => {
    ctx = await createTestContext(kind);
    batchId = await publishOpenBatch(ctx, shanghaiBatch3);
  });
  afterAll(async () => {
    await ctx?.close();
    for (const cleanup of cleanups) await cleanup();
  });

  /** An institution with a draft that holds sealed ID and phone numbers and one uploaded attachment. */
  async function draftWithAttachment() {
    const institution = await registerInstitution(ctx);
    const created = await institution.client.post("/api/applications", {
      batchId,
      kind: "training",
      occupation: "ai",
      levels: ["junior"],
      applicantCategory: "university",
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    // Unique bytes, so the restored download is this file and no other.
    const scan = Buffer.concat([SAMPLE_PDF, Buffer.from(`%${crypto.randomBytes(16).toString("hex")}\n`)]);
    const uploaded = await institution.client.upload(
      `/api/applications/${created.body.application.id}/attachments`,
      multipartBody({ code: "stampedForm", replace: "true" }, { name: "盖章申报表.pdf", content: scan }),
    );
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    return {
      ...institution,
      application: created.body.application,
      scan,
      attachment: uploaded.body.attachment,
    };
  }

  it(
    "restores every autosave answered before the backup began; the copy serves a login, the attachment and a sound audit chain",
    SLOW,
    async () => {
      const { client, creditCode, application, scan, attachment } = await draftWithAttachment();
      const values = completeValues(shanghaiTrainingV1, { creditCode });
      const acknowledged: { revision: number; address: string }[] = [];
      let stop = false;
      let enoughBeforeBackup: () => void = () => {};
      const warmedUp = new Promise<void>((resolve) => {
        enoughBeforeBackup = resolve;
      });
      const saving = (async () => {
        let revision = application.draftRevision as number;
        for (let n = 1; !stop; n++) {
          const address = `上海市徐汇区漕宝路${n}号`;
          const saved = await client.put(`/api/applications/${application.id}/draft`, {
            values: { ...values, address },
            baseRevision: revision,
          });
          expect(saved.status, JSON.stringify(saved.body)).toBe(200);
          revision = saved.body.draftRevision;
          acknowledged.push({ revision, address });
          if (acknowledged.length === 5) enoughBeforeBackup();
        }
      })();
      await warmedUp;
      const backupDir = scratch();
      const lastBeforeBackup = acknowledged[acknowledged.length - 1]?.revision ?? 0;
      const savedBeforeBackup = acknowledged.length;
      const backup = await runLinxuan(["backup", backupDir], source());
      stop = true;
      await saving;
      expect(backup.out).toContain("备份完成");
      expect(backup.code).toBe(0);
      // The saves went on while the backup ran: it was taken mid-stream.
      expect(acknowledged.length).toBeGreaterThan(savedBeforeBackup);
      const manifest = JSON.parse(fs.readFileSync(path.join(backupDir, MANIFEST), "utf8")) as Manifest;
      expect(manifest.dataKey.included).toBe(false);
      expect(fs.existsSync(path.join(backupDir, "secret.key"))).toBe(false);

      const into = await target();
      const restored = await runLinxuan(["restore", backupDir], into);
      expect(restored.out).toContain("恢复完成");
      expect(restored.out).toContain(`启动前须提供指纹为 ${manifest.dataKey.fingerprint} 的数据密钥`);
      expect(restored.code).toBe(0);

      const config = loadConfig(
        {},
        {
          dataDir: into.dataDir,
          databaseUrl: into.databaseUrl,
          secretKey: ctx.config.secretKey,
          demo: false,
          webDist: null,
          passwordHashCost: 1024,
        },
      );
      const runtime = await openRuntime(config);
      const app = await buildApp(runtime.deps);
      try {
        // A first login asks no captcha; this copy draws them at random like production.
        const copy = new TestClient(app, () => {
          throw new Error("the restored platform asked for a captcha");
        });
        await copy.login(creditCode, TEST_PASSWORD);
        const read = await copy.get(`/api/applications/${application.id}`);
        expect(read.status).toBe(200);
        const restoredDraft = read.body.application;
        expect(restoredDraft.draftRevision).toBeGreaterThanOrEqual(lastBeforeBackup);
        // Not a mix of two saves: the address is the one saved with that revision.
        const save = acknowledged.find((item) => item.revision === restoredDraft.draftRevision);
        expect(restoredDraft.values.address).toBe(save?.address);
        // Sealed personal data opens with the key that was kept apart from the backup.
        expect(restoredDraft.values[idField]).toBe((values as Record<string, unknown>)[idField]);
        const download = await copy.get(`/api/applications/${application.id}/attachments/${attachment.id}`);
        expect(download.status).toBe(200);
        expect(download.raw.equals(scan)).toBe(true);
      } finally {
        await app.close();
        await runtime.handle.close();
      }
      const verified = await runLinxuan(["audit", "verify"], { ...into, secretKey: ctx.config.secretKey });
      expect(verified.out).toContain("审计链校验通过");
      expect(verified.code).toBe(0);
    },
  );

  it(
    "restores the key only from a backup that includes it, with a warning when it is made",
    SLOW,
    async () => {
      const { creditCode } = await draftWithAttachment();
      const backupDir = scratch();
      const backup = await runLinxuan(["backup", backupDir, "--include-key"], source());
      expect(backup.code, backup.out).toBe(0);
      expect(backup.out).toContain("备份中含数据密钥");
      expect(fs.statSync(path.join(backupDir, "secret.key")).mode & 0o077).toBe(0);
      const into = await target();
      const restored = await runLinxuan(["restore", backupDir], into);
      expect(restored.out).toContain("已恢复数据密钥");
      expect(restored.code).toBe(0);
      // No LINXUAN_SECRET_KEY: the restored secret.key alone opens the platform.
      const runtime = await openRuntime(
        loadConfig(
          {},
          { dataDir: into.dataDir, databaseUrl: into.databaseUrl, secretKey: null, demo: false },
        ),
      );
      try {
        expect(runtime.dataKey.source).toBe("file");
        const institution = await runtime.deps.db
          .selectFrom("institutions")
          .select("phoneEnc")
          .where("creditCode", "=", creditCode)
          .executeTakeFirstOrThrow();
        expect(runtime.deps.cipher.decrypt(institution.phoneEnc ?? "")).toBe("13800138000");
      } finally {
        await runtime.handle.close();
      }
    },
  );

  describe("refusals", () => {
    let backupDir: string;
    beforeAll(async () => {
      await draftWithAttachment();
      backupDir = scratch();
      const made = await runLinxuan(["backup", backupDir], source());
      expect(made.code, made.out).toBe(0);
    }, SLOW.timeout);

    /** A copy of the backup to spoil, so that each refusal starts from a sound one. */
    function copyOfBackup(): string {
      const copy = scratch();
      fs.cpSync(backupDir, copy, { recursive: true });
      return copy;
    }

    async function refusal(dir: string, into: { dataDir: string; databaseUrl: string | null }) {
      const config = loadConfig(
        {},
        { dataDir: into.dataDir, databaseUrl: into.databaseUrl, secretKey: null },
      );
      return restoreBackup(config, systemCaller, dir, quiet).then(
        () => {
          throw new Error("restore was not refused");
        },
        (error: unknown) => {
          expect(error).toBeInstanceOf(OpsError);
          return error as OpsError;
        },
      );
    }

    it("refuses a target that is not empty, and leaves it as it was", async () => {
      // The platform's own data folder and database: the one thing a restore must never overwrite.
      const own = await refusal(backupDir, {
        dataDir: ctx.config.dataDir,
        databaseUrl: ctx.config.databaseUrl,
      });
      expect(own.code).toBe("RESTORE_TARGET_NOT_EMPTY");
      expect(own.message).toContain("不是空的");
      const into = await target();
      fs.mkdirSync(into.dataDir, { recursive: true });
      fs.writeFileSync(path.join(into.dataDir, "notes.txt"), "运维记录");
      const folder = await refusal(backupDir, into);
      expect(folder.code).toBe("RESTORE_TARGET_NOT_EMPTY");
      expect(folder.message).toContain("notes.txt");
      expect(fs.readdirSync(into.dataDir)).toEqual(["notes.txt"]);
      if (kind === "postgres") {
        // An empty folder but the source's own (non-empty) schema.
        const empty = await target();
        const schema = await refusal(backupDir, {
          dataDir: empty.dataDir,
          databaseUrl: ctx.config.databaseUrl,
        });
        expect(schema.message).toContain("不是空的");
      }
    });

    it("refuses a backup made by another set of migrations", async () => {
      const dir = copyOfBackup();
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), "utf8")) as Manifest;
      manifest.schemaVersion = [...manifest.schemaVersion, "2027-01-01-from-the-future"];
      fs.writeFileSync(path.join(dir, MANIFEST), JSON.stringify(manifest));
      const into = await target();
      const error = await refusal(dir, into);
      expect(error.code).toBe("SCHEMA_VERSION_MISMATCH");
      expect(error.message).toContain("2027-01-01-from-the-future");
      expect(fs.existsSync(into.dataDir)).toBe(false);
    });

    it("refuses a corrupted artefact before writing anything", async () => {
      const dir = copyOfBackup();
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), "utf8")) as Manifest;
      const stored = manifest.artefacts.find((artefact) => artefact.path.startsWith("files/"));
      if (!stored) throw new Error("the backup holds no file");
      const file = path.join(dir, stored.path);
      const bytes = fs.readFileSync(file);
      bytes[bytes.length - 2] = (bytes[bytes.length - 2] ?? 0) ^ 0xff;
      fs.writeFileSync(file, bytes);
      const into = await target();
      const error = await refusal(dir, into);
      expect(error.code).toBe("BACKUP_CORRUPT");
      expect(error.message).toContain(stored.path);
      expect(error.message).toContain("校验和");
      expect(fs.existsSync(into.dataDir)).toBe(false);

      const database = copyOfBackup();
      const dump = manifest.artefacts[0]?.path ?? "";
      fs.appendFileSync(path.join(database, dump), "x");
      const truncated = await refusal(database, into);
      expect(truncated.code).toBe("BACKUP_CORRUPT");
      expect(truncated.message).toContain(dump);
    });

    it.runIf(kind === "postgres")(
      "says to use PostgreSQL's own tools when pg_dump is missing",
      SLOW,
      async () => {
        const dir = scratch();
        const backup = await runLinxuan(["backup", dir], source(), { PATH: "/nonexistent" });
        expect(backup.out).toContain("未找到 pg_dump");
        expect(backup.out).toContain("PostgreSQL 自带的工具");
        expect(backup.code).toBe(1);
        expect(fs.existsSync(dir)).toBe(false);
      },
    );

    it("refuses a backup directory that is not empty", SLOW, async () => {
      const backup = await runLinxuan(["backup", backupDir], source());
      expect(backup.code).toBe(1);
      expect(backup.out).toContain("不是空的");
    });
  });
});
