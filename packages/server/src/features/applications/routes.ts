import {
  applicantCategoryCodes,
  applicationDeletedSchema,
  applicationEnvelopeSchema,
  applicationListSchema,
  applicationOptionsSchema,
  applicationStartedSchema,
  applicationVersionEnvelopeSchema,
  attachmentEnvelopeSchema,
  attachmentRemovedSchema,
  batchExportStartedSchema,
  draftSavedSchema,
  kindCodes,
  levelCodes,
  multiline,
  occupationCodes,
  revealedValueSchema,
  shanghaiDate,
  tableImportSchema,
  versionDiffSchema,
} from "@linxuan/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../http/deps";
import { CONTENT_TYPES, downloadResponse, sendDownload } from "../../http/download";
import { AppError } from "../../http/errors";
import { checkPartText } from "../../http/text-boundary";
import { stageUpload } from "../../storage/staging";
import { downloadAttachment, removeAttachment, uploadAttachment } from "./attachments";
import { startBatchExport } from "./batch-export";
import { deleteDraft } from "./delete-draft";
import { renderApplicationDocument, revealValue } from "./documents";
import { applicationOptions, listMyApplications, saveDraft, startApplication } from "./service";
import {
  diffVersions,
  getVersion,
  returnApplication,
  submitApplication,
  withdrawApplication,
} from "./submission";
import { importTableXlsx, tableTemplateXlsx } from "./tables";
import { getApplication } from "./view";

const id = z.string().max(64);
const idParams = z.object({ id });
const reason = (label: string) =>
  multiline(
    z
      .string({ error: `请填写${label}` })
      .trim()
      .min(2, `请填写${label}（至少2个字）`)
      .max(1000, `${label}不超过1000字`),
  );

