import {
  acknowledgementSchema,
  chinesePublicNoticePeriod,
  kindCodes,
  levelNamesText,
  multiline,
  objectionListSchema,
  objectionStatusAnswerSchema,
  officePublicNoticeSchema,
  okSchema,
  publicNoticeConfirmationSchema,
  publicNoticeContactsSchema,
  publicNoticeListSchema,
  publicNoticePreviewSchema,
  regionCodes,
  visitorPublicNoticeSchema,
} from "@linxuan/domain";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../http/deps";
import { CONTENT_TYPES, downloadResponse, sendDownload } from "../../http/download";
import { withEvidenceForm } from "../../http/multipart";
import { shortenDemoPublicNotice } from "./demo-period";
import { fileObjection, handleObjection, listObjections, objectionStatus } from "./objections";
import { renderPublicNoticePdf } from "./public-notice-pdf";
import { createPublicNotice, previewPublicNotice } from "./publish";
import {
  confirmPublicNotice,
  getOfficePublicNotice,
  getVisitorPublicNotice,
  listPublicNotices,
} from "./service";

const id = z.string().max(64);

/** 发布公示 and its preview: what is published, from when, its 落款 and where objections go. */
const publicNoticeBody = z.object({
  batchId: id,
  kind: z.enum(kindCodes),
  regionCode: z.enum(regionCodes).nullable().optional(),
  startsAt: z.iso.datetime({ offset: true, message: "开始时间格式不正确" }),
  title: z.string().max(200).optional(),
  ...publicNoticeContactsSchema.shape,
});

