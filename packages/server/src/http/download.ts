import type { FastifyReply } from "fastify";

/** Sends a file as a download, never rendered inline: Content-Disposition attachment + nosniff. */
export function sendDownload(
  reply: FastifyReply,
  file: { body: Buffer; fileName: string; contentType: string },
  cache = "private, no-store",
) {
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return reply
    .header("content-type", file.contentType)
    .header(
      "content-disposition",
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    .header("x-content-type-options", "nosniff")
    .header("cache-control", cache)
    .send(file.body);
}
