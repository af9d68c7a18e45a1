import crypto from "node:crypto";
import { type Actor, type Command, type Role, roleMayRun } from "@linxuan/domain";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Db } from "../db/connection";
import { sha256Hex } from "./crypto";
import type { Caller, Deps } from "./deps";
import { AppError } from "./errors";

export const SESSION_COOKIE = "lx_session";
export const CSRF_COOKIE = "lx_csrf";
export const CSRF_HEADER = "x-csrf-token";

declare module "fastify" {
  interface FastifyContextConfig {
    /** The command this route runs; checked against the policy before the handler. */
    command?: Command;
  }
  interface FastifyRequest {
    caller: Caller;
    sessionId: string | null;
    /** The CSRF token of the signed-in session (derived from it), or null without a session. */
    sessionCsrfToken: string | null;
    sessionExpired: boolean;
    mustChangePassword: boolean;
  }
}

/** A session row with its user, as the plugin reads it on every request. */
export type SessionWithUser = {
  lastSeenAt: string;
  expiresAt: string;
  userId: string;
  username: string;
  role: Role;
  regionCode: string | null;
  industryScope: string | null;
  institutionId: string | null;
  status: string;
  mustChangePassword: number;
};

/**
 * The sessions table as the plugin needs it. The auth feature owns that table and hands its
 * queries in (app.ts), so this cross-cutting folder imports no feature.
 */
export type SessionStore = {
  find: (db: Db, sessionId: string) => Promise<SessionWithUser | undefined>;
  touch: (db: Db, sessionId: string, at: string) => Promise<void>;
  remove: (db: Db, sessionId: string) => Promise<void>;
};

export type ApiRoute = {
  method: string;
  url: string;
  command: Command;
  /** The route's declared schema parts (zod), for tests that derive requests from them. */
  schema: { summary?: string; body?: unknown; querystring?: unknown; params?: unknown };
};
const registeredRoutes = new WeakMap<FastifyInstance, ApiRoute[]>();

/** Every API route with the command it runs, for the policy test and the docs. */
export function apiRoutes(app: FastifyInstance): ApiRoute[] {
  return registeredRoutes.get(app) ?? [];
}

const PASSWORD_CHANGE_ROUTES = new Set([
  "/api/auth/me",
  "/api/auth/password",
  "/api/auth/logout",
  "/api/notifications",
]);

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/** Touch last-seen at most once a minute: idle timeout precision without a write per request. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Sessions (database rows, so app instances share them), CSRF on every mutating request and the
 * route policy (each route names one command).
 *
 * CSRF: with a session, the token is an HMAC keyed by the session's secret cookie, so it is bound
 * to that session, changes at every login and logout, and a token from another session (or one
 * read from an old page) is refused; no instance needs to store or share it. Without a session
 * (login itself, registration, the public objection and complaint forms) it is the double-submit
 * cookie as before: the SameSite=Strict `lx_csrf` cookie must match the header.
 */
