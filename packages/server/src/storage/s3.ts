import crypto from "node:crypto";
import fs from "node:fs";
import { Readable } from "node:stream";
import type { ObjectStoreConfig } from "../config";
import { type FileStore, FileStoreError, SHA256_PATTERN, storedFileKey, verifiedChunks } from "./files";

/** Files larger than this go up in parts of this size (S3's minimum is 5 MiB). */
const PART_SIZE = 8 * 1_048_576;
const KEY_PATTERN = /^files\/([0-9a-f]{2})\/([0-9a-f]{2})\/([0-9a-f]{64})$/;

export type S3FileStoreOptions = ObjectStoreConfig & { partSize?: number };

function isNotFound(error: unknown): boolean {
  const failure = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return (
    failure?.name === "NotFound" ||
    failure?.name === "NoSuchKey" ||
    failure?.$metadata?.httpStatusCode === 404
  );
}

/**
 * The object store's file store: the same content addressing as the data folder, the key being
 * `files/ab/cd/<sha256>` in one bucket every instance shares. An object appears only complete: a
 * single PUT is atomic, and a larger file goes up as a multipart upload that is completed only
 * after its last byte has been read and hashed to the key (otherwise it is aborted, and its parts
 * are never an object). Writes skip a key that already exists (HeadObject).
 */
export async function createS3FileStore(options: S3FileStoreOptions): Promise<FileStore> {
  // Imported here, not at the top: the bundled build would otherwise load the SDK for every
  // command of every platform, object store or not.
  const {
    DeleteObjectCommand,
    GetObjectCommand,
    HeadBucketCommand,
    HeadObjectCommand,
    PutObjectCommand,
    S3Client,
    paginateListObjectsV2,
  } = await import("@aws-sdk/client-s3");
  const { Upload } = await import("@aws-sdk/lib-storage");
  const client = new S3Client({
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true } : {}),
    ...(options.accessKeyId && options.secretAccessKey
      ? { credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey } }
      : {}),
    // Only what the operation needs: MinIO, Ceph RGW, OSS and OBS do not all accept the newer
    // default checksums (aws-chunked trailers); integrity is our SHA-256 of every byte sent, and
    // Content-MD5 on a single PUT, which the store checks before keeping the object.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  const Bucket = options.bucket;
  const partSize = options.partSize ?? PART_SIZE;

  const stat = async (sha256: string) => {
    try {
      const head = await client.send(new HeadObjectCommand({ Bucket, Key: storedFileKey(sha256) }));
      return { size: Number(head.ContentLength ?? 0) };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  };
  const open = async (sha256: string) => {
    try {
      const object = await client.send(new GetObjectCommand({ Bucket, Key: storedFileKey(sha256) }));
      if (!object.Body) throw new FileStoreError("MISSING", `对象存储中的 ${sha256} 没有内容`);
      return { body: object.Body, size: Number(object.ContentLength ?? 0) };
    } catch (error) {
      if (isNotFound(error)) throw new FileStoreError("MISSING", `对象存储中没有 ${sha256}`);
      throw error;
    }
  };

  return {
    description: `对象存储 ${options.endpoint ?? "AWS S3"} 存储桶 ${Bucket}`,
    async put(content) {
      const sha256 = crypto.createHash("sha256").update(content).digest("hex");
      if (!(await stat(sha256)))
        await client.send(
          new PutObjectCommand({
            Bucket,
            Key: storedFileKey(sha256),
            Body: content,
            ContentLength: content.length,
            // The store checks the bytes it received against this before it keeps them.
            ContentMD5: crypto.createHash("md5").update(content).digest("base64"),
            ContentType: "application/octet-stream",
          }),
        );
      return { sha256, size: content.length };
    },
    async putFile(file, sha256) {
      const existing = await stat(sha256);
      if (existing) return { sha256, ...existing };
      const counted = { size: 0 };
      let refused: unknown = null;
      async function* body() {
        try {
          yield* verifiedChunks(fs.createReadStream(file), sha256, counted);
        } catch (error) {
          refused = error;
          throw error;
        }
      }
      const upload = new Upload({
        client,
        partSize,
        queueSize: 2,
        params: {
          Bucket,
          Key: storedFileKey(sha256),
          Body: Readable.from(body()),
          ContentType: "application/octet-stream",
        },
      });
      try {
        await upload.done();
      } catch (error) {
        // The reason is the file (a wrong hash, a read error), not the abort that followed it.
        throw refused ?? error;
      }
      return { sha256, size: counted.size };
    },
    async get(sha256) {
      const { body } = await open(sha256);
      return Buffer.from(await body.transformToByteArray());
    },
    async getStream(sha256) {
      const { body, size } = await open(sha256);
      return { stream: body as Readable, size };
    },
    stat,
    async remove(sha256) {
      // Deleting a key that is not there succeeds on S3 and its look-alikes.
      await client.send(new DeleteObjectCommand({ Bucket, Key: storedFileKey(sha256) }));
    },
    async *list() {
      for await (const page of paginateListObjectsV2({ client }, { Bucket, Prefix: "files/" })) {
        for (const object of page.Contents ?? []) {
          const match = KEY_PATTERN.exec(object.Key ?? "");
          const sha256 = match?.[3];
          if (sha256 && SHA256_PATTERN.test(sha256) && sha256.startsWith(`${match[1]}${match[2]}`))
            yield sha256;
        }
      }
    },
    async ready() {
      await client.send(new HeadBucketCommand({ Bucket }));
    },
  };
}
