import { type BatchDefinition, getFormTemplate, type KindCode } from "@linxuan/domain";
import { documentPool } from "../../documents/pool";
import { notFound } from "../../http/errors";

/** The blank forms a batch offers for download, one per kind it accepts. */
export function blankFormLinks(batchId: string, definition: BatchDefinition) {
  return definition.kinds.flatMap((kind) => {
    const templateId = definition.formTemplates[kind];
    const template = templateId ? getFormTemplate(templateId) : undefined;
    if (!template) return [];
    const base = `/api/public/batches/${batchId}/forms/${kind}`;
    return [{ kind, title: template.title, pdfUrl: `${base}.pdf`, docxUrl: `${base}.docx` }];
  });
}

const cache = new Map<string, Buffer>();

/** Renders (and caches, templates being immutable) one blank form of a batch. */
export async function blankFormFile(definition: BatchDefinition, file: string) {
  const [kind, extension] = file.split(".") as [KindCode, "pdf" | "docx"];
  const templateId = definition.kinds.includes(kind) ? definition.formTemplates[kind] : null;
  const template = templateId ? getFormTemplate(templateId) : undefined;
  if (!template) throw notFound("申报表");
  const key = `${template.id}@${template.version}.${extension}`;
  // Rendered in a worker thread; the document libraries load there, on first use.
  const body =
    cache.get(key) ??
    (await documentPool().render({ format: extension, template, values: null, options: {} }));
  cache.set(key, body);
  return {
    body,
    extension,
    fileName: `${template.title}（空白）.${extension}`,
    contentType:
      extension === "pdf"
        ? "application/pdf"
        : "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  };
}
