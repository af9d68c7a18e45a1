import {
  expertCreatedSchema,
  expertImportSchema,
  expertListSchema,
  expertProfileSchema,
  occupationCodes,
  okSchema,
} from "@linxuan/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../http/deps";
import { CONTENT_TYPES, downloadResponse, sendDownload } from "../../http/download";
import { AppError } from "../../http/errors";
import { expertTemplateXlsx, parseExpertSheet } from "./import";
import { startExpertImport } from "./import-job";
import { createExpert, listExperts, updateExpert } from "./service";

const username = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{2,31}$/, "用户名为3–32位字母、数字、点、下划线或连字符");

export function registerExpertRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/experts",
    {
      config: { command: "expert.manage" },
      schema: {
        tags: ["experts"],
        summary: "专家库",
        querystring: z.object({
          occupation: z.enum(occupationCodes).optional(),
          q: z.string().max(50).optional(),
          active: z.enum(["true", "false"]).optional(),
        }),
        response: { 200: expertListSchema },
      },
    },
    async (request) => ({
      items: await listExperts(deps, {
        ...request.query,
        active: request.query.active === undefined ? undefined : request.query.active === "true",
      }),
    }),
  );

  r.post(
    "/api/experts",
    {
      config: { command: "expert.manage" },
      schema: {
        tags: ["experts"],
        summary: "新增专家（同时创建账号，返回一次性初始密码）",
        body: z.object({ username, profile: expertProfileSchema }),
        response: { 201: expertCreatedSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createExpert(deps, request.caller, request.body)),
  );

  r.put(
    "/api/experts/:id",
    {
      config: { command: "expert.manage" },
      schema: {
        tags: ["experts"],
        summary: "修改专家信息",
        params: z.object({ id: z.string().max(64) }),
        body: z.object({
          profile: expertProfileSchema.extend({ phone: expertProfileSchema.shape.phone.optional() }),
        }),
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await updateExpert(deps, request.caller, request.params.id, request.body.profile);
      return { ok: true as const };
    },
  );

  r.get(
    "/api/experts/template.xlsx",
    {
      config: { command: "expert.manage" },
      schema: {
        tags: ["experts"],
        summary: "专家导入模板",
        response: { 200: downloadResponse("专家导入模板（Excel）", [CONTENT_TYPES.xlsx]) },
      },
    },
    async (_request, reply) => sendDownload(reply, await expertTemplateXlsx()),
  );

  r.post(
    "/api/experts/import",
    {
      config: { command: "expert.manage" },
      schema: {
        tags: ["experts"],
        summary: "从 Excel 导入专家（全部正确才导入；后台创建账号，任务结果中有一次性初始密码）",
        querystring: z.object({ dryRun: z.enum(["true", "false"]).optional() }),
        response: { 200: expertImportSchema, 202: expertImportSchema },
      },
    },
    async (request, reply) => {
      const part = await request.file({ limits: { fileSize: 5 * 1_048_576, files: 1 } });
      if (!part) throw new AppError("VALIDATION_FAILED", "请选择要导入的 Excel 文件");
      const content = await part.toBuffer();
      if (part.file.truncated) throw new AppError("FILE_TOO_LARGE", "Excel 文件超过5MB的大小限制");
      const parsed = await parseExpertSheet(deps.db, content);
      if (parsed.errors.length > 0 || request.query.dryRun === "true") {
        return {
          imported: [],
          preview: parsed.rows.map((row) => ({
            username: row.username,
            name: row.profile.name,
            employer: row.profile.employer,
          })),
          errors: parsed.errors,
        };
      }
      const preview = parsed.rows.map((row) => ({
        username: row.username,
        name: row.profile.name,
        employer: row.profile.employer,
      }));
      // Creating the accounts runs in the background: follow the job for the initial passwords.
      const { jobId } = await startExpertImport(deps, request.caller, content, parsed.rows.length);
      return reply.code(202).send({ imported: [], preview, errors: [], jobId });
    },
  );
}
