import {
  siteVisitConcludeSchema,
  siteVisitEnvelopeSchema,
  siteVisitPlanSchema,
  siteVisitRecordSchema,
} from "@linxuan/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../http/deps";
import { CONTENT_TYPES, downloadResponse, sendDownload } from "../../http/download";
import { AppError } from "../../http/errors";
import { checkPartText } from "../../http/text-boundary";
import { stageUpload } from "../../storage/staging";
import {
  concludeSiteVisit,
  downloadSiteVisitAttachment,
  getSiteVisit,
  planSiteVisit,
  recordSiteVisit,
  uploadSiteVisitAttachment,
} from "./service";

const id = z.string().max(64);
const params = z.object({ id });

/** 考察: the office plans, records and concludes a site visit of an application under review. */
export function registerSiteVisitRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/applications/:id/site-visit",
    {
      config: { command: "application.view" },
      schema: {
        tags: ["site-visits"],
        summary: "考察记录（方案、情况、材料、结论）",
        params,
        response: { 200: siteVisitEnvelopeSchema },
      },
    },
    async (request) => getSiteVisit(deps, request.caller, request.params.id),
  );

  r.put(
    "/api/applications/:id/site-visit/plan",
    {
      config: { command: "review.manage" },
      schema: {
        tags: ["site-visits"],
        summary: "制定或修改考察方案（记录考察情况之前）",
        params,
        body: siteVisitPlanSchema,
        response: { 200: siteVisitEnvelopeSchema },
      },
    },
    async (request) => planSiteVisit(deps, request.caller, request.params.id, request.body),
  );

  r.put(
    "/api/applications/:id/site-visit/findings",
    {
      config: { command: "review.manage" },
      schema: {
        tags: ["site-visits"],
        summary: "记录考察情况（作出结论之前可修改）",
        params,
        body: siteVisitRecordSchema,
        response: { 200: siteVisitEnvelopeSchema },
      },
    },
    async (request) => recordSiteVisit(deps, request.caller, request.params.id, request.body),
  );

  r.post(
    "/api/applications/:id/site-visit/conclusion",
    {
      config: { command: "review.manage" },
      schema: {
        tags: ["site-visits"],
        summary: "作出考察结论（符合、基本符合或不符合；作出后不能修改）",
        params,
        body: siteVisitConcludeSchema,
        response: { 200: siteVisitEnvelopeSchema },
      },
    },
    async (request) => concludeSiteVisit(deps, request.caller, request.params.id, request.body),
  );

  r.post(
    "/api/applications/:id/site-visit/attachments",
    {
      config: { command: "review.manage" },
      schema: {
        tags: ["site-visits"],
        summary: "上传考察材料（multipart：file；PDF/JPG/PNG，按内容识别）",
        params,
        response: { 201: siteVisitEnvelopeSchema },
      },
    },
    async (request, reply) => {
      const part = await request.file({ limits: { fileSize: deps.config.uploadMaxBytes, files: 1 } });
      if (!part)
        throw new AppError("VALIDATION_FAILED", "请选择要上传的考察材料", {
          fields: [{ path: "file", message: "请选择要上传的文件" }],
        });
      const file = await stageUpload(part.file, { maxBytes: deps.config.uploadMaxBytes });
      try {
        const visit = await uploadSiteVisitAttachment(deps, request.caller, request.params.id, {
          fileName: checkPartText("文件名", "file", part.filename),
          file,
        });
        return reply.status(201).send(visit);
      } finally {
        await file.discard();
      }
    },
  );

  r.get(
    "/api/applications/:id/site-visit/attachments/:attachmentId",
    {
      config: { command: "application.view" },
      schema: {
        tags: ["site-visits"],
        summary: "下载考察材料（记入审计）",
        params: z.object({ id, attachmentId: id }),
        response: {
          200: downloadResponse("考察材料（PDF、JPG 或 PNG）", [
            CONTENT_TYPES.pdf,
            "image/jpeg",
            "image/png",
          ]),
        },
      },
    },
    async (request, reply) =>
      sendDownload(
        reply,
        await downloadSiteVisitAttachment(
          deps,
          request.caller,
          request.params.id,
          request.params.attachmentId,
        ),
      ),
  );
}
