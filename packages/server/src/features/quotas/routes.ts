import { kindCodes, quotaSettingsSchema } from "@linxuan/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../http/deps";
import { listQuotaSettings, setQuota } from "./settings";

const params = z.object({ id: z.string().max(64) });

/** 名额设定: the office enters the numbers a notice leaves open, each with its basis. */
export function registerQuotaRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/batches/:id/quota-settings",
    {
      config: { command: "quota.set" },
      schema: {
        tags: ["batches"],
        summary: "本批次由主管部门设定的名额（北京、上海、粤港澳大湾区等）及其依据",
        params,
        response: { 200: quotaSettingsSchema },
      },
    },
    async (request) => listQuotaSettings(deps, request.caller, request.params.id),
  );

  r.put(
    "/api/batches/:id/quota-settings",
    {
      config: { command: "quota.set" },
      schema: {
        tags: ["batches"],
        summary: "设定或修改一个地方的名额（名额与依据均必填，记入审计日志）",
        params,
        // Number and basis are checked by the service so every problem comes back with its field.
        body: z.object({
          kind: z.enum(kindCodes, { error: "机构类型不正确" }),
          areaKey: z.string().max(64, "地方代码不正确"),
          limit: z.unknown(),
          basis: z.unknown(),
        }),
        response: { 200: quotaSettingsSchema },
      },
    },
    async (request) => setQuota(deps, request.caller, request.params.id, request.body),
  );
}
