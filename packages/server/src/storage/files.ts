import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Readable } from "node:stream";
import type { Config } from "../config";

/** Kinds of upload the platform accepts, recognised by their first bytes, never by the name. */
export type FileKind = { extension: "pdf" | "jpg" | "png" | "xlsx"; contentType: string };

const signatures: { kind: FileKind; test: (head: Buffer) => boolean }[] = [
  {
    kind: { extension: "pdf", contentType: "application/pdf" },
    test: (h) => h.subarray(0, 5).toString("latin1") === "%PDF-",
  },
  {
    kind: { extension: "jpg", contentType: "image/jpeg" },
    test: (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff,
  },
  {
    kind: { extension: "png", contentType: "image/png" },
    test: (h) => h.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  {
    kind: {
      extension: "xlsx",
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    },
    test: (h) => h.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])),
  },
];

/** What the bytes are, or null. A renamed .exe starts with "MZ" and is refused here. */
export function detectFileKind(content: Buffer): FileKind | null {
  return signatures.find((signature) => signature.test(content))?.kind ?? null;
}

export type StoredFile = { sha256: string; size: number };

/**
 * Content-addressed blob storage: a file is stored under its SHA-256 (`files/ab/cd/<sha256>`, in
 * the data folder or as an object key), once for equal content, and becomes visible only whole —
 * a crash or a failed upload leaves the old state. A name always matches its content: every write
 * hashes the bytes it stores, and a file that does not hash to the name it is stored under is
 * refused (`FileStoreError` HASH_MISMATCH) before anything is visible.
 */
export type FileStore = {
  /** Where files go, for operators' messages: "本地目录 …" or "对象存储 …". */
  description: string;
  put: (content: Buffer) => Promise<StoredFile>;
  /**
   * Stores the content of a local file that should hash to `sha256` (a staged upload, a file of a
   * backup or of another store), streaming it rather than reading it into memory. Nothing is
   * written when a file of that name is already stored.
   */
  putFile: (file: string, sha256: string) => Promise<StoredFile>;
  get: (sha256: string) => Promise<Buffer>;
  /** The stored bytes as a stream, with their length; rejects (before any byte) when missing. */
  getStream: (sha256: string) => Promise<{ stream: Readable; size: number }>;
  /** The stored file's size, or null when there is none of that name. */
  stat: (sha256: string) => Promise<{ size: number } | null>;
  /**
   * Removes a stored file; nothing happens when there is none. The caller has checked that no
   * record holds it any more (equal content is stored once for every record that has it).
   */
  remove: (sha256: string) => Promise<void>;
  /** The SHA-256 of every stored file (for backups), in no particular order. */
  list: () => AsyncIterable<string>;
  /** Resolves when the store can take writes now (`GET /api/ready`); throws, saying why, when not. */
  ready?: () => Promise<void>;
};

export class FileStoreError extends Error {
  constructor(
    readonly code: "HASH_MISMATCH" | "MISSING",
    message: string,
  ) {
    super(message);
    this.name = "FileStoreError";
  }
}

export const SHA256_PATTERN = /^[0-9a-f]{64}$/;

