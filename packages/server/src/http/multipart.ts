import type { FastifyRequest } from "fastify";
import type { Deps } from "./deps";

export type Evidence = { fileName: string; content: Buffer; truncated: boolean };

/** Reads a multipart form of text fields and evidence files (objections and complaints). */
export async function readEvidenceForm(request: FastifyRequest, deps: Deps) {
  const fields: Record<string, string> = {};
  const evidence: Evidence[] = [];
  for await (const part of request.parts({
    limits: { fileSize: deps.config.uploadMaxBytes, files: 5, fields: 12, fieldSize: 20_000 },
  })) {
    if (part.type === "file") {
      const content = await part.toBuffer().catch((error: { code?: string }) => {
        if (error.code === "FST_REQ_FILE_TOO_LARGE") return null;
        throw error;
      });
      evidence.push({
        fileName: part.filename,
        content: content ?? Buffer.alloc(0),
        truncated: content === null || part.file.truncated,
      });
    } else {
      fields[part.fieldname] = String(part.value ?? "");
    }
  }
  return { fields, evidence };
}