export function registerAuth(app: FastifyInstance, deps: Deps, sessions: SessionStore): void {
  app.decorateRequest("caller", null as unknown as Caller);
  app.decorateRequest("sessionId", null);
  app.decorateRequest("sessionCsrfToken", null);
  app.decorateRequest("sessionExpired", false);
  app.decorateRequest("mustChangePassword", false);

  const routes: ApiRoute[] = [];
  registeredRoutes.set(app, routes);
  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/")) return;
    const command = route.config?.command;
    if (!command) throw new Error(`路由 ${route.method} ${route.url} 未声明权限命令（config.command）`);
    const schema = (route.schema ?? {}) as ApiRoute["schema"];
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, command, schema });
  });

  app.addHook("onRequest", async (request) => {
    request.caller = { actor: null, username: null, ip: request.ip, requestId: request.id };
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const sessionId = sha256Hex(token);
    const row = await sessions.find(deps.db, sessionId);
    if (!row) return;
    const now = deps.clock();
    const idleLimit = Date.parse(row.lastSeenAt) + deps.config.sessionIdleMinutes * 60_000;
    if (Date.parse(row.expiresAt) <= now.getTime() || idleLimit <= now.getTime() || row.status !== "active") {
      await sessions.remove(deps.db, sessionId);
      request.sessionExpired = true;
      return;
    }
    if (now.getTime() - Date.parse(row.lastSeenAt) > TOUCH_EVERY_MS) {
      await sessions.touch(deps.db, sessionId, now.toISOString());
    }
    const actor: Actor = {
      userId: row.userId,
      role: row.role,
      regionCode: row.regionCode,
      industryScope: row.industryScope,
      institutionId: row.institutionId,
    };
    request.sessionId = sessionId;
    request.sessionCsrfToken = csrfTokenOfSession(token);
    request.mustChangePassword = row.mustChangePassword === 1;
    request.caller = { actor, username: row.username, ip: request.ip, requestId: request.id };
  });

  // Signed-in answers hold personal data: no browser or proxy keeps a copy.
  app.addHook("onSend", async (request, reply, payload) => {
    if (request.sessionId !== null && String(reply.getHeader("content-type") ?? "").includes("json")) {
      reply.header("cache-control", "no-store");
    }
    return payload;
  });

  // preValidation: refuse before the body is validated, so a stranger learns nothing from errors.
  app.addHook("preValidation", async (request) => {
    if (!request.url.startsWith("/api/")) return;
    if (MUTATING.has(request.method)) checkCsrf(request);
    const command = request.routeOptions.config?.command;
    if (!command) return;
    const role = request.caller.actor?.role ?? null;
    if (command !== "public" && role === null) {
      throw request.sessionExpired
        ? new AppError("SESSION_EXPIRED", "会话已超时，请重新登录")
        : new AppError("UNAUTHENTICATED", "请先登录");
    }
    // An initial or reset password must be changed before anything else is done with it.
    if (
      request.mustChangePassword &&
      command !== "public" &&
      !PASSWORD_CHANGE_ROUTES.has(request.routeOptions.url ?? "")
    ) {
      throw new AppError("PASSWORD_CHANGE_REQUIRED", "请先修改初始密码后再继续操作");
    }
    if (!roleMayRun(role, command)) {
      throw new AppError("FORBIDDEN", "当前账号没有执行此操作的权限");
    }
  });
}

/** The CSRF token of a session: an HMAC keyed by the session's secret (only its hash is stored). */
export function csrfTokenOfSession(sessionToken: string): string {
  return crypto.createHmac("sha256", sessionToken).update("lx-csrf-v1").digest("base64url");
}

const sameText = (a: string, b: string) =>
  a.length === b.length && crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b));

function checkCsrf(request: FastifyRequest): void {
  const header = request.headers[CSRF_HEADER];
  const value = Array.isArray(header) ? header[0] : header;
  const expected = request.sessionCsrfToken ?? request.cookies[CSRF_COOKIE];
  if (!expected || !value || !sameText(expected, value)) {
    throw new AppError("CSRF_TOKEN_INVALID", "安全校验失败（缺少或错误的 CSRF 令牌），请刷新页面后重试");
  }
}

function setCsrfCookie(reply: FastifyReply, deps: Deps, token: string): void {
  reply.setCookie(CSRF_COOKIE, token, {
    path: "/",
    httpOnly: false,
    sameSite: "strict",
    secure: deps.config.secureCookies,
  });
}

/** Signs the browser in: the session cookie and the session's CSRF token (rotated at every login). */
export function setSessionCookie(reply: FastifyReply, deps: Deps, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: deps.config.secureCookies,
    maxAge: deps.config.sessionAbsoluteHours * 3600,
  });
  setCsrfCookie(reply, deps, csrfTokenOfSession(token));
  reply.header("cache-control", "no-store");
}

/** Signs the browser out: no session cookie, and a fresh anonymous CSRF token. */
export function clearSessionCookie(reply: FastifyReply, deps: Deps): void {
  reply.clearCookie(SESSION_COOKIE, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: deps.config.secureCookies,
  });
  setCsrfCookie(reply, deps, crypto.randomBytes(24).toString("base64url"));
}

/**
 * Returns the CSRF token this browser must send: its session's, or without a session its
 * double-submit token, issuing one (readable cookie, SameSite=Strict) if absent.
 */
export function ensureCsrfToken(request: FastifyRequest, reply: FastifyReply, deps: Deps): string {
  const existing = request.cookies[CSRF_COOKIE];
  if (request.sessionCsrfToken) {
    if (existing !== request.sessionCsrfToken) setCsrfCookie(reply, deps, request.sessionCsrfToken);
    return request.sessionCsrfToken;
  }
  if (existing && /^[A-Za-z0-9_-]{20,}$/.test(existing)) return existing;
  const token = crypto.randomBytes(24).toString("base64url");
  setCsrfCookie(reply, deps, token);
  return token;
}

/** The signed-in actor, for handlers of non-public routes (the preHandler guarantees it). */
export function requireActor(request: FastifyRequest): Actor {
  const actor = request.caller.actor;
  if (!actor) throw new AppError("UNAUTHENTICATED", "请先登录");
  return actor;
}