/** The relative path or key of a stored file: files/ab/cd/<sha256>, for every store alike. */
export function storedFileKey(sha256: string): string {
  if (!SHA256_PATTERN.test(sha256)) throw new Error("invalid sha256");
  return `files/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

/**
 * Passes `source` through while hashing it, and throws after the last chunk (before the consumer
 * sees the end) when it does not hash to `sha256`: a writer that makes its output visible only at
 * the end therefore never shows a file under the wrong name.
 */
export async function* verifiedChunks(
  source: AsyncIterable<Buffer | string>,
  sha256: string,
  counted: { size: number } = { size: 0 },
): AsyncGenerator<Buffer> {
  const hash = crypto.createHash("sha256");
  for await (const piece of source) {
    const chunk = typeof piece === "string" ? Buffer.from(piece) : piece;
    hash.update(chunk);
    counted.size += chunk.length;
    yield chunk;
  }
  const actual = hash.digest("hex");
  if (actual !== sha256)
    throw new FileStoreError(
      "HASH_MISMATCH",
      `文件内容与其名称（SHA-256 ${sha256.slice(0, 16)}…）不符，实际为 ${actual.slice(0, 16)}…：文件已损坏，未写入`,
    );
}

/** The store the configuration names: the object store when LINXUAN_S3_BUCKET is set, else the data folder. */
export async function openFileStore(config: Pick<Config, "dataDir" | "objectStore">): Promise<FileStore> {
  if (!config.objectStore) return createLocalFileStore(config.dataDir);
  // The AWS SDK is loaded only when an object store is configured (see s3.ts).
  const { createS3FileStore } = await import("./s3");
  return createS3FileStore(config.objectStore);
}

/**
 * The data folder's store: writes go to a temporary file beside the target that is synced and
 * renamed, so a crash leaves the old state or the whole file.
 */
export function createLocalFileStore(dataDir: string): FileStore {
  const root = path.join(dataDir, "files");
  const pathOf = (sha256: string) => path.join(dataDir, storedFileKey(sha256));
  const tempOf = (target: string) => `${target}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`;
  const sizeOf = async (target: string) => {
    try {
      return (await fs.promises.stat(target)).size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  };
  return {
    description: `本地目录 ${root}`,
    async put(content) {
      const sha256 = crypto.createHash("sha256").update(content).digest("hex");
      const target = pathOf(sha256);
      if (!fs.existsSync(target)) {
        await fs.promises.mkdir(path.dirname(target), { recursive: true });
        const temp = tempOf(target);
        const handle = await fs.promises.open(temp, "wx", 0o600);
        try {
          await handle.writeFile(content);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await fs.promises.rename(temp, target);
      }
      return { sha256, size: content.length };
    },
    async putFile(file, sha256) {
      const target = pathOf(sha256);
      const existing = await sizeOf(target);
      if (existing !== null) return { sha256, size: existing };
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      const temp = tempOf(target);
      const counted = { size: 0 };
      const handle = await fs.promises.open(temp, "wx", 0o600);
      try {
        try {
          for await (const chunk of verifiedChunks(fs.createReadStream(file), sha256, counted))
            await handle.write(chunk);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await fs.promises.rename(temp, target);
      } catch (error) {
        await fs.promises.rm(temp, { force: true });
        throw error;
      }
      return { sha256, size: counted.size };
    },
    async get(sha256) {
      return fs.promises.readFile(pathOf(sha256));
    },
    async getStream(sha256) {
      // Opened first, so a missing file fails here rather than half-way through a download.
      const handle = await fs.promises.open(pathOf(sha256), "r").catch((error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") throw new FileStoreError("MISSING", `文件库中没有 ${sha256}`);
        throw error;
      });
      const { size } = await handle.stat();
      return { stream: handle.createReadStream(), size };
    },
    async remove(sha256) {
      await fs.promises.rm(pathOf(sha256), { force: true });
    },
    async stat(sha256) {
      const size = await sizeOf(pathOf(sha256));
      return size === null ? null : { size };
    },
    async *list() {
      // files/ab/cd/<sha256>; temporary files of unfinished writes are not stored files.
      for (const first of await readDirIfAny(root)) {
        for (const second of await readDirIfAny(path.join(root, first))) {
          for (const name of await readDirIfAny(path.join(root, first, second))) {
            if (SHA256_PATTERN.test(name) && name.startsWith(first + second)) yield name;
          }
        }
      }
    },
    async ready() {
      // Writing is the only true test: permissions, a read-only mount and a missing volume all
      // show up here, which checking the mode bits (or running as root) would hide.
      await fs.promises.mkdir(root, { recursive: true });
      const probe = path.join(root, `.ready.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`);
      await fs.promises.writeFile(probe, "", { flag: "wx", mode: 0o600 });
      await fs.promises.unlink(probe);
    },
  };
}

async function readDirIfAny(dir: string): Promise<string[]> {
  try {
    return (await fs.promises.readdir(dir)).sort();
  } catch (error) {
    if (
      (error as NodeJS.ErrnoException).code === "ENOENT" ||
      (error as NodeJS.ErrnoException).code === "ENOTDIR"
    )
      return [];
    throw error;
  }
}
