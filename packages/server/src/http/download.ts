import type { Readable } from "node:stream";
import type { FastifyReply } from "fastify";

/**
 * Sends a file as a download, never rendered inline: Content-Disposition attachment + nosniff.
 * A stored file is streamed from the file store (`size` is its length); a generated one is a Buffer.
 */
export function sendDownload(
  reply: FastifyReply,
  file: { fileName: string; contentType: string } & ({ body: Buffer } | { body: Readable; size: number }),
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
  if ("size" in file) reply.header("content-length", String(file.size));
  return reply.send(file.body);
}
