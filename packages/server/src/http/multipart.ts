import type { FastifyRequest } from "fastify";
import { type StagedUpload, stageUpload } from "../storage/staging";
import type { Deps } from "./deps";
import { checkPartText } from "./text-boundary";

/** One evidence file as received: staged in a temporary file (see storage/staging.ts). */
export type Evidence = { fileName: string; file: StagedUpload };

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
 * Reads a multipart form of text fields and evidence files (objections and complaints) and hands
 * it to `use`. Every field and file name passes the text rule, as JSON bodies do. The files are
 * received into temporary files (a form's parts arrive one after the other, so each must be read
 * before the next), which are removed when `use` is done, whether it stored them or not.
 */
export async function withEvidenceForm<T>(
  request: FastifyRequest,
  deps: Deps,
  use: (form: { fields: Record<string, string>; evidence: Evidence[] }) => Promise<T>,
): Promise<T> {
  const evidence: Evidence[] = [];
  try {
    return await use({ fields: await readParts(request, deps, evidence), evidence });
  } finally {
    await Promise.all(evidence.map((item) => item.file.discard()));
  }
}

async function readParts(request: FastifyRequest, deps: Deps, evidence: Evidence[]) {
  const fields: Record<string, string> = {};
  for await (const part of request.parts({
    limits: { fileSize: deps.config.uploadMaxBytes, files: 5, fields: 12, fieldSize: 20_000 },
  })) {
    if (part.type === "file") {
      const received: Evidence = {
        fileName: "",
        file: await stageUpload(part.file, { maxBytes: deps.config.uploadMaxBytes }),
      };
      evidence.push(received);
      received.fileName = checkPartText("证据文件名", part.fieldname, part.filename);
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
  return fields;
}
