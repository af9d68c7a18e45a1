import { auditHeadFileSchema, auditPageSchema, auditVerificationSchema } from "@linxuan/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../http/deps";
import { sendDownload } from "../../http/download";
import { exportAuditHead } from "./head";
import { listAuditEvents } from "./queries";
import { verifyAndRecord } from "./service";

export function registerAuditRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/audit",
    {
      config: { command: "audit.view" },
      schema: {
        tags: ["audit"],
        summary: "审计日志",
        querystring: z.object({
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
          command: z.string().max(64).optional(),
          actor: z.string().max(64).optional(),
          requestId: z.string().max(80).optional(),
        }),
        response: { 200: auditPageSchema },
      },
    },
    async (request) => {
      const { items, total } = await listAuditEvents(deps.db, request.query);
      return {
        total,
        items: items.map((item) => ({
          id: String(item.seq),
          seq: item.seq,
          at: item.at,
          actorUsername: item.actorUsername,
          actorRole: item.actorRole,
          command: item.command,
          targetType: item.targetType,
          targetId: item.targetId,
          ip: item.ip,
          requestId: item.requestId,
          summary: item.summary,
        })),
      };
    },
  );

  r.post(
    "/api/audit/verify",
    {
      config: { command: "audit.verify" },
      schema: {
        tags: ["audit"],
        summary: "校验审计哈希链（可同时核对已导出的链头文件）",
        body: z.object({ head: auditHeadFileSchema.optional() }).nullish(),
        response: { 200: auditVerificationSchema },
      },
    },
    async (request) => verifyAndRecord(deps, request.caller, request.body?.head ?? null),
  );

  r.get(
    "/api/audit/head",
    {
      config: { command: "audit.exportHead" },
      schema: {
        tags: ["audit"],
        summary: "导出审计链头（签名的 JSON 文件）",
        response: {
          200: {
            description: "签名的审计链头文件（作为附件下载）",
            content: { "application/json": { schema: auditHeadFileSchema } },
          },
        },
      },
    },
    async (request, reply) => {
      const file = await exportAuditHead(deps, request.caller);
      return sendDownload(reply, {
        body: Buffer.from(`${JSON.stringify(file, null, 2)}\n`),
        fileName: `审计链头-第${file.seq}条.json`,
        contentType: "application/json; charset=utf-8",
      });
    },
  );
}
