import {
  catalogEntryDetailSchema,
  catalogPageSchema,
  catalogStatuses,
  kindCodes,
  levelCodes,
  multiline,
  occupationCodes,
  okSchema,
  regionCodes,
} from "@linxuan/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../http/deps";
import { CONTENT_TYPES, downloadResponse, sendDownload } from "../../http/download";
import { answeredNotModified, answerFromCache, answerKey, sendCatalogAnswer } from "./cache";
import { adjustEntry, catalogCsv, catalogEntry, catalogXlsx, queryCatalog } from "./service";

const filters = z.object({
  kind: z.enum(kindCodes).optional(),
  occupation: z.enum(occupationCodes).optional(),
  level: z.enum(levelCodes).optional(),
  region: z.enum(regionCodes).optional(),
  batch: z.string().max(64).optional(),
  status: z.enum(catalogStatuses).optional(),
  q: z.string().max(100).optional(),
  sort: z.enum(["name", "validUntil", "approvedAt", "listedAt"]).optional(),
});

export function registerCatalogRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const fromCache = answerFromCache(deps);

  r.get(
    "/api/public/catalog",
    {
      config: { command: "public" },
      onRequest: fromCache,
      schema: {
        tags: ["public"],
        summary: "目录查询（分页，每页最多200条）",
        querystring: filters.extend({
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).default(20),
        }),
        response: { 200: catalogPageSchema },
      },
    },
    async (request, reply) =>
      sendCatalogAnswer(deps, request, reply, answerKey("list", request.query), (now) =>
        queryCatalog(deps, request.query, now),
      ),
  );
  r.get(
    "/api/public/catalog.csv",
    {
      config: { command: "public" },
      schema: {
        tags: ["public"],
        summary: "目录下载（CSV）",
        querystring: filters,
        response: { 200: downloadResponse("机构目录（CSV，UTF-8）", [CONTENT_TYPES.csv]) },
      },
    },
    async (request, reply) => {
      const now = deps.clock();
      if (await answeredNotModified(deps, request, reply, answerKey("csv", request.query), now)) return reply;
      return sendDownload(reply, catalogCsv(deps, request.query, now), "public, no-cache");
    },
  );
  r.get(
    "/api/public/catalog.xlsx",
    {
      config: { command: "public" },
      schema: {
        tags: ["public"],
        summary: "目录下载（Excel）",
        querystring: filters,
        response: { 200: downloadResponse("机构目录（Excel）", [CONTENT_TYPES.xlsx]) },
      },
    },
    async (request, reply) => {
      const now = deps.clock();
      if (await answeredNotModified(deps, request, reply, answerKey("xlsx", request.query), now))
        return reply;
      return sendDownload(reply, catalogXlsx(deps, request.query, now), "public, no-cache");
    },
  );
  r.get(
    "/api/public/catalog/:id",
    {
      config: { command: "public" },
      onRequest: fromCache,
      schema: {
        tags: ["public"],
        summary: "目录条目及其变更历史",
        params: z.object({ id: z.string().max(64) }),
        response: { 200: catalogEntryDetailSchema },
      },
    },
    async (request, reply) =>
      sendCatalogAnswer(deps, request, reply, `entry/${request.params.id}`, (now) =>
        catalogEntry(deps, request.params.id, now),
      ),
  );
  r.post(
    "/api/catalog/:id/adjust",
    {
      config: { command: "catalog.manage" },
      schema: {
        tags: ["catalog"],
        summary: "动态调整：暂停、恢复或移出（须说明理由）",
        params: z.object({ id: z.string().max(64) }),
        body: z.object({
          action: z.enum(["suspend", "restore", "remove"]),
          reason: multiline(z.string().trim().min(2, "请填写调整理由").max(1000)),
        }),
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await adjustEntry(deps, request.caller, request.params.id, request.body);
      return { ok: true as const };
    },
  );
}