export function registerPublicNoticeRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const formLimit = { max: deps.config.rateLimitPublicFormsPerMinute, timeWindow: "1 minute" };

  r.get(
    "/api/public/public-notices",
    {
      config: { command: "public" },
      schema: { tags: ["public"], summary: "公示列表", response: { 200: publicNoticeListSchema } },
    },
    async () => ({ items: await listPublicNotices(deps.db, deps.clock()) }),
  );
  r.get(
    "/api/public/public-notices/:id",
    {
      config: { command: "public" },
      schema: {
        tags: ["public"],
        summary: "公示名单（含剩余时间）",
        params: z.object({ id }),
        response: { 200: visitorPublicNoticeSchema },
      },
    },
    async (request) => ({
      publicNotice: await getVisitorPublicNotice(deps, request.params.id),
    }),
  );
  r.get(
    "/api/public/public-notices/:id/list.:format",
    {
      config: { command: "public" },
      schema: {
        tags: ["public"],
        summary: "公示名单下载（PDF 或 Excel）",
        params: z.object({ id, format: z.enum(["pdf", "xlsx"]) }),
        response: {
          200: downloadResponse("公示名单（PDF 或 Excel）", [CONTENT_TYPES.pdf, CONTENT_TYPES.xlsx]),
        },
      },
    },
    async (request, reply) => {
      const publicNotice = await getVisitorPublicNotice(deps, request.params.id);
      if (request.params.format === "xlsx") {
        const workbook = new ExcelJS.Workbook();
        const sheet = workbook.addWorksheet("公示名单");
        sheet.addRow([
          "序号",
          "机构名称",
          "统一社会信用代码",
          "机构类型",
          "职业",
          "专业技术等级",
          "地区",
        ]).font = { bold: true };
        publicNotice.items
          .filter((item) => item.status === "listed")
          .forEach((item, index) => {
            sheet.addRow([
              index + 1,
              item.institutionName,
              item.creditCode,
              item.kindName,
              item.occupationName,
              levelNamesText(item.levels),
              item.regionName ?? "",
            ]);
          });
        sheet.addRow([]);
        sheet.addRow([`公示期：${chinesePublicNoticePeriod(publicNotice)}`]);
        return sendDownload(reply, {
          body: Buffer.from(await workbook.xlsx.writeBuffer()),
          fileName: `${publicNotice.title}.xlsx`,
          contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        });
      }
      const body = await renderPublicNoticePdf(publicNotice);
      return sendDownload(reply, {
        body,
        fileName: `${publicNotice.title}.pdf`,
        contentType: "application/pdf",
      });
    },
  );

  r.post(
    "/api/public/public-notices/:id/objections",
    {
      config: { command: "public", rateLimit: formLimit },
      schema: {
        tags: ["public"],
        summary:
          "提出异议（multipart：itemId、name、organisation、phone、email、content、captchaId、captchaAnswer、evidence 文件；仅公示期内）",
        params: z.object({ id }),
        response: { 201: acknowledgementSchema },
      },
    },
    async (request, reply) => {
      const result = await withEvidenceForm(request, deps, ({ fields, evidence }) =>
        fileObjection(deps, request.caller, request.params.id, {
          itemId: fields.itemId ?? "",
          name: fields.name ?? "",
          organisation: fields.organisation ?? "",
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
    "/api/public/objections/status",
    {
      config: { command: "public", rateLimit: formLimit },
      schema: {
        tags: ["public"],
        summary: "查询异议处理状态（受理编号 + 联系电话）",
        body: z.object({
          ackNumber: z.string().trim().min(6, "请填写受理编号").max(40),
          phone: z.string().max(30),
        }),
        response: { 200: objectionStatusAnswerSchema },
      },
    },
    async (request) => objectionStatus(deps, request.body.ackNumber, request.body.phone),
  );

  r.post(
    "/api/public-notices",
    {
      config: { command: "publicNotice.manage" },
      schema: {
        tags: ["public-notices"],
        summary: "发布公示（结束时间按工作日计算）",
        body: publicNoticeBody,
        response: { 201: officePublicNoticeSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send({ publicNotice: await createPublicNotice(deps, request.caller, request.body) }),
  );
  r.post(
    "/api/public-notices/preview",
    {
      config: { command: "publicNotice.manage" },
      schema: {
        tags: ["public-notices"],
        summary: "发布前预览公示（与公开页面相同，不保存）",
        body: publicNoticeBody,
        response: { 200: publicNoticePreviewSchema },
      },
    },
    async (request) => ({ publicNotice: await previewPublicNotice(deps, request.caller, request.body) }),
  );
  r.post(
    "/api/public-notices/:id/demo-shorten",
    {
      config: { command: "publicNotice.manage" },
      schema: {
        tags: ["public-notices"],
        summary: "演示：缩短公示期（仅演示模式下的【演示】批次，即时期满）",
        params: z.object({ id }),
        response: { 200: officePublicNoticeSchema },
      },
    },
    async (request) => ({
      publicNotice: await shortenDemoPublicNotice(deps, request.caller, request.params.id),
    }),
  );
  r.get(
    "/api/public-notices/:id",
    {
      config: { command: "publicNotice.manage" },
      schema: {
        tags: ["public-notices"],
        summary: "公示详情（含内部处理信息）",
        params: z.object({ id }),
        response: { 200: officePublicNoticeSchema },
      },
    },
    async (request) => ({
      publicNotice: await getOfficePublicNotice(deps, request.caller, request.params.id),
    }),
  );
  r.get(
    "/api/public-notices/:id/objections",
    {
      config: { command: "publicNotice.manage" },
      schema: {
        tags: ["public-notices"],
        summary: "公示的异议",
        params: z.object({ id }),
        response: { 200: objectionListSchema },
      },
    },
    async (request) => ({
      items: await listObjections(deps, request.caller, request.params.id),
    }),
  );
  r.post(
    "/api/objections/:id/handle",
    {
      config: { command: "publicNotice.manage" },
      schema: {
        tags: ["public-notices"],
        summary: "处理异议：受理调查、不成立或成立（成立则移出公示名单）",
        params: z.object({ id }),
        body: z.object({
          action: z.enum(["accept", "dismiss", "uphold"]),
          note: multiline(z.string().trim().min(2, "请填写处理意见").max(2000)),
        }),
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await handleObjection(deps, request.caller, request.params.id, request.body);
      return { ok: true as const };
    },
  );
  r.post(
    "/api/public-notices/:id/confirm",
    {
      config: { command: "publicNotice.manage" },
      schema: {
        tags: ["public-notices"],
        summary: "公示期满确认，纳入目录",
        params: z.object({ id }),
        response: { 200: publicNoticeConfirmationSchema },
      },
    },
    async (request) => confirmPublicNotice(deps, request.caller, request.params.id),
  );
}
