import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";

/** How many first bytes an upload keeps for recognising its type (see detectFileKind). */
const HEAD_BYTES = 64;

/**
 * An upload received into a temporary file, hashed on the way: what the checks need (size, first
 * bytes, whether it was cut off at the size limit) without holding the file in memory. The caller
 * stores it with `FileStore.putFile(staged.path, staged.sha256)` once it is accepted, and always
 * calls `discard`.
 */
export type StagedUpload = {
  path: string;
  sha256: string;
  size: number;
  head: Buffer;
  /** The sender's file was longer than the limit: only its beginning arrived (and is discarded). */
  truncated: boolean;
  discard: () => Promise<void>;
};

/** Uploads wait here (the system temporary folder, TMPDIR) until they are accepted and stored. */
export const stagingDir = () => path.join(os.tmpdir(), "linxuan-uploads");

/**
 * Receives `source` (a multipart file stream, which busboy cuts off at the size limit and marks
 * `truncated`) into a new temporary file while hashing it and counting its bytes. A source that
 * fails (the sender hung up) leaves no file behind.
 */
export async function stageUpload(
  source: Readable & { truncated?: boolean },
  options: { maxBytes: number; dir?: string },
): Promise<StagedUpload> {
  const dir = options.dir ?? stagingDir();
  await fs.promises.mkdir(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `${Date.now()}-${crypto.randomBytes(8).toString("hex")}.upload`);
  const discard = () => fs.promises.rm(file, { force: true });
  const hash = crypto.createHash("sha256");
  const head: Buffer[] = [];
  let headLength = 0;
  let size = 0;
  const handle = await fs.promises.open(file, "wx", 0o600);
  try {
    for await (const piece of source) {
      const chunk = piece as Buffer;
      size += chunk.length;
      // Past the limit nothing more is kept: the upload is refused whatever follows.
      if (size > options.maxBytes) continue;
      hash.update(chunk);
      if (headLength < HEAD_BYTES) {
        head.push(chunk.subarray(0, HEAD_BYTES - headLength));
        headLength += Math.min(chunk.length, HEAD_BYTES - headLength);
      }
      await handle.write(chunk);
    }
  } catch (error) {
    await handle.close();
    await discard();
    throw error;
  }
  await handle.close();
  const truncated = source.truncated === true || size > options.maxBytes;
  if (truncated) await discard();
  return { path: file, sha256: hash.digest("hex"), size, head: Buffer.concat(head), truncated, discard };
}