export function registerApplicationRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/applications",
    {
      config: { command: "application.create" },
      schema: { tags: ["applications"], summary: "本单位的申报", response: { 200: applicationListSchema } },
    },
    async (request) => ({
      items: await listMyApplications(deps, request.caller),
    }),
  );

  r.get(
    "/api/batches/:id/application-options",
    {
      config: { command: "application.create" },
      schema: {
        tags: ["applications"],
        summary: "本单位在该批次可申报的机构类型与职业（含不可申报的原因）",
        params: idParams,
        response: { 200: applicationOptionsSchema },
      },
    },
    async (request) => applicationOptions(deps, request.caller, request.params.id),
  );

  r.post(
    "/api/applications",
    {
      config: { command: "application.create" },
      schema: {
        tags: ["applications"],
        summary: "新建申报（一个职业一份）",
        body: z.object({
          batchId: id,
          kind: z.enum(kindCodes, { error: "请选择机构类型" }),
          occupation: z.enum(occupationCodes, { error: "请选择职业" }),
          levels: z.array(z.enum(levelCodes)).min(1, "请至少选择一个专业技术等级"),
          applicantCategory: z.enum(applicantCategoryCodes).nullable().optional(),
          /** 从已有申报复制: an earlier application of the same institution (any batch). */
          sourceApplicationId: id.optional(),
        }),
        response: { 201: applicationStartedSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await startApplication(deps, request.caller, request.body)),
  );

  r.delete(
    "/api/applications/:id",
    {
      config: { command: "application.edit" },
      schema: {
        tags: ["applications"],
        summary: "删除草稿（仅限本单位未提交的申报，连同其附件）",
        params: idParams,
        response: { 200: applicationDeletedSchema },
      },
    },
    async (request) => deleteDraft(deps, request.caller, request.params.id),
  );

  r.get(
    "/api/applications/:id",
    {
      config: { command: "application.view" },
      schema: {
        tags: ["applications"],
        summary: "申报详情",
        params: idParams,
        response: { 200: applicationEnvelopeSchema },
      },
    },
    async (request) => ({
      application: await getApplication(deps, request.caller, request.params.id),
    }),
  );

  r.put(
    "/api/applications/:id/draft",
    {
      config: { command: "application.edit" },
      schema: {
        tags: ["applications"],
        summary: "自动保存草稿（带版本号；冲突返回 409 与当前内容）",
        params: idParams,
        body: z.object({
          values: z.record(z.string(), z.unknown()),
          applicantCategory: z.enum(applicantCategoryCodes).nullable().optional(),
          baseRevision: z.number().int().positive(),
        }),
        response: { 200: draftSavedSchema },
      },
    },
    async (request) => saveDraft(deps, request.caller, request.params.id, request.body),
  );

  r.post(
    "/api/applications/:id/submit",
    {
      config: { command: "application.submit" },
      schema: {
        tags: ["applications"],
        summary: "提交申报（截止时间以服务器时间为准，精确到秒）",
        params: idParams,
        body: z.object({
          recommender: z
            .object({ type: z.enum(["region", "industry"]), value: z.string().max(100) })
            .nullable()
            .optional(),
        }),
        response: { 200: applicationEnvelopeSchema },
      },
    },
    async (request) => ({
      application: await submitApplication(deps, request.caller, request.params.id, request.body),
    }),
  );

  r.post(
    "/api/applications/:id/withdraw",
    {
      config: { command: "application.withdraw" },
      schema: {
        tags: ["applications"],
        summary: "撤回申报",
        params: idParams,
        body: z.object({ reason: reason("撤回原因") }),
        response: { 200: applicationEnvelopeSchema },
      },
    },
    async (request) => ({
      application: await withdrawApplication(deps, request.caller, request.params.id, request.body.reason),
    }),
  );

  r.post(
    "/api/applications/:id/return",
    {
      config: { command: "application.return" },
      schema: {
        tags: ["applications"],
        summary: "退回修改（附理由，可逐项说明，可设答复期限）",
        params: idParams,
        body: z.object({
          reason: reason("退回理由"),
          fieldComments: z
            .array(
              z.object({ path: z.string().max(100), message: multiline(z.string().trim().min(1).max(500)) }),
            )
            .max(100)
            .optional(),
          replyBy: z.iso.datetime({ offset: true }).nullable().optional(),
        }),
        response: { 200: applicationEnvelopeSchema },
      },
    },
    async (request) => ({
      application: await returnApplication(deps, request.caller, request.params.id, request.body),
    }),
  );

  r.get(
    "/api/applications/:id/versions/:number",
    {
      config: { command: "application.view" },
      schema: {
        tags: ["applications"],
        summary: "已提交的某一版本",
        params: z.object({ id, number: z.coerce.number().int().positive() }),
        response: { 200: applicationVersionEnvelopeSchema },
      },
    },
    async (request) => ({
      version: await getVersion(deps, request.caller, request.params.id, request.params.number),
    }),
  );

  r.get(
    "/api/applications/:id/diff",
    {
      config: { command: "application.view" },
      schema: {
        tags: ["applications"],
        summary: "两个版本（或版本与草稿）之间的差异",
        params: idParams,
        querystring: z.object({
          from: z.string().regex(/^(\d{1,4}|draft)$/),
          to: z.string().regex(/^(\d{1,4}|draft)$/),
        }),
        response: { 200: versionDiffSchema },
      },
    },
    async (request) =>
      diffVersions(deps, request.caller, request.params.id, request.query.from, request.query.to),
  );

  r.post(
    "/api/batches/:id/exports/applications",
    {
      config: { command: "application.exportBatch" },
      schema: {
        tags: ["applications"],
        summary: "批量导出本批次申报材料（后台任务：申报表 PDF 与汇总表打包为 ZIP）",
        params: z.object({ id }),
        response: { 202: batchExportStartedSchema },
      },
    },
    async (request, reply) =>
      reply.code(202).send(await startBatchExport(deps, request.caller, request.params.id)),
  );

  r.get(
    "/api/applications/:id/form.:format",
    {
      config: { command: "application.view" },
      schema: {
        tags: ["applications"],
        summary: "下载申报表（PDF 或 Word）；version 缺省为草稿（带“草稿”水印）",
        params: z.object({ id, format: z.enum(["pdf", "docx"]) }),
        querystring: z.object({ version: z.coerce.number().int().positive().optional() }),
        response: { 200: downloadResponse("申报表（PDF 或 Word）", [CONTENT_TYPES.pdf, CONTENT_TYPES.docx]) },
      },
    },
    async (request, reply) =>
      sendDownload(
        reply,
        await renderApplicationDocument(
          deps,
          request.caller,
          request.params.id,
          request.params.format,
          request.query.version ?? "draft",
        ),
      ),
  );

  r.post(
    "/api/applications/:id/reveal",
    {
      config: { command: "application.reveal" },
      schema: {
        tags: ["applications"],
        summary: "查看完整身份证号或电话（记入审计）",
        params: idParams,
        body: z.object({ path: z.string().max(100) }),
        response: { 200: revealedValueSchema },
      },
    },
    async (request) => revealValue(deps, request.caller, request.params.id, request.body.path),
  );

  r.post(
    "/api/applications/:id/attachments",
    {
      config: { command: "application.edit" },
      schema: {
        tags: ["applications"],
        summary: "上传附件（multipart：code、replace、file；PDF/JPG/PNG，按内容识别）",
        params: idParams,
        response: { 201: attachmentEnvelopeSchema },
      },
    },
    async (request, reply) => {
      const part = await request.file({ limits: { fileSize: deps.config.uploadMaxBytes, files: 1 } });
      if (!part)
        throw new AppError("VALIDATION_FAILED", "请选择要上传的文件", {
          fields: [{ path: "file", message: "请选择要上传的文件" }],
        });
      const field = (name: string) => {
        const value = part.fields[name];
        const text = value && !Array.isArray(value) && "value" in value ? String(value.value) : "";
        return checkPartText(`字段 ${name} `, name, text);
      };
      // Received into a temporary file while hashed, not into memory; stored once accepted.
      const file = await stageUpload(part.file, { maxBytes: deps.config.uploadMaxBytes });
      try {
        const attachment = await uploadAttachment(deps, request.caller, request.params.id, {
          code: field("code"),
          fileName: checkPartText("文件名", "file", part.filename),
          file,
          replace: field("replace") === "true",
        });
        return reply.status(201).send({ attachment });
      } finally {
        await file.discard();
      }
    },
  );

  r.delete(
    "/api/applications/:id/attachments/:attachmentId",
    {
      config: { command: "application.edit" },
      schema: {
        tags: ["applications"],
        summary: "删除草稿中的附件",
        params: z.object({ id, attachmentId: id }),
        response: { 200: attachmentRemovedSchema },
      },
    },
    async (request) => removeAttachment(deps, request.caller, request.params.id, request.params.attachmentId),
  );

  r.get(
    "/api/applications/:id/attachments/:attachmentId",
    {
      config: { command: "application.view" },
      schema: {
        tags: ["applications"],
        summary: "下载附件",
        params: z.object({ id, attachmentId: id }),
        response: {
          200: downloadResponse("附件（PDF、JPG 或 PNG）", [CONTENT_TYPES.pdf, "image/jpeg", "image/png"]),
        },
      },
    },
    async (request, reply) => {
      const file = await downloadAttachment(
        deps,
        request.caller,
        request.params.id,
        request.params.attachmentId,
      );
      return sendDownload(reply, file);
    },
  );

  r.get(
    "/api/form-templates/:templateId/tables/:table/template.xlsx",
    {
      config: { command: "authenticated" },
      schema: {
        tags: ["applications"],
        summary: "下载表格导入模板（Excel）",
        params: z.object({ templateId: z.string().max(64), table: z.string().max(64) }),
        response: { 200: downloadResponse("表格导入模板（Excel）", [CONTENT_TYPES.xlsx]) },
      },
    },
    async (request, reply) =>
      sendDownload(reply, await tableTemplateXlsx(request.params.templateId, request.params.table)),
  );

  r.post(
    "/api/form-templates/:templateId/tables/:table/import",
    {
      config: { command: "application.edit" },
      schema: {
        tags: ["applications"],
        summary: "解析上传的 Excel，返回表格行与逐行错误（不保存）",
        params: z.object({ templateId: z.string().max(64), table: z.string().max(64) }),
        response: { 200: tableImportSchema },
      },
    },
    async (request) => {
      const part = await request.file({ limits: { fileSize: 5 * 1_048_576, files: 1 } });
      if (!part) throw new AppError("VALIDATION_FAILED", "请选择要导入的 Excel 文件");
      const content = await part.toBuffer();
      return importTableXlsx(
        request.params.templateId,
        request.params.table,
        content,
        part.file.truncated,
        shanghaiDate(deps.clock()),
      );
    },
  );
}
