import { correctRegionSchema, institutionPageSchema, institutionSummarySchema } from "@linxuan/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../http/deps";
import { correctInstitutionRegion, listInstitutionSummaries } from "./institutions";

const idParams = z.object({ id: z.string().max(64) });

/** 申报单位 for the 工程指导协调小组办公室: the list and the correction of an institution's region. */
export function registerInstitutionRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/institutions",
    {
      config: { command: "institution.view" },
      schema: {
        tags: ["institutions"],
        summary: "申报单位列表（含所在地区及其依据）",
        querystring: z.object({
          q: z.string().max(64).optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(20),
        }),
        response: { 200: institutionPageSchema },
      },
    },
    async (request) => listInstitutionSummaries(deps, request.query),
  );

  r.post(
    "/api/institutions/:id/region",
    {
      config: { command: "institution.correctRegion" },
      schema: {
        tags: ["institutions"],
        summary: "更正申报单位所在地区（须写明原因，记入审计日志）",
        params: idParams,
        body: correctRegionSchema,
        response: { 200: z.object({ institution: institutionSummarySchema }) },
      },
    },
    async (request) => ({
      institution: await correctInstitutionRegion(deps, request.caller, request.params.id, request.body),
    }),
  );
}
