import { healthSchema, readinessSchema } from "@linxuan/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Deps } from "../../http/deps";
import { AppError } from "../../http/errors";
import { checkDatabase, checkFiles } from "./readiness";

export function registerHealthRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Liveness: the process answers. Nothing outside it is asked, so a database outage does not
  // get every instance restarted; /api/ready says whether to send it traffic.
  r.get(
    "/api/health",
    {
      logLevel: "warn",
      config: { command: "public" },
      schema: {
        tags: ["system"],
        summary: "存活检查（不访问数据库）",
        response: { 200: healthSchema },
      },
    },
    async () => ({ status: "ok" as const, database: deps.dialect }),
  );

  r.get(
    "/api/ready",
    {
      logLevel: "warn",
      config: { command: "public" },
      schema: {
        tags: ["system"],
        summary: "就绪检查（数据库与文件存储）",
        response: { 200: readinessSchema },
      },
    },
    async (request) => {
      const [database, files] = await Promise.all([
        checkDatabase(deps, request.log),
        checkFiles(deps, request.log),
      ]);
      if (database === "failed" || files === "failed") {
        // The cause is logged under this request's id; the public answer names only the part.
        const failed = [
          database === "failed" && "数据库不可用",
          files === "failed" && "文件存储不可用",
        ].filter(Boolean);
        throw new AppError("NOT_READY", `服务未就绪：${failed.join("，")}`, {
          extra: { status: "unavailable", database, files },
        });
      }
      return { status: "ready" as const, database, files };
    },
  );
}
