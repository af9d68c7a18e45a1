import { applicationVerificationSchema } from "@linxuan/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../http/deps";
import { findByNumber, verifyApplication } from "./verification";

/** 申报编号: staff find an application by it; anyone holding a stamped copy verifies it. */
export function registerVerificationRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/applications/by-number/:number",
    {
      config: { command: "application.view" },
      schema: {
        tags: ["applications"],
        summary: "按申报编号查找申报（扫描或输入纸质申报表上的编号；仅限本人可查看的申报）",
        params: z.object({ number: z.string().max(40) }),
        response: { 200: z.object({ id: z.string() }) },
      },
    },
    async (request) => findByNumber(deps, request.caller, request.params.number),
  );

  r.get(
    "/api/public/verify/:number",
    {
      config: { command: "public" },
      schema: {
        tags: ["public"],
        summary: "核验纸质申报表：扫描二维码，核对其是否为系统中提交的版本、是否为最新版本",
        params: z.object({ number: z.string().max(40) }),
        querystring: z.object({
          v: z.coerce.number().int().min(1).max(1000).optional(),
          c: z
            .string()
            .regex(/^[0-9a-fA-F]{16}$/, "校验码应为16位十六进制字符")
            .optional(),
        }),
        response: { 200: applicationVerificationSchema },
      },
    },
    async (request) =>
      verifyApplication(deps, {
        number: request.params.number,
        version: request.query.v,
        code: request.query.c,
      }),
  );
}
