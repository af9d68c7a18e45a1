import { kindCodes, regionCodes } from "@linxuan/domain";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../http/deps";
import { sendDownload } from "../../http/download";
import { dashboard, dashboardXlsx, deadlines, deadlinesIcs, publicStats } from "./service";

const filter = z.object({
  batchId: z.string().max(64).optional(),
  region: z.enum(regionCodes).optional(),
  kind: z.enum(kindCodes).optional(),
});

export function registerStatsRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // A provincial office sees its own province's figures only.
  const scoped = (request: FastifyRequest, query: z.infer<typeof filter>) =>
    request.caller.actor?.role === "provincialOffice"
      ? { ...query, region: request.caller.actor.regionCode ?? "none" }
      : query;
  r.get(
    "/api/stats/dashboard",
    {
      config: { command: "stats.view" },
      schema: { tags: ["stats"], summary: "办公室统计看板", querystring: filter },
    },
    async (request) => dashboard(deps, scoped(request, request.query)),
  );
  r.get(
    "/api/stats/dashboard.xlsx",
    {
      config: { command: "stats.view" },
      schema: { tags: ["stats"], summary: "统计导出（Excel）", querystring: filter },
    },
    async (request, reply) => sendDownload(reply, await dashboardXlsx(deps, scoped(request, request.query))),
  );
  r.get(
    "/api/public/stats",
    { config: { command: "public" }, schema: { tags: ["public"], summary: "公开统计（仅数量）" } },
    async () => publicStats(deps),
  );
  r.get(
    "/api/public/deadlines",
    { config: { command: "public" }, schema: { tags: ["public"], summary: "各批次关键日期" } },
    async () => ({ items: await deadlines(deps) }),
  );
  r.get(
    "/api/public/deadlines.ics",
    { config: { command: "public" }, schema: { tags: ["public"], summary: "关键日期日历订阅（iCalendar）" } },
    async (_request, reply) =>
      reply
        .header("content-type", "text/calendar; charset=utf-8")
        .header("cache-control", "no-cache")
        .send(deadlinesIcs(await deadlines(deps), deps.clock())),
  );
}
