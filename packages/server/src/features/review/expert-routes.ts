import { reviewPledgeSchema } from "@linxuan/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../http/deps";
import { CONTENT_TYPES, downloadResponse, sendDownload } from "../../http/download";
import { downloadReviewAttachment } from "./materials";
import { acceptPledge, loadPledge } from "./pledge";

const id = z.string().max(64);

/** The expert's 评审承诺 and the attachments of an assigned application. */
export function registerExpertReviewRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/expert/assignments/:id/pledge",
    {
      config: { command: "review.score" },
      schema: {
        tags: ["expert"],
        summary: "评审承诺（本批次；是否已接受）",
        params: z.object({ id }),
        response: { 200: reviewPledgeSchema },
      },
    },
    async (request) => loadPledge(deps, request.caller, request.params.id),
  );
  r.post(
    "/api/expert/assignments/:id/pledge",
    {
      config: { command: "review.score" },
      schema: {
        tags: ["expert"],
        summary: "接受评审承诺（打开第一份评议材料之前）",
        params: z.object({ id }),
        body: z.object({
          accept: z.literal(true, { error: "请勾选“我已阅读并承诺遵守”" }),
        }),
        response: { 200: reviewPledgeSchema },
      },
    },
    async (request) => acceptPledge(deps, request.caller, request.params.id),
  );
  r.get(
    "/api/expert/assignments/:id/attachments/:attachmentId",
    {
      config: { command: "review.score" },
      schema: {
        tags: ["expert"],
        summary: "下载评议申报的附件（仅限分配的专家，记入审计日志）",
        params: z.object({ id, attachmentId: id }),
        response: {
          200: downloadResponse("附件（PDF、JPG 或 PNG）", [CONTENT_TYPES.pdf, "image/jpeg", "image/png"]),
        },
      },
    },
    async (request, reply) =>
      sendDownload(
        reply,
        await downloadReviewAttachment(deps, request.caller, request.params.id, request.params.attachmentId),
      ),
  );
}
