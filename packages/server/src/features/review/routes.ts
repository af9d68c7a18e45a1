import {
  assignmentPreviewSchema,
  assignmentsAppliedSchema,
  conflictOverrideSchema,
  decisionMadeSchema,
  expertAssignmentListSchema,
  jobStartedSchema,
  MAX_DRAW_SEED,
  multiline,
  okSchema,
  openedAssignmentSchema,
  randomDrawListSchema,
  randomDrawSchema,
  reviewCandidateListSchema,
  reviewCompletedSchema,
  reviewProgressSchema,
  reviewRankingSchema,
  reviewRoundEnvelopeSchema,
  sheetSavedSchema,
} from "@linxuan/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireActor } from "../../http/auth";
import type { Deps } from "../../http/deps";
import { CONTENT_TYPES, downloadResponse, sendDownload } from "../../http/download";
import { expertIdsByUsername } from "../experts/service";
import {
  applyAssignments,
  previewAssignment,
  removeAssignment,
  resolveApplicationRefs,
  reviewCandidates,
} from "./assignment";
import { startAutoAssign } from "./auto-assign";
import { decideApplication } from "./decision";
import {
  completeReview,
  openScores,
  overrideConflict,
  reopenSheet,
  reviewOpinionDocument,
  reviewProgress,
  reviewRanking,
} from "./office";
import { listDraws, randomDraw } from "./random-draw";
import { loadOfficeBatch, roundSettingsSchema, saveRound } from "./round";
import { declareConflict, listMyAssignments, openAssignment, saveSheet } from "./scoring";

const id = z.string().max(64);
const batchParams = z.object({ batchId: id });
const reason = (label: string) =>
  multiline(
    z
      .string({ error: `请填写${label}` })
      .trim()
      .min(2, `请填写${label}`)
      .max(1000, `${label}不超过1000字`),
  );
const sheetBody = z.object({
  scores: z.record(z.string(), z.number().nullable()),
  rationales: z.record(z.string(), multiline(z.string().max(2000))),
  overall: multiline(z.string().max(3000)),
  revision: z.number().int().min(0),
});
const pairs = z
  .array(z.object({ applicationId: id, expertId: id }))
  .min(1, "没有要保存的分配")
  .max(5000);

