import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { shanghaiBatch3 } from "@linxuan/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app";
import { openRuntime } from "../bootstrap";
import { loadConfig } from "../config";
import { systemCaller } from "../http/deps";
import { storedFileKey } from "../storage/files";
import { createS3FileStore } from "../storage/s3";
import { emptyTarget, runLinxuan, schemaOf } from "../test/cli";
import {
  multipartBody,
  publishOpenBatch,
  registerInstitution,
  SAMPLE_PDF,
  TEST_PASSWORD,
} from "../test/factories";
import { createTestContext, TestClient, type TestContext, testDatabases } from "../test/harness";
import { startObjectStore, type TestObjectStore } from "../test/s3";
import { OpsError } from "./errors";
import { MANIFEST, type Manifest } from "./manifest";
import { restoreBackup } from "./restore";

/** Each test starts `linxuan` processes, which take seconds each on a busy machine. */
const SLOW = { timeout: 180_000 };

const envOf = (config: TestObjectStore["config"]) => ({
  LINXUAN_S3_ENDPOINT: config.endpoint ?? "",
  LINXUAN_S3_BUCKET: config.bucket,
  LINXUAN_S3_ACCESS_KEY_ID: config.accessKeyId ?? "",
  LINXUAN_S3_SECRET_ACCESS_KEY: config.secretAccessKey ?? "",
});

describe.each(testDatabases)("backup and restore with files in an S3 store, on %s", (kind) => {
  let s3: TestObjectStore;
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
    s3 = await startObjectStore();
    ctx = await createTestContext(kind, { objectStore: s3.config });
    batchId = await publishOpenBatch(ctx, shanghaiBatch3);
  });
  afterAll(async () => {
    await ctx?.close();
    for (const cleanup of cleanups) await cleanup();
    await s3?.close();
  });

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
    "backs the bucket's files up through the store and restores them into another bucket",
    SLOW,
    async () => {
      const { creditCode, application, scan, attachment } = await draftWithAttachment();
      // The platform keeps nothing in its data folder: the file is in the bucket.
      expect(fs.existsSync(path.join(ctx.config.dataDir, "files"))).toBe(false);
      expect(await (await createS3FileStore(s3.config)).stat(attachment.sha256)).toEqual({
        size: scan.length,
      });

      const backupDir = scratch();
      const backup = await runLinxuan(["backup", backupDir], source(), envOf(s3.config));
      expect(backup.out).toContain("对象存储");
      expect(backup.code, backup.out).toBe(0);
      const manifest = JSON.parse(fs.readFileSync(path.join(backupDir, MANIFEST), "utf8")) as Manifest;
      expect(manifest.missingFiles).toBeUndefined();
      expect(manifest.artefacts.map((artefact) => artefact.path)).toContain(storedFileKey(attachment.sha256));
      expect(fs.readFileSync(path.join(backupDir, storedFileKey(attachment.sha256))).equals(scan)).toBe(true);

      const into = await target();
      const bucket = await s3.newBucket();
      const restored = await runLinxuan(["restore", backupDir], into, envOf(bucket));
      expect(restored.out).toContain(`存储桶 ${bucket.bucket}`);
      expect(restored.out).toContain("恢复完成");
      expect(restored.code, restored.out).toBe(0);
      expect(await (await createS3FileStore(bucket)).stat(attachment.sha256)).toEqual({ size: scan.length });
      expect(fs.existsSync(path.join(into.dataDir, "files"))).toBe(false);

      const runtime = await openRuntime(
        loadConfig(
          {},
          {
            dataDir: into.dataDir,
            databaseUrl: into.databaseUrl,
            secretKey: ctx.config.secretKey,
            objectStore: bucket,
            demo: false,
            webDist: null,
            passwordHashCost: 1024,
          },
        ),
      );
      const app = await buildApp(runtime.deps);
      try {
        const copy = new TestClient(app, () => {
          throw new Error("the restored platform asked for a captcha");
        });
        await copy.login(creditCode, TEST_PASSWORD);
        const download = await copy.get(`/api/applications/${application.id}/attachments/${attachment.id}`);
        expect(download.status).toBe(200);
        expect(download.raw.equals(scan)).toBe(true);
      } finally {
        await app.close();
        await runtime.handle.close();
      }
    },
  );

  it("refuses to back up an object whose content does not match its name", SLOW, async () => {
    const { attachment } = await draftWithAttachment();
    // The object's bytes, as s3rver keeps them, spoiled behind the platform's back.
    const object = path.join(
      s3.directory,
      s3.config.bucket,
      `${storedFileKey(attachment.sha256)}._S3rver_object`,
    );
    const original = fs.readFileSync(object);
    fs.writeFileSync(object, Buffer.concat([original.subarray(0, -4), Buffer.from("XXXX")]));
    try {
      const backupDir = scratch();
      const backup = await runLinxuan(["backup", backupDir], source(), envOf(s3.config));
      expect(backup.out).toContain(attachment.sha256);
      expect(backup.out).toContain("已损坏");
      expect(backup.code).toBe(1);
      expect(fs.existsSync(backupDir)).toBe(false);
    } finally {
      fs.writeFileSync(object, original);
    }
  });

  it("refuses to restore into a store it cannot reach, before writing anything", SLOW, async () => {
    await draftWithAttachment();
    const backupDir = scratch();
    const backup = await runLinxuan(["backup", backupDir], source(), envOf(s3.config));
    expect(backup.code, backup.out).toBe(0);
    const into = await target();
    const error = await restoreBackup(
      loadConfig(
        {},
        {
          dataDir: into.dataDir,
          databaseUrl: into.databaseUrl,
          secretKey: null,
          objectStore: { ...s3.config, bucket: "no-such-bucket" },
        },
      ),
      systemCaller,
      backupDir,
      () => {},
    ).then(
      () => null,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(OpsError);
    expect((error as OpsError).code).toBe("RESTORE_TARGET_INVALID");
    expect((error as OpsError).message).toContain("no-such-bucket");
    expect(fs.existsSync(into.dataDir)).toBe(false);
  });
});
