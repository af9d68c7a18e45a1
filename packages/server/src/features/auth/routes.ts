import {
  changePasswordSchema,
  csrfTokenSchema,
  loginSchema,
  okSchema,
  registrationSchema,
  sessionUserEnvelopeSchema,
} from "@linxuan/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { clearSessionCookie, ensureCsrfToken, requireActor, setSessionCookie } from "../../http/auth";
import type { Deps } from "../../http/deps";
import { changePassword, currentUser, login, logout, registerInstitution } from "./service";

export function registerAuthRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const loginLimit = { max: deps.config.rateLimitLoginPerMinute, timeWindow: "1 minute" };

  r.get(
    "/api/auth/csrf",
    {
      config: { command: "public" },
      schema: {
        tags: ["auth"],
        summary: "获取 CSRF 令牌（同时写入 lx_csrf Cookie）",
        response: { 200: csrfTokenSchema },
      },
    },
    async (request, reply) => ({ token: ensureCsrfToken(request, reply, deps) }),
  );

  r.post(
    "/api/auth/login",
    {
      config: { command: "public", rateLimit: loginLimit },
      schema: {
        tags: ["auth"],
        summary: "登录",
        body: loginSchema,
        response: { 200: sessionUserEnvelopeSchema },
      },
    },
    async (request, reply) => {
      const result = await login(deps, request.caller, {
        ...request.body,
        userAgent: request.headers["user-agent"] ?? null,
      });
      setSessionCookie(reply, deps, result.sessionToken);
      return { user: result.user };
    },
  );

  r.post(
    "/api/auth/logout",
    {
      config: { command: "public" },
      schema: { tags: ["auth"], summary: "退出登录", response: { 200: okSchema } },
    },
    async (request, reply) => {
      await logout(deps, request.caller, request.sessionId);
      clearSessionCookie(reply, deps);
      return { ok: true as const };
    },
  );

  r.get(
    "/api/auth/me",
    {
      config: { command: "authenticated" },
      schema: { tags: ["auth"], summary: "当前登录用户", response: { 200: sessionUserEnvelopeSchema } },
    },
    async (request) => ({ user: await currentUser(deps, requireActor(request).userId) }),
  );

  r.post(
    "/api/auth/register",
    {
      config: {
        command: "public",
        rateLimit: { max: deps.config.rateLimitPublicFormsPerMinute, timeWindow: "1 minute" },
      },
      schema: {
        tags: ["auth"],
        summary: "申报单位注册（统一社会信用代码即登录名）",
        body: registrationSchema,
        response: { 201: sessionUserEnvelopeSchema },
      },
    },
    async (request, reply) => {
      const result = await registerInstitution(
        deps,
        request.caller,
        request.body,
        request.headers["user-agent"] ?? null,
      );
      setSessionCookie(reply, deps, result.sessionToken);
      return reply.status(201).send({ user: result.user });
    },
  );

  r.post(
    "/api/auth/password",
    {
      config: { command: "authenticated", rateLimit: loginLimit },
      schema: {
        tags: ["auth"],
        summary: "修改本人密码",
        body: changePasswordSchema,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await changePassword(deps, request.caller, request.body, request.sessionId);
      return { ok: true as const };
    },
  );
}
