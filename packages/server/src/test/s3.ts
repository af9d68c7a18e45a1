import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import type { ObjectStoreConfig } from "../config";

export type TestObjectStore = {
  config: ObjectStoreConfig;
  /** The LINXUAN_S3_* variables an operator would set for this store. */
  env: Record<string, string>;
  /** s3rver's own folder: where objects really are (a test may look, or spoil one). */
  directory: string;
  /** Another, empty bucket on the same server, for a test that must see only its own objects. */
  newBucket: () => Promise<ObjectStoreConfig>;
  close: () => Promise<void>;
};

/**
 * A real S3 server (s3rver) on 127.0.0.1 on a free port, with one fresh bucket, keeping its
 * objects in a temporary folder that `close` removes. It checks request signatures with the
 * credentials S3RVER / S3RVER.
 */
export async function startObjectStore(): Promise<TestObjectStore> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "linxuan-s3-"));
  const bucket = `linxuan-${crypto.randomBytes(4).toString("hex")}`;
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const config: ObjectStoreConfig = {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    region: "us-east-1",
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
  };
  return {
    config,
    env: {
      LINXUAN_S3_ENDPOINT: config.endpoint ?? "",
      LINXUAN_S3_BUCKET: bucket,
      LINXUAN_S3_REGION: config.region,
      LINXUAN_S3_ACCESS_KEY_ID: "S3RVER",
      LINXUAN_S3_SECRET_ACCESS_KEY: "S3RVER",
    },
    directory,
    newBucket: async () => {
      const name = `linxuan-${crypto.randomBytes(4).toString("hex")}`;
      const client = new S3Client({
        endpoint: config.endpoint ?? "",
        region: config.region,
        forcePathStyle: true,
        credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
      });
      await client.send(new CreateBucketCommand({ Bucket: name }));
      client.destroy();
      return { ...config, bucket: name };
    },
    close: async () => {
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
