import {
  publicBatchEnvelopeSchema,
  publicBatchListSchema,
  staffBatchEnvelopeSchema,
  staffBatchListSchema,
} from "@linxuan/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../http/deps";
import { CONTENT_TYPES, downloadResponse, sendDownload } from "../../http/download";
import { blankFormFile, blankFormLinks } from "./blank-forms";
import {
  cloneBatch,
  createBatch,
  getBatch,
  getPublishedBatch,
  listAllBatches,
  listPublishedBatches,
  parseDefinition,
  publishBatch,
  updateBatch,
} from "./service";

const idParams = z.object({ id: z.string().max(64) });
// Definitions are validated by the domain (validateBatchDefinition) so the client gets every
// problem with its path at once, as BATCH_INVALID, rather than the first schema error.
const definitionBody = z.object({ definition: z.unknown() });

export function registerBatchRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/public/batches",
    {
      config: { command: "public" },
      schema: {
        tags: ["public"],
        summary: "已发布的遴选批次（通知公告）",
        response: { 200: publicBatchListSchema },
      },
    },
    async () => ({ items: await listPublishedBatches(deps) }),
  );

  r.get(
    "/api/public/batches/:id",
    {
      config: { command: "public" },
      schema: {
        tags: ["public"],
        summary: "批次通知全文、日期、职业与申报表下载",
        params: idParams,
        response: {
          200: publicBatchEnvelopeSchema,
        },
      },
    },
    async (request) => {
      const { summary, row } = await getPublishedBatch(deps, request.params.id);
      const definition = parseDefinition(row);
      return { batch: { ...summary, definition, forms: blankFormLinks(row.id, definition) } };
    },
  );

  r.get(
    "/api/public/batches/:id/forms/:file",
    {
      config: { command: "public" },
      schema: {
        tags: ["public"],
        summary: "下载空白申报表（training.pdf / training.docx / evaluation.pdf / evaluation.docx）",
        params: z.object({
          id: z.string().max(64),
          file: z.string().regex(/^(training|evaluation)\.(pdf|docx)$/, "文件名不正确"),
        }),
        response: {
          200: downloadResponse("空白申报表（PDF 或 Word）", [CONTENT_TYPES.pdf, CONTENT_TYPES.docx]),
        },
      },
    },
    async (request, reply) => {
      const { row } = await getPublishedBatch(deps, request.params.id);
      const file = await blankFormFile(parseDefinition(row), request.params.file);
      return sendDownload(reply, file, "no-cache");
    },
  );

  r.get(
    "/api/batches",
    {
      config: { command: "batch.view" },
      schema: {
        tags: ["batches"],
        summary: "全部批次（含草稿）",
        response: {
          200: staffBatchListSchema,
        },
      },
    },
    async () => ({ items: await listAllBatches(deps) }),
  );

  r.get(
    "/api/batches/:id",
    {
      config: { command: "batch.view" },
      schema: {
        tags: ["batches"],
        summary: "批次详情",
        params: idParams,
        response: { 200: staffBatchEnvelopeSchema },
      },
    },
    async (request) => ({ batch: await getBatch(deps, request.params.id) }),
  );

  r.post(
    "/api/batches",
    {
      config: { command: "batch.create" },
      schema: {
        tags: ["batches"],
        summary: "新建批次草稿",
        body: definitionBody,
        response: { 201: staffBatchEnvelopeSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send({ batch: await createBatch(deps, request.caller, request.body.definition) }),
  );

  r.put(
    "/api/batches/:id",
    {
      config: { command: "batch.edit" },
      schema: {
        tags: ["batches"],
        summary: "保存批次草稿（带版本号，冲突返回 409）",
        params: idParams,
        body: definitionBody.extend({ version: z.number().int().positive() }),
        response: { 200: staffBatchEnvelopeSchema },
      },
    },
    async (request) => ({
      batch: await updateBatch(
        deps,
        request.caller,
        request.params.id,
        request.body.definition,
        request.body.version,
      ),
    }),
  );

  r.post(
    "/api/batches/:id/clone",
    {
      config: { command: "batch.create" },
      schema: {
        tags: ["batches"],
        summary: "复制为新批次草稿",
        params: idParams,
        response: { 201: staffBatchEnvelopeSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send({ batch: await cloneBatch(deps, request.caller, request.params.id) }),
  );

  r.post(
    "/api/batches/:id/publish",
    {
      config: { command: "batch.publish" },
      schema: {
        tags: ["batches"],
        summary: "发布批次",
        params: idParams,
        response: { 200: staffBatchEnvelopeSchema },
      },
    },
    async (request) => ({ batch: await publishBatch(deps, request.caller, request.params.id) }),
  );
}
