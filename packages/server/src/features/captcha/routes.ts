import { captchaChallengeSchema } from "@linxuan/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Deps } from "../../http/deps";
import { issueCaptcha } from "./service";

export function registerCaptchaRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/captcha",
    {
      config: {
        command: "public",
        // Each picture is a row: a few per form and person, not a flood.
        rateLimit: {
          max: Math.max(30, deps.config.rateLimitPublicFormsPerMinute * 3),
          timeWindow: "1 minute",
        },
      },
      schema: {
        tags: ["public"],
        summary: "获取图形验证码（SVG；答案在服务器端，5分钟内一次有效）",
        response: { 200: captchaChallengeSchema },
      },
    },
    async (_request, reply) => {
      reply.header("cache-control", "no-store");
      return issueCaptcha(deps);
    },
  );
}
