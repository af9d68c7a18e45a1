import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ObjectStoreConfig } from "../config";
import { createLocalFileStore, storedFileKey } from "../storage/files";
import { createS3FileStore } from "../storage/s3";
import { runLinxuan } from "../test/cli";
import { startObjectStore, type TestObjectStore } from "../test/s3";

/** Each test starts `linxuan` processes, which take seconds each on a busy machine. */
const SLOW = { timeout: 120_000 };

const envOf = (config: ObjectStoreConfig) => ({
  LINXUAN_S3_ENDPOINT: config.endpoint ?? "",
  LINXUAN_S3_BUCKET: config.bucket,
  LINXUAN_S3_ACCESS_KEY_ID: config.accessKeyId ?? "",
  LINXUAN_S3_SECRET_ACCESS_KEY: config.secretAccessKey ?? "",
});

describe("linxuan files migrate", () => {
  let s3: TestObjectStore;
  const folders: string[] = [];
  /** A data folder of a single-instance platform holding `count` uploaded files. */
  async function dataFolder(count: number) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "linxuan-migrate-"));
    folders.push(dataDir);
    const local = createLocalFileStore(dataDir);
    const files = [];
    for (let i = 0; i < count; i++) {
      const content = crypto.randomBytes(1000 + i);
      files.push({ ...(await local.put(content)), content });
    }
    return { dataDir, files };
  }
  const migrate = (dataDir: string, env: Record<string, string>, args: string[] = []) =>
    runLinxuan(["files", "migrate", ...args], { dataDir, databaseUrl: null, secretKey: null }, env);

  beforeAll(async () => {
    s3 = await startObjectStore();
  });
  afterAll(async () => {
    await s3?.close();
    for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
  });

  it(
    "copies every local file into the object store, and only what is missing when run again",
    SLOW,
    async () => {
      const { dataDir, files } = await dataFolder(3);
      const bucket = await s3.newBucket();
      const first = await migrate(dataDir, envOf(bucket));
      expect(first.out).toContain("共 3 个文件：新复制 3 个，对象存储中已有 0 个");
      expect(first.code, first.out).toBe(0);
      const store = await createS3FileStore(bucket);
      for (const file of files) expect((await store.get(file.sha256)).equals(file.content)).toBe(true);

      // A file uploaded since (the platform still runs on the folder until the switch-over).
      const later = await createLocalFileStore(dataDir).put(crypto.randomBytes(500));
      const again = await migrate(dataDir, envOf(bucket));
      expect(again.out).toContain("共 4 个文件：新复制 1 个，对象存储中已有 3 个");
      expect(again.code, again.out).toBe(0);
      expect(await store.stat(later.sha256)).toEqual({ size: 500 });
      const listed: string[] = [];
      for await (const name of store.list()) listed.push(name);
      expect(listed.sort()).toEqual([...files.map((file) => file.sha256), later.sha256].sort());
    },
  );

  it(
    "refuses a local file whose content does not match its name, copies the rest and exits 2",
    SLOW,
    async () => {
      const { dataDir, files } = await dataFolder(2);
      const [damaged, sound] = files;
      if (!damaged || !sound) throw new Error("no files");
      const file = path.join(dataDir, storedFileKey(damaged.sha256));
      const bytes = fs.readFileSync(file);
      bytes[10] = (bytes[10] ?? 0) ^ 0xff;
      fs.writeFileSync(file, bytes);
      const bucket = await s3.newBucket();
      const result = await migrate(dataDir, envOf(bucket));
      expect(result.out).toContain(file);
      expect(result.out).toContain("已损坏，未复制");
      expect(result.out).toContain("新复制 1 个，对象存储中已有 0 个，内容损坏未复制 1 个");
      expect(result.code).toBe(2);
      const store = await createS3FileStore(bucket);
      expect(await store.stat(damaged.sha256)).toBeNull();
      expect(await store.stat(sound.sha256)).toEqual({ size: sound.size });
    },
  );

  it(
    "reads another folder with --from, and says what is wrong without a store or a folder",
    SLOW,
    async () => {
      const { dataDir, files } = await dataFolder(1);
      const bucket = await s3.newBucket();
      const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), "linxuan-migrate-"));
      folders.push(elsewhere);
      const moved = await migrate(elsewhere, envOf(bucket), ["--from", dataDir]);
      expect(moved.out).toContain("新复制 1 个");
      expect(moved.code, moved.out).toBe(0);
      expect(await (await createS3FileStore(bucket)).stat(files[0]?.sha256 ?? "")).not.toBeNull();

      const noStore = await migrate(dataDir, {});
      expect(noStore.out).toContain("未配置对象存储");
      expect(noStore.code).toBe(1);
      const noFolder = await migrate(elsewhere, envOf(bucket));
      expect(noFolder.out).toContain("--from");
      expect(noFolder.code).toBe(1);
    },
  );
});
