import {
  createdUserSchema,
  createUserSchema,
  okSchema,
  passwordSchema,
  roleCodes,
  staffUserPageSchema,
  updateUserSchema,
} from "@linxuan/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../http/deps";
import { createStaffUser, listUsers, resetPassword, unlockUser, updateUser } from "./service";

const idParams = z.object({ id: z.string().max(64) });

export function registerUserRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/users",
    {
      config: { command: "user.view" },
      schema: {
        tags: ["users"],
        summary: "账号列表",
        querystring: z.object({
          role: z.enum(roleCodes).optional(),
          q: z.string().max(64).optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(20),
        }),
        response: { 200: staffUserPageSchema },
      },
    },
    async (request) => listUsers(deps, request.query),
  );

  r.post(
    "/api/users",
    {
      config: { command: "user.manage" },
      schema: {
        tags: ["users"],
        summary: "创建工作人员账号",
        body: createUserSchema,
        response: { 201: createdUserSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createStaffUser(deps, request.caller, request.body, { mustChangePassword: true })),
  );

  r.patch(
    "/api/users/:id",
    {
      config: { command: "user.manage" },
      schema: {
        tags: ["users"],
        summary: "修改账号",
        params: idParams,
        body: updateUserSchema,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await updateUser(deps, request.caller, request.params.id, request.body);
      return { ok: true as const };
    },
  );

  r.post(
    "/api/users/:id/reset-password",
    {
      config: { command: "user.manage" },
      schema: {
        tags: ["users"],
        summary: "重置密码",
        params: idParams,
        body: z.object({ password: passwordSchema }),
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await resetPassword(deps, request.caller, request.params.id, request.body.password);
      return { ok: true as const };
    },
  );

  r.post(
    "/api/users/:id/unlock",
    {
      config: { command: "user.manage" },
      schema: { tags: ["users"], summary: "解除锁定", params: idParams, response: { 200: okSchema } },
    },
    async (request) => {
      await unlockUser(deps, request.caller, request.params.id);
      return { ok: true as const };
    },
  );
}
