import type { Readable } from "node:stream";
import type { FastifyReply } from "fastify";
import { z } from "zod";

export const CONTENT_TYPES = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv",
  zip: "application/zip",
} as const;

/**
 * A download's success answer as OpenAPI describes it: a file of one of `contentTypes`. Declared
 * per content type, so Fastify never runs it through the JSON serializer; the Buffer or stream
 * `sendDownload` sends passes through as it is.
 */
export function downloadResponse(description: string, contentTypes: readonly string[]) {
  const schema = z.string().meta({ format: "binary", description });
  return {
    description,
    content: Object.fromEntries(contentTypes.map((type) => [type, { schema }])),
  };
}

/**
 * Sends a file as a download, never rendered inline: Content-Disposition attachment + nosniff.
 * A stored file is streamed from the file store (`size` is its length); a generated one is a Buffer,
 * or a stream of unknown length (sent chunked) when it is written as it is read.
 */
export function sendDownload(
  reply: FastifyReply,
  file: { fileName: string; contentType: string } & ({ body: Buffer } | { body: Readable; size?: number }),
  cache = "private, no-store",
) {
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  reply
    .header("content-type", file.contentType)
    .header(
      "content-disposition",
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    .header("x-content-type-options", "nosniff")
    .header("cache-control", cache);
  // A Buffer's length is set by Fastify; a stream's is known only to the store.
  if ("size" in file && file.size !== undefined) reply.header("content-length", String(file.size));
  return reply.send(file.body);
}
