import {
  applicationEnvelopeSchema,
  closureEnvelopeSchema,
  kindCodes,
  LATE_PAPER_DECISIONS,
  levelCodes,
  multiline,
  occupationCodes,
  paperAndFormalCheckSchema,
  phoneSchema,
  REGIONS,
  recommendationOverviewSchema,
  recommendationQueueSchema,
  recommendedSchema,
  recommendersSchema,
} from "@linxuan/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../http/deps";
import { CONTENT_TYPES, downloadResponse, sendDownload } from "../../http/download";
import { declineApplication, recommendApplication, undoRecommendation } from "./choices";
import { closeRecommendation, renderRecommendationLetter } from "./closure";
import { getPaperAndFormalCheck, passFormalCheck, recordPaperReceipt } from "./formal-check";
import { recommendationOverview } from "./overview";
import { listQueue } from "./queue";
import { listIndustryRecommenders } from "./recommender";

const id = z.string().max(64);
const idParams = z.object({ id });
const text = (label: string, min = 2, max = 1000) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, `请填写${label}（至少${min}个字）`)
    .max(max, `${label}不超过${max}字`);

export function registerRecommendationRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/recommendation-queue",
    {
      config: { command: "recommendation.queue" },
      schema: {
        tags: ["recommendation"],
        summary: "本单位的审核队列（推荐单位或材料接收中心），含名额使用情况",
        querystring: z.object({
          batchId: id,
          kind: z.enum(kindCodes).optional(),
          occupation: z.enum(occupationCodes).optional(),
          level: z.enum(levelCodes).optional(),
          status: z.string().max(40).optional(),
          eligibility: z.enum(["pass", "review", "fail"]).optional(),
          q: z.string().max(100).optional(),
          sort: z.enum(["submittedAt", "institution", "eligibility", "rank"]).optional(),
        }),
        response: { 200: recommendationQueueSchema },
      },
    },
    async (request) => listQueue(deps, request.caller, request.query),
  );

  r.post(
    "/api/applications/:id/recommend",
    {
      config: { command: "recommendation.choose" },
      schema: {
        tags: ["recommendation"],
        summary: "推荐（推荐理由必填，排名为本单位本职业内的顺序；名额用尽时拒绝）",
        params: idParams,
        body: z.object({
          reason: multiline(text("推荐理由", 10, 1000)),
          rank: z.number({ error: "请填写排名" }).int("排名应为整数").min(1, "排名从1开始"),
        }),
        response: { 200: recommendedSchema },
      },
    },
    async (request) => recommendApplication(deps, request.caller, request.params.id, request.body),
  );

  r.post(
    "/api/applications/:id/decline",
    {
      config: { command: "recommendation.choose" },
      schema: {
        tags: ["recommendation"],
        summary: "不予推荐（理由必填）",
        params: idParams,
        body: z.object({ reason: multiline(text("不予推荐理由")) }),
        response: { 200: applicationEnvelopeSchema },
      },
    },
    async (request) => declineApplication(deps, request.caller, request.params.id, request.body.reason),
  );

  r.post(
    "/api/applications/:id/undo-recommendation",
    {
      config: { command: "recommendation.choose" },
      schema: {
        tags: ["recommendation"],
        summary: "撤销推荐或不予推荐的决定（环节未结束、名单未确认时）",
        params: idParams,
        response: { 200: applicationEnvelopeSchema },
      },
    },
    async (request) => undoRecommendation(deps, request.caller, request.params.id),
  );

  r.post(
    "/api/recommendation/close",
    {
      config: { command: "recommendation.close" },
      schema: {
        tags: ["recommendation"],
        summary: "确认推荐名单（之后出具推荐函，不能再修改）",
        body: z.object({
          batchId: id,
          leaderName: text("负责人姓名", 2, 30),
          contactName: text("联系人姓名", 2, 30),
          contactPhone: phoneSchema,
        }),
        response: { 200: closureEnvelopeSchema },
      },
    },
    async (request) => ({
      closure: await closeRecommendation(deps, request.caller, request.body.batchId, request.body),
    }),
  );

  r.get(
    "/api/recommendation/letter.:format",
    {
      config: { command: "recommendation.close" },
      schema: {
        tags: ["recommendation"],
        summary: "下载推荐函（PDF 或 Word）",
        params: z.object({ format: z.enum(["pdf", "docx"]) }),
        querystring: z.object({ batchId: id }),
        response: { 200: downloadResponse("推荐函（PDF 或 Word）", [CONTENT_TYPES.pdf, CONTENT_TYPES.docx]) },
      },
    },
    async (request, reply) =>
      sendDownload(
        reply,
        await renderRecommendationLetter(deps, request.caller, request.query.batchId, request.params.format),
      ),
  );

  r.get(
    "/api/recommenders",
    {
      config: { command: "authenticated" },
      schema: {
        tags: ["recommendation"],
        summary: "推荐单位：各省级人社部门与行业主管部门（申报评价机构时可选）",
        response: { 200: recommendersSchema },
      },
    },
    async () => ({
      regions: REGIONS.map((region) => ({ value: region.code, name: region.name })),
      industries: await listIndustryRecommenders(deps.db),
    }),
  );

  r.get(
    "/api/recommendation/overview",
    {
      config: { command: "recommendation.overview" },
      schema: {
        tags: ["recommendation"],
        summary: "各地区、各单位的推荐进度",
        querystring: z.object({ batchId: id }),
        response: { 200: recommendationOverviewSchema },
      },
    },
    async (request) => recommendationOverview(deps, request.caller, request.query.batchId),
  );

  r.post(
    "/api/applications/:id/paper-receipt",
    {
      config: { command: "formalCheck.act" },
      schema: {
        tags: ["formalCheck"],
        summary: "登记纸质材料接收（份数、接收日期；逾期的须选择逾期接收或不予接收并说明理由）",
        params: idParams,
        body: z.object({
          copies: z
            .number({ error: "请填写份数" })
            .int("份数应为整数")
            .min(1, "份数至少为1")
            .max(20, "份数不超过20"),
          receivedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "接收日期格式应为 YYYY-MM-DD"),
          note: multiline(z.string().trim().max(500)).nullable().optional(),
          lateDecision: z
            .enum(LATE_PAPER_DECISIONS, { error: "逾期处理应为逾期接收或不予接收" })
            .nullable()
            .optional(),
          lateReason: multiline(z.string().trim().max(500, "逾期处理理由不超过500字")).nullable().optional(),
        }),
        response: { 200: applicationEnvelopeSchema },
      },
    },
    async (request) => ({
      application: await recordPaperReceipt(deps, request.caller, request.params.id, request.body),
    }),
  );

  r.post(
    "/api/applications/:id/formal-check",
    {
      config: { command: "formalCheck.act" },
      schema: {
        tags: ["formalCheck"],
        summary: "形式审查通过（须已登记足够份数的纸质材料），可附审查意见",
        params: idParams,
        body: z
          .object({
            opinion: multiline(z.string().trim().max(500, "审查意见不超过500字")).nullable().optional(),
          })
          .optional(),
        response: { 200: applicationEnvelopeSchema },
      },
    },
    async (request) => ({
      application: await passFormalCheck(deps, request.caller, request.params.id, request.body ?? {}),
    }),
  );

  r.get(
    "/api/applications/:id/formal-check",
    {
      config: { command: "application.view" },
      schema: {
        tags: ["formalCheck"],
        summary: "纸质材料接收与形式审查情况（申报单位可见）",
        params: idParams,
        response: { 200: paperAndFormalCheckSchema },
      },
    },
    async (request) => getPaperAndFormalCheck(deps, request.caller, request.params.id),
  );
}
