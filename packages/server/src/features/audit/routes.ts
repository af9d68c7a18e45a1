import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { recordEvent } from "../../http/command";
import type { Deps } from "../../http/deps";
import { listAuditEvents } from "./queries";
import { verifyAuditChain } from "./verify";

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
        }),
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
        summary: "校验审计哈希链",
        response: {
          200: z.object({
            ok: z.boolean(),
            checked: z.number(),
            firstBadSeq: z.number().nullable(),
            problem: z.string().nullable(),
          }),
        },
      },
    },
    async (request) => {
      const result = await verifyAuditChain(deps.db);
      await recordEvent(deps, request.caller, "audit.verify", {
        targetType: "audit",
        targetId: null,
        summary: result.ok ? `审计链校验通过，共 ${result.checked} 条` : `审计链校验失败：${result.problem}`,
      });
      return result;
    },
  );
}
