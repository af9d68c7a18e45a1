import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config";
import { startObjectStore, type TestObjectStore } from "../test/s3";
import { createLocalFileStore, type FileStore, FileStoreError, openFileStore } from "./files";
import { createS3FileStore } from "./s3";
import { stageUpload } from "./staging";

const sha256Of = (content: Buffer) => crypto.createHash("sha256").update(content).digest("hex");
const unique = (size = 64) => crypto.randomBytes(size);

async function listAll(store: FileStore): Promise<string[]> {
  const names: string[] = [];
  for await (const name of store.list()) names.push(name);
  return names.sort();
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const scratch: string[] = [];
function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  scratch.push(dir);
  return dir;
}
function tempFile(content: Buffer): string {
  const file = path.join(tempDir("linxuan-store-src-"), "content.bin");
  fs.writeFileSync(file, content);
  return file;
}

let s3: TestObjectStore;
beforeAll(async () => {
  s3 = await startObjectStore();
});
afterAll(async () => {
  await s3?.close();
  for (const dir of scratch) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh store of each kind, and the file that really holds a stored name's bytes. */
const kinds = {
  local: async () => {
    const dataDir = tempDir("linxuan-store-");
    return {
      store: createLocalFileStore(dataDir),
      backing: (sha256: string) =>
        path.join(dataDir, "files", sha256.slice(0, 2), sha256.slice(2, 4), sha256),
    };
  },
  s3: async () => {
    const config = await s3.newBucket();
    return {
      // Parts of S3's minimum size, so that a 11 MiB file goes up in three.
      store: await createS3FileStore({ ...config, partSize: 5 * 1_048_576 }),
      backing: (sha256: string) =>
        path.join(
          s3.directory,
          config.bucket,
          "files",
          sha256.slice(0, 2),
          sha256.slice(2, 4),
          `${sha256}._S3rver_object`,
        ),
    };
  },
};

describe.each(Object.keys(kinds) as (keyof typeof kinds)[])("the %s file store", (kind) => {
  it("stores content under its SHA-256 at files/ab/cd/<sha256> and gives it back whole", async () => {
    const { store, backing } = await kinds[kind]();
    const content = unique(3000);
    const stored = await store.put(content);
    expect(stored).toEqual({ sha256: sha256Of(content), size: 3000 });
    expect(fs.readFileSync(backing(stored.sha256)).equals(content)).toBe(true);
    expect((await store.get(stored.sha256)).equals(content)).toBe(true);
    const streamed = await store.getStream(stored.sha256);
    expect(streamed.size).toBe(3000);
    expect((await readAll(streamed.stream)).equals(content)).toBe(true);
    expect(await store.stat(stored.sha256)).toEqual({ size: 3000 });
  });

  it("stores equal content once and leaves a stored file untouched", async () => {
    const { store, backing } = await kinds[kind]();
    const content = unique();
    const first = await store.put(content);
    const before = fs.statSync(backing(first.sha256));
    const again = await store.put(Buffer.from(content));
    const fromFile = await store.putFile(tempFile(content), first.sha256);
    expect(again).toEqual(first);
    expect(fromFile).toEqual(first);
    const after = fs.statSync(backing(first.sha256));
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(after.ino).toBe(before.ino);
    expect(await listAll(store)).toEqual([first.sha256]);
  });

  it("lists every stored file and nothing else", async () => {
    const { store } = await kinds[kind]();
    expect(await listAll(store)).toEqual([]);
    const names = [];
    for (let i = 0; i < 5; i++) names.push((await store.put(unique())).sha256);
    expect(await listAll(store)).toEqual(names.sort());
  });

  it("streams a file in from disk, several parts of it when large, and gives back the same bytes", async () => {
    const { store } = await kinds[kind]();
    const content = unique(11 * 1_048_576);
    const sha256 = sha256Of(content);
    expect(await store.putFile(tempFile(content), sha256)).toEqual({ sha256, size: content.length });
    const streamed = await store.getStream(sha256);
    expect(streamed.size).toBe(content.length);
    expect(sha256Of(await readAll(streamed.stream))).toBe(sha256);
  });

  it("refuses a file that does not hash to its name, and shows nothing of it, however large", async () => {
    const { store, backing } = await kinds[kind]();
    for (const size of [100, 11 * 1_048_576]) {
      const content = unique(size);
      const claimed = sha256Of(unique());
      const refused = await store.putFile(tempFile(content), claimed).then(
        () => null,
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(FileStoreError);
      expect((refused as FileStoreError).code).toBe("HASH_MISMATCH");
      expect((refused as FileStoreError).message).toContain("不符");
      expect(await store.stat(claimed)).toBeNull();
      expect(fs.existsSync(backing(claimed))).toBe(false);
      await expect(store.getStream(claimed)).rejects.toMatchObject({ code: "MISSING" });
    }
    expect(await listAll(store)).toEqual([]);
  });

  it("removes a file, and removing one that is not there does nothing", async () => {
    const { store, backing } = await kinds[kind]();
    const kept = await store.put(unique());
    const gone = await store.put(unique());
    await store.remove(gone.sha256);
    expect(fs.existsSync(backing(gone.sha256))).toBe(false);
    expect(await store.stat(gone.sha256)).toBeNull();
    await store.remove(gone.sha256);
    await store.remove(sha256Of(unique()));
    expect(await listAll(store)).toEqual([kept.sha256]);
  });

  it("says a file is missing before sending any of it", async () => {
    const { store } = await kinds[kind]();
    const absent = sha256Of(unique());
    expect(await store.stat(absent)).toBeNull();
    await expect(store.getStream(absent)).rejects.toBeInstanceOf(FileStoreError);
  });
});

describe("the S3 file store's connection", () => {
  it("is ready when the bucket answers, and says why not otherwise", async () => {
    await expect((await createS3FileStore(s3.config)).ready?.()).resolves.toBeUndefined();
    await expect(
      (await createS3FileStore({ ...s3.config, bucket: "no-such-bucket" })).ready?.(),
    ).rejects.toThrow();
    await expect(
      (await createS3FileStore({ ...s3.config, endpoint: "http://127.0.0.1:9" })).ready?.(),
    ).rejects.toThrow();
  });

  it("is the store when LINXUAN_S3_BUCKET is set, and the data folder otherwise", async () => {
    const dataDir = tempDir("linxuan-store-");
    const configured = loadConfig({ LINXUAN_DATA_DIR: dataDir, ...s3.env });
    expect(configured.objectStore).toEqual(s3.config);
    const store = await openFileStore(configured);
    expect(store.description).toContain(s3.config.bucket);
    const stored = await store.put(unique());
    expect(fs.existsSync(path.join(dataDir, "files"))).toBe(false);
    expect(await (await createS3FileStore(s3.config)).stat(stored.sha256)).toEqual({ size: 64 });
    const local = await openFileStore(loadConfig({ LINXUAN_DATA_DIR: dataDir }));
    expect(local.description).toContain(dataDir);
    expect(loadConfig({ LINXUAN_S3_BUCKET: "b" }).objectStore).toEqual({
      endpoint: null,
      bucket: "b",
      region: "us-east-1",
      accessKeyId: null,
      secretAccessKey: null,
    });
  });

  it("refuses half a configuration with a message naming what is missing", () => {
    expect(() => loadConfig({ LINXUAN_S3_ENDPOINT: "http://minio:9000" })).toThrow("LINXUAN_S3_BUCKET");
    expect(() => loadConfig({ LINXUAN_S3_BUCKET: "b", LINXUAN_S3_ACCESS_KEY_ID: "k" })).toThrow(
      "LINXUAN_S3_SECRET_ACCESS_KEY",
    );
    expect(() => loadConfig({ LINXUAN_S3_BUCKET: "b", LINXUAN_S3_ENDPOINT: "minio:9000" })).toThrow(
      "LINXUAN_S3_ENDPOINT",
    );
  });
});

describe("receiving an upload", () => {
  it("hashes it into a temporary file and keeps its first bytes for type sniffing", async () => {
    const content = Buffer.concat([Buffer.from("%PDF-1.4\n"), unique(200_000)]);
    const staged = await stageUpload(Readable.from([content.subarray(0, 7), content.subarray(7)]), {
      maxBytes: 1_000_000,
      dir: tempDir("linxuan-staging-"),
    });
    expect(staged).toMatchObject({ sha256: sha256Of(content), size: content.length, truncated: false });
    expect(staged.head.subarray(0, 5).toString()).toBe("%PDF-");
    expect(fs.readFileSync(staged.path).equals(content)).toBe(true);
    await staged.discard();
    expect(fs.existsSync(staged.path)).toBe(false);
  });

  it("keeps nothing of an upload over the limit, or of one whose sender hung up", async () => {
    const dir = tempDir("linxuan-staging-");
    const big = await stageUpload(Readable.from([unique(600), unique(600)]), { maxBytes: 1000, dir });
    expect(big.truncated).toBe(true);
    expect(big.size).toBe(1200);
    expect(fs.readdirSync(dir)).toEqual([]);
    let sent = false;
    const broken = new Readable({
      read() {
        if (sent) this.destroy(new Error("aborted"));
        else this.push(unique(500));
        sent = true;
      },
    });
    await expect(stageUpload(broken, { maxBytes: 1000, dir })).rejects.toThrow("aborted");
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
