import { recommendationCheckListSchema, recommendationCheckSchema } from "@linxuan/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../http/deps";
import { checkRecommendation, listRecommendationChecks } from "./recommendation-check";

const id = z.string().max(64);

/** 审核 of the provinces' recommended training applications in a national batch. */
export function registerRecommendationCheckRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/review/:batchId/recommendation-checks",
    {
      config: { command: "review.manage" },
      schema: {
        tags: ["review"],
        summary: "全国批次：各地推荐的培训机构申报及办公室审核结果",
        params: z.object({ batchId: id }),
        response: { 200: recommendationCheckListSchema },
      },
    },
    async (request) => listRecommendationChecks(deps, request.caller, request.params.batchId),
  );
  r.post(
    "/api/applications/:id/recommendation-check",
    {
      config: { command: "decision.make" },
      schema: {
        tags: ["review"],
        summary: "审核推荐的培训机构申报（通过或不通过，写明审核意见）",
        params: z.object({ id }),
        body: recommendationCheckSchema,
        response: { 200: z.object({ outcome: recommendationCheckSchema.shape.outcome }) },
      },
    },
    async (request) => checkRecommendation(deps, request.caller, request.params.id, request.body),
  );
}
