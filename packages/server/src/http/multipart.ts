import type { FastifyRequest } from "fastify";
import type { Deps } from "./deps";
import { checkPartText } from "./text-boundary";

export type Evidence = { fileName: string; content: Buffer; truncated: boolean };

// The public forms' fields, named as on the page; only the account of the facts spans lines.
const FIELD_LABELS: Record<string, string> = {
  itemId: "公示条目",
  category: "举报类别",
  name: "姓名",
  organisation: "工作单位或身份证号",
  phone: "联系电话",
  email: "电子邮箱",
  content: "事实和理由",
};
const MULTILINE_FIELDS = new Set(["content"]);

/**
 * Reads a multipart form of text fields and evidence files (objections and complaints). Every
 * field and file name passes the text rule, as JSON bodies do.
 */
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
        fileName: checkPartText("证据文件名", part.fieldname, part.filename),
        content: content ?? Buffer.alloc(0),
        truncated: content === null || part.file.truncated,
      });
    } else {
      const name = checkPartText("字段名", part.fieldname, part.fieldname);
      fields[name] = checkPartText(
        FIELD_LABELS[name] ?? `字段 ${name} `,
        name,
        String(part.value ?? ""),
        MULTILINE_FIELDS.has(name),
      );
    }
  }
  return { fields, evidence };
}