export function registerReviewRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/review/:batchId/settings",
    {
      config: { command: "review.manage" },
      schema: {
        tags: ["review"],
        summary: "评议设置（含评分细则）",
        params: batchParams,
        response: { 200: reviewRoundEnvelopeSchema },
      },
    },
    async (request) => ({
      round: (await loadOfficeBatch(deps, requireActor(request), request.params.batchId)).round,
    }),
  );
  r.put(
    "/api/review/:batchId/settings",
    {
      config: { command: "review.manage" },
      schema: {
        tags: ["review"],
        summary: "保存评议设置",
        params: batchParams,
        body: roundSettingsSchema,
        response: { 200: reviewRoundEnvelopeSchema },
      },
    },
    async (request) => ({
      round: await saveRound(deps, request.caller, request.params.batchId, request.body),
    }),
  );
  r.post(
    "/api/review/:batchId/assignments/preview",
    {
      config: { command: "review.manage" },
      schema: {
        tags: ["review"],
        summary: "自动分配预览（不保存）",
        params: batchParams,
        response: { 200: assignmentPreviewSchema },
      },
    },
    async (request) => previewAssignment(deps, request.caller, request.params.batchId),
  );
  r.post(
    "/api/review/:batchId/assignments/auto",
    {
      config: { command: "review.manage" },
      schema: {
        tags: ["review"],
        summary: "自动分配（后台任务）：apply=false 只计算方案供确认，apply=true 计算并保存",
        params: batchParams,
        body: z.object({ apply: z.boolean().default(false) }),
        response: { 202: jobStartedSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(202)
        .send(await startAutoAssign(deps, request.caller, request.params.batchId, request.body.apply)),
  );
  r.post(
    "/api/review/:batchId/assignments/random",
    {
      config: { command: "review.manage" },
      schema: {
        tags: ["review"],
        summary: "随机抽取专家（回避规则；记录随机种子，可复现）：apply=false 只预览",
        params: batchParams,
        body: z.object({
          apply: z.boolean().default(false),
          seed: z
            .number({ error: "随机种子须为整数" })
            .int("随机种子须为整数")
            .min(0, "随机种子不能为负数")
            .max(MAX_DRAW_SEED, `随机种子不超过${MAX_DRAW_SEED}`)
            .optional(),
        }),
        response: { 200: randomDrawSchema },
      },
    },
    async (request) => randomDraw(deps, request.caller, request.params.batchId, request.body),
  );
  r.get(
    "/api/review/:batchId/draws",
    {
      config: { command: "review.manage" },
      schema: {
        tags: ["review"],
        summary: "已保存的随机抽取及其随机种子",
        params: batchParams,
        response: { 200: randomDrawListSchema },
      },
    },
    async (request) => ({ items: await listDraws(deps, request.caller, request.params.batchId) }),
  );
  r.post(
    "/api/review/:batchId/assignments",
    {
      config: { command: "review.manage" },
      schema: {
        tags: ["review"],
        summary: "保存分配（整体校验，一项不合格则全部不保存）",
        params: batchParams,
        body: z.object({ assignments: pairs, source: z.enum(["auto", "manual", "csv"]).default("manual") }),
        response: { 200: assignmentsAppliedSchema },
      },
    },
    async (request) =>
      applyAssignments(
        deps,
        request.caller,
        request.params.batchId,
        request.body.assignments,
        request.body.source,
      ),
  );
  r.post(
    "/api/review/:batchId/assignments/csv",
    {
      config: { command: "review.manage" },
      schema: {
        tags: ["review"],
        summary: "批量分配（CSV：申报编号,专家用户名）",
        params: batchParams,
        body: z.object({ text: multiline(z.string().min(1).max(200_000)) }),
        response: { 200: assignmentsAppliedSchema },
      },
    },
    async (request) => {
      const lines = request.body.text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line && !line.startsWith("#"));
      const rows = lines
        .filter((line, index) => !(index === 0 && /申报|application/i.test(line)))
        .map((line) => line.split(/[,，\t]/).map((cell) => cell.trim()));
      const byUsername = await expertIdsByUsername(deps.db);
      const applicationIds = await resolveApplicationRefs(
        deps,
        request.params.batchId,
        rows.map(([ref = ""]) => ref),
      );
      const assignments = rows.map(([ref = "", username = ""]) => ({
        applicationId: applicationIds.get(ref) ?? ref,
        expertId: byUsername.get(username) ?? `unknown:${username}`,
      }));
      return applyAssignments(deps, request.caller, request.params.batchId, assignments, "csv");
    },
  );
  r.delete(
    "/api/review/assignments/:id",
    {
      config: { command: "review.manage" },
      schema: {
        tags: ["review"],
        summary: "取消分配（改派、逾期）",
        params: z.object({ id }),
        body: z.object({ reason: reason("取消原因") }),
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await removeAssignment(deps, request.caller, request.params.id, request.body.reason);
      return { ok: true as const };
    },
  );
  r.get(
    "/api/review/:batchId/candidates",
    {
      config: { command: "review.manage" },
      schema: {
        tags: ["review"],
        summary: "待评议的申报、已分配专家与利益冲突",
        params: batchParams,
        response: { 200: reviewCandidateListSchema },
      },
    },
    async (request) => ({ items: await reviewCandidates(deps, request.caller, request.params.batchId) }),
  );
  r.get(
    "/api/review/:batchId/progress",
    {
      config: { command: "review.manage" },
      schema: {
        tags: ["review"],
        summary: "评议进度与逾期",
        params: batchParams,
        response: { 200: reviewProgressSchema },
      },
    },
    async (request) => reviewProgress(deps, request.caller, request.params.batchId),
  );
  r.post(
    "/api/review/conflicts",
    {
      config: { command: "review.manage" },
      schema: {
        tags: ["review"],
        summary: "指定或解除回避（须说明理由）",
        body: conflictOverrideSchema.extend({ expertId: id, applicationId: id }),
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await overrideConflict(deps, request.caller, request.body);
      return { ok: true as const };
    },
  );
  r.post(
    "/api/review/:batchId/open-scores",
    {
      config: { command: "review.manage" },
      schema: { tags: ["review"], summary: "公开专家评分", params: batchParams, response: { 200: okSchema } },
    },
    async (request) => {
      await openScores(deps, request.caller, request.params.batchId);
      return { ok: true as const };
    },
  );
  r.post(
    "/api/review/assignments/:id/reopen",
    {
      config: { command: "review.manage" },
      schema: {
        tags: ["review"],
        summary: "请专家重新评议",
        params: z.object({ id }),
        body: z.object({ reason: reason("重新评议原因") }),
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await reopenSheet(deps, request.caller, request.params.id, request.body.reason);
      return { ok: true as const };
    },
  );
  r.post(
    "/api/review/:batchId/complete",
    {
      config: { command: "review.manage" },
      schema: {
        tags: ["review"],
        summary: "完成评议（全部专家已提交的申报）",
        params: batchParams,
        response: { 200: reviewCompletedSchema },
      },
    },
    async (request) => completeReview(deps, request.caller, request.params.batchId),
  );
  r.get(
    "/api/review/:batchId/ranking",
    {
      config: { command: "review.manage" },
      schema: {
        tags: ["review"],
        summary: "汇总评分与排名（公开评分后）",
        params: batchParams,
        response: { 200: reviewRankingSchema },
      },
    },
    async (request) => reviewRanking(deps, request.caller, request.params.batchId),
  );
  r.get(
    "/api/review/:batchId/opinion.:format",
    {
      config: { command: "review.manage" },
      schema: {
        tags: ["review"],
        summary: "评议结果意见（PDF 或 Word）",
        params: batchParams.extend({ format: z.enum(["pdf", "docx"]) }),
        response: {
          200: downloadResponse("评议结果意见（PDF 或 Word）", [CONTENT_TYPES.pdf, CONTENT_TYPES.docx]),
        },
      },
    },
    async (request, reply) =>
      sendDownload(
        reply,
        await reviewOpinionDocument(deps, request.caller, request.params.batchId, request.params.format),
      ),
  );
  r.post(
    "/api/applications/:id/decide",
    {
      config: { command: "decision.make" },
      schema: {
        tags: ["review"],
        summary: "审定（通过须在名额内；写明依据）",
        params: z.object({ id }),
        body: z.object({
          decision: z.enum(["approved", "rejected"]),
          basis: reason("审定依据"),
          shortfallReason: reason("缺额审定说明").optional(),
        }),
        response: { 200: decisionMadeSchema },
      },
    },
    async (request) => decideApplication(deps, request.caller, request.params.id, request.body),
  );

  r.get(
    "/api/expert/assignments",
    {
      config: { command: "review.score" },
      schema: { tags: ["expert"], summary: "我的评议任务", response: { 200: expertAssignmentListSchema } },
    },
    async (request) => ({
      items: await listMyAssignments(deps, request.caller),
    }),
  );
  r.get(
    "/api/expert/assignments/:id",
    {
      config: { command: "review.score" },
      schema: {
        tags: ["expert"],
        summary: "打开评议材料（再次检查回避）",
        params: z.object({ id }),
        response: { 200: openedAssignmentSchema },
      },
    },
    async (request) => openAssignment(deps, request.caller, request.params.id),
  );
  r.put(
    "/api/expert/assignments/:id/sheet",
    {
      config: { command: "review.score" },
      schema: {
        tags: ["expert"],
        summary: "保存评分草稿",
        params: z.object({ id }),
        body: sheetBody,
        response: { 200: sheetSavedSchema },
      },
    },
    async (request) => saveSheet(deps, request.caller, request.params.id, request.body, "draft"),
  );
  r.post(
    "/api/expert/assignments/:id/submit",
    {
      config: { command: "review.score" },
      schema: {
        tags: ["expert"],
        summary: "提交评分",
        params: z.object({ id }),
        body: sheetBody,
        response: { 200: sheetSavedSchema },
      },
    },
    async (request) => saveSheet(deps, request.caller, request.params.id, request.body, "submit"),
  );
  r.post(
    "/api/expert/assignments/:id/conflict",
    {
      config: { command: "review.score" },
      schema: {
        tags: ["expert"],
        summary: "申报回避",
        params: z.object({ id }),
        body: z.object({ reason: reason("回避理由") }),
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await declareConflict(deps, request.caller, request.params.id, request.body.reason);
      return { ok: true as const };
    },
  );
}
