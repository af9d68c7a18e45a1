import {
  type Assessment,
  acknowledgementSchema,
  assessmentCycleOpenedSchema,
  assessmentListSchema,
  type Complaint,
  type ComplaintStatusAnswer,
  type ContactRequest,
  complaintListSchema,
  complaintStatusAnswerSchema,
  contactRequestCreatedSchema,
  contactRequestListSchema,
  multiline,
  okSchema,
  type SupervisionReminders,
  supervisionRemindersSchema,
} from "@linxuan/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../http/deps";
import { downloadResponse, sendDownload } from "../../http/download";
import { withEvidenceForm } from "../../http/multipart";
import {
  decideAssessment,
  listAssessments,
  openAssessmentCycle,
  submitAssessmentReport,
} from "./assessments";
import { complaintStatus, fileComplaint, handleComplaint, listComplaints } from "./complaints";
import { decideContactChange, listContactRequests, requestContactChange } from "./contact-changes";
import { findEvidence } from "./evidence";
import { reminders } from "./reminders";

const id = z.string().max(64);
const note = (label: string) =>
  multiline(
    z
      .string({ error: `请填写${label}` })
      .trim()
      .min(2, `请填写${label}`)
      .max(3000, `${label}不超过3000字`),
  );

export function registerSupervisionRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const formLimit = { max: deps.config.rateLimitPublicFormsPerMinute, timeWindow: "1 minute" };

  r.post(
    "/api/public/catalog/:id/complaints",
    {
      config: { command: "public", rateLimit: formLimit },
      schema: {
        tags: ["public"],
        summary:
          "投诉举报（multipart：category、name、phone、email、content、captchaId、captchaAnswer、evidence 文件）",
        params: z.object({ id }),
        response: { 201: acknowledgementSchema },
      },
    },
    async (request, reply) => {
      const result = await withEvidenceForm(request, deps, ({ fields, evidence }) =>
        fileComplaint(deps, request.caller, request.params.id, {
          category: fields.category ?? "",
          name: fields.name ?? "",
          phone: fields.phone ?? "",
          email: fields.email ?? "",
          content: fields.content ?? "",
          evidence,
          captchaId: fields.captchaId,
          captchaAnswer: fields.captchaAnswer,
        }),
      );
      return reply.status(201).send(result);
    },
  );
  r.post(
    "/api/public/complaints/status",
    {
      config: { command: "public", rateLimit: formLimit },
      schema: {
        tags: ["public"],
        summary: "查询举报办理状态",
        body: z.object({ ackNumber: z.string().trim().min(6).max(40), phone: z.string().max(30) }),
        response: { 200: complaintStatusAnswerSchema },
      },
    },
    // The tables keep statuses, kinds and occupations as text holding the contracts' codes.
    async (request) =>
      (await complaintStatus(deps, request.body.ackNumber, request.body.phone)) as ComplaintStatusAnswer,
  );
  r.get(
    "/api/complaints",
    {
      config: { command: "catalog.manage" },
      schema: {
        tags: ["supervision"],
        summary: "投诉举报",
        querystring: z.object({ status: z.enum(["received", "investigating", "closed"]).optional() }),
        response: { 200: complaintListSchema },
      },
    },
    async (request) => ({
      items: (await listComplaints(deps, request.caller, request.query.status)) as Complaint[],
    }),
  );
  r.post(
    "/api/complaints/:id/handle",
    {
      config: { command: "catalog.manage" },
      schema: {
        tags: ["supervision"],
        summary: "调查举报或办结（不成立、约谈警示、暂停、移出）",
        params: z.object({ id }),
        body: z.discriminatedUnion("action", [
          z.object({ action: z.literal("investigate") }),
          z.object({
            action: z.literal("close"),
            outcome: z.enum(["dismissed", "warning", "suspension", "removal"]),
            note: note("办理结果"),
          }),
        ]),
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await handleComplaint(deps, request.caller, request.params.id, request.body);
      return { ok: true as const };
    },
  );

  r.post(
    "/api/assessments/cycles",
    {
      config: { command: "assessment.manage" },
      schema: {
        tags: ["supervision"],
        summary: "开启考核评估（有效期即将届满的目录条目）",
        body: z.object({
          name: z
            .string({ error: "请填写考核名称" })
            .trim()
            .min(2, "请填写考核名称")
            .max(100, "考核名称不超过100字"),
          dueAt: z.iso.datetime({ offset: true }),
          before: z.iso.datetime({ offset: true }).nullable().optional(),
        }),
        response: { 201: assessmentCycleOpenedSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await openAssessmentCycle(deps, request.caller, request.body)),
  );
  r.get(
    "/api/assessments",
    {
      config: { command: "assessment.view" },
      schema: {
        tags: ["supervision"],
        summary: "考核评估（机构看本单位的）",
        response: { 200: assessmentListSchema },
      },
    },
    async (request) => ({ items: (await listAssessments(deps, request.caller)) as Assessment[] }),
  );
  r.post(
    "/api/assessments/:id/report",
    {
      config: { command: "assessment.submit" },
      schema: {
        tags: ["supervision"],
        summary: "提交考核评估报告",
        params: z.object({ id }),
        body: z.object({ report: note("考核评估报告") }),
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await submitAssessmentReport(deps, request.caller, request.params.id, request.body.report);
      return { ok: true as const };
    },
  );
  r.post(
    "/api/assessments/:id/decide",
    {
      config: { command: "assessment.manage" },
      schema: {
        tags: ["supervision"],
        summary: "考核评估结论（通过续期，不通过移出目录并按批次规定限制再次申报）",
        params: z.object({ id }),
        body: z.object({ result: z.enum(["pass", "fail"]), note: note("结论意见") }),
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await decideAssessment(deps, request.caller, request.params.id, request.body);
      return { ok: true as const };
    },
  );
  r.post(
    "/api/catalog/:id/contact-requests",
    {
      config: { command: "contactChange.request" },
      schema: {
        tags: ["supervision"],
        summary: "申请变更目录联系方式",
        params: z.object({ id }),
        body: z.object({
          contactName: z.string().max(30),
          contactPhone: z.string().max(30),
          contactEmail: z.string().max(254),
          reason: note("变更原因"),
        }),
        response: { 201: contactRequestCreatedSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await requestContactChange(deps, request.caller, request.params.id, request.body)),
  );
  r.post(
    "/api/contact-requests/:id/decide",
    {
      config: { command: "contactChange.decide" },
      schema: {
        tags: ["supervision"],
        summary: "审核联系方式变更",
        params: z.object({ id }),
        body: z.object({ approve: z.boolean(), note: note("审核意见") }),
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await decideContactChange(deps, request.caller, request.params.id, request.body);
      return { ok: true as const };
    },
  );
  r.get(
    "/api/contact-requests",
    {
      config: { command: "contactChange.decide" },
      schema: {
        tags: ["supervision"],
        summary: "联系方式变更申请",
        querystring: z.object({ status: z.enum(["pending", "approved", "rejected"]).optional() }),
        response: { 200: contactRequestListSchema },
      },
    },
    async (request) => ({
      items: (await listContactRequests(deps, request.caller, request.query.status)) as ContactRequest[],
    }),
  );
  r.get(
    "/api/evidence/:sha256",
    {
      config: { command: "catalog.manage" },
      schema: {
        tags: ["supervision"],
        summary: "下载异议或举报的证明材料",
        params: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
        response: {
          200: downloadResponse("证明材料（PDF、JPG 或 PNG）", [
            "application/pdf",
            "image/jpeg",
            "image/png",
          ]),
        },
      },
    },
    async (request, reply) => {
      const evidence = await findEvidence(deps, request.params.sha256);
      const stored = await deps.files.getStream(request.params.sha256);
      return sendDownload(reply, {
        body: stored.stream,
        size: stored.size,
        fileName: evidence.fileName,
        contentType: evidence.contentType,
      });
    },
  );
  r.get(
    "/api/catalog/reminders",
    {
      config: { command: "catalog.manage" },
      schema: {
        tags: ["supervision"],
        summary: "提醒：即将到期与待考核",
        response: { 200: supervisionRemindersSchema },
      },
    },
    async (request) => (await reminders(deps, request.caller)) as SupervisionReminders,
  );
}
