import {
  dashboardSchema,
  deadlineListSchema,
  kindCodes,
  publicStatsSchema,
  regionCodes,
  regionFilter,
} from "@linxuan/domain";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireActor } from "../../http/auth";
import type { Deps } from "../../http/deps";
import { CONTENT_TYPES, downloadResponse, sendDownload } from "../../http/download";
import { dashboard, dashboardXlsx, deadlines, deadlinesIcs, publicStats } from "./service";

const filter = z.object({
  batchId: z.string().max(64).optional(),
  region: z.enum(regionCodes).optional(),
  kind: z.enum(kindCodes).optional(),
});

export function registerStatsRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // An office narrower than the national one sees its own jurisdiction's figures only, whatever
  // region it asks for.
  const scoped = (request: FastifyRequest, query: z.infer<typeof filter>) => {
    const jurisdiction = regionFilter(requireActor(request));
    return jurisdiction.kind === "all" ? query : { ...query, region: undefined, jurisdiction };
  };
  r.get(
    "/api/stats/dashboard",
    {
      config: { command: "stats.view" },
      schema: {
        tags: ["stats"],
        summary: "办公室统计看板",
        querystring: filter,
        response: { 200: dashboardSchema },
      },
    },
    async (request) => dashboard(deps, scoped(request, request.query)),
  );
  r.get(
    "/api/stats/dashboard.xlsx",
    {
      config: { command: "stats.view" },
      schema: {
        tags: ["stats"],
        summary: "统计导出（Excel）",
        querystring: filter,
        response: { 200: downloadResponse("统计看板的 Excel 工作簿", [CONTENT_TYPES.xlsx]) },
      },
    },
    async (request, reply) => sendDownload(reply, await dashboardXlsx(deps, scoped(request, request.query))),
  );
  r.get(
    "/api/public/stats",
    {
      config: { command: "public" },
      schema: { tags: ["public"], summary: "公开统计（仅数量）", response: { 200: publicStatsSchema } },
    },
    async () => publicStats(deps),
  );
  r.get(
    "/api/public/deadlines",
    {
      config: { command: "public" },
      schema: { tags: ["public"], summary: "各批次关键日期", response: { 200: deadlineListSchema } },
    },
    async () => ({ items: await deadlines(deps) }),
  );
  r.get(
    "/api/public/deadlines.ics",
    {
      config: { command: "public" },
      schema: {
        tags: ["public"],
        summary: "关键日期日历订阅（iCalendar）",
        response: { 200: downloadResponse("各批次关键日期的 iCalendar 日历", ["text/calendar"]) },
      },
    },
    async (_request, reply) =>
      reply
        .header("content-type", "text/calendar; charset=utf-8")
        .header("cache-control", "no-cache")
        .send(deadlinesIcs(await deadlines(deps), deps.clock())),
  );
}
