import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { sql } from "kysely";
import { z } from "zod";
import type { Deps } from "../../http/deps";

export function registerHealthRoutes(app: FastifyInstance, deps: Deps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/health",
    {
      config: { command: "public" },
      schema: {
        tags: ["system"],
        summary: "健康检查",
        response: { 200: z.object({ status: z.literal("ok"), database: z.enum(["sqlite", "postgres"]) }) },
      },
    },
    async () => {
      await sql`select 1`.execute(deps.db);
      return { status: "ok" as const, database: deps.dialect };
    },
  );
}
