import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

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

/**
 * Content-addressed blob storage in the data folder: files/ab/cd/<sha256>. Writes go to a
 * temporary file that is synced and renamed, so a crash leaves the old state or the whole file.
 * Equal content is stored once.
 */
export type FileStore = {
  put: (content: Buffer) => Promise<{ sha256: string; size: number }>;
  get: (sha256: string) => Promise<Buffer>;
  /** The SHA-256 of every stored file (for backups), in no particular order. */
  list: () => AsyncIterable<string>;
  /** Resolves when the store can take writes now (`GET /api/ready`); throws, saying why, when not. */
  ready?: () => Promise<void>;
};

export function createLocalFileStore(dataDir: string): FileStore {
  const root = path.join(dataDir, "files");
  const pathOf = (sha256: string) => {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error("invalid sha256");
    return path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };
  return {
    async put(content) {
      const sha256 = crypto.createHash("sha256").update(content).digest("hex");
      const target = pathOf(sha256);
      if (!fs.existsSync(target)) {
        await fs.promises.mkdir(path.dirname(target), { recursive: true });
        const temp = `${target}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`;
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
    async get(sha256) {
      return fs.promises.readFile(pathOf(sha256));
    },
    async *list() {
      // files/ab/cd/<sha256>; temporary files of unfinished writes are not stored files.
      for (const first of await readDirIfAny(root)) {
        for (const second of await readDirIfAny(path.join(root, first))) {
          for (const name of await readDirIfAny(path.join(root, first, second))) {
            if (/^[0-9a-f]{64}$/.test(name) && name.startsWith(first + second)) yield name;
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
