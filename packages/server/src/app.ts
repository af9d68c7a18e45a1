import fs from "node:fs";
import path from "node:path";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import multipart from "@fastify/multipart";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import Fastify, { type FastifyInstance, LogController } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { closeDocumentPool } from "./documents/pool";
import { registerApplicationRoutes } from "./features/applications/routes";
import { registerVerificationRoutes } from "./features/applications/verification-routes";
import { registerAuditRoutes } from "./features/audit/routes";
import { registerInstitutionRoutes } from "./features/auth/institution-routes";
import { registerAuthRoutes } from "./features/auth/routes";
import { sessionStore } from "./features/auth/session-store";
import { registerBatchRoutes } from "./features/batches/routes";
import { registerCalendarRoutes } from "./features/calendar/routes";
import { registerCaptchaRoutes } from "./features/captcha/routes";
import { registerCatalogRoutes } from "./features/catalog/routes";
import { registerExpertRoutes } from "./features/experts/routes";
import { registerHealthRoutes } from "./features/health/routes";
import { registerNotificationRoutes } from "./features/notifications/routes";
import { registerPublicNoticeRoutes } from "./features/public-notices/routes";
import { registerQuotaRoutes } from "./features/quotas/routes";
import { registerRecommendationRoutes } from "./features/recommendation/routes";
import { registerRecommendationCheckRoutes } from "./features/review/check-routes";
import { registerExpertReviewRoutes } from "./features/review/expert-routes";
import { registerReviewRoutes } from "./features/review/routes";
import { registerSiteVisitRoutes } from "./features/site-visits/routes";
import { registerStatsRoutes } from "./features/stats/routes";
import { registerSupervisionRoutes } from "./features/supervision/routes";
import { registerUserRoutes } from "./features/users/routes";
import { registerAuth } from "./http/auth";
import type { Deps } from "./http/deps";
import { registerErrorHandler } from "./http/error-handler";
import { registerMetrics } from "./http/metrics";
import { registerRequestId, requestIdOf } from "./http/request-id";
import { registerTextBoundary } from "./http/text-boundary";
import { jobTypes } from "./jobs/handlers";
import { registerJobRoutes } from "./jobs/routes";
import { databaseRateLimitStore } from "./limits/store";

export type BuildOptions = { logger?: boolean };

/** Powerful browser features the platform never uses, switched off for its pages and anything they embed. */
export const PERMISSIONS_POLICY = [
  "camera",
  "microphone",
  "geolocation",
  "payment",
  "usb",
  "serial",
  "hid",
  "midi",
  "magnetometer",
  "gyroscope",
  "accelerometer",
  "display-capture",
]
  .map((feature) => `${feature}=()`)
  .join(", ");

/**
 * How long a browser may keep a file of the web app: hashed assets (a new build gives them new
 * names) for a year without asking again; anything else, index.html first, is checked every time
 * so a release is seen at once.
 */
export function webCacheControl(webDist: string, file: string): string {
  const relative = path.relative(webDist, file).split(path.sep).join("/");
  return relative.startsWith("assets/") ? "public, max-age=31536000, immutable" : "no-cache";
}

/** Builds the whole HTTP application without listening (main/cli listens; tests inject). */
export async function buildApp(deps: Deps, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    // JSON lines; every line of a request carries its id, as its answer's X-Request-Id does.
    logger: options.logger ? { level: "info" } : false,
    genReqId: requestIdOf,
    logController: new LogController({ requestIdLogLabel: "requestId" }),
    bodyLimit: deps.config.bodyLimitBytes,
    trustProxy: deps.config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app, deps.config.uploadMaxBytes);
  registerRequestId(app);
  registerMetrics(app, deps, Object.keys(jobTypes));

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design writes its CSS-in-JS styles inline.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: deps.config.secureCookies,
  });
  app.addHook("onRequest", async (_request, reply) => {
    reply.header("permissions-policy", PERMISSIONS_POLICY);
  });
  // Counted in the database: instances on one database share every limit.
  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(deps) });
  await app.register(multipart, {
    limits: { fileSize: deps.config.uploadMaxBytes, files: 1, fields: 10, fieldSize: 1000 },
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: "遴选 Linxuan API",
        description: "数字技术工程师培育项目培训机构和评价机构遴选平台",
        version: "0.1.0",
      },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "lx_session" } } },
    },
    transform: jsonSchemaTransform,
  });

  registerAuth(app, deps, sessionStore);
  registerTextBoundary(app);
  registerHealthRoutes(app, deps);
  registerAuthRoutes(app, deps);
  registerInstitutionRoutes(app, deps);
  registerCaptchaRoutes(app, deps);
  registerUserRoutes(app, deps);
  registerBatchRoutes(app, deps);
  registerCalendarRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerApplicationRoutes(app, deps);
  registerVerificationRoutes(app, deps);
  registerRecommendationRoutes(app, deps);
  registerQuotaRoutes(app, deps);
  registerExpertRoutes(app, deps);
  registerReviewRoutes(app, deps);
  registerExpertReviewRoutes(app, deps);
  registerSiteVisitRoutes(app, deps);
  registerRecommendationCheckRoutes(app, deps);
  registerPublicNoticeRoutes(app, deps);
  registerCatalogRoutes(app, deps);
  registerSupervisionRoutes(app, deps);
  registerNotificationRoutes(app, deps);
  registerJobRoutes(app, deps);
  registerStatsRoutes(app, deps);
  // The document workers stop with the app, once the forms being rendered are done.
  app.addHook("onClose", () => closeDocumentPool());

  app.get("/api/openapi.json", { config: { command: "public" }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  const webDist = deps.config.webDist;
  const hasWeb = webDist !== null && fs.existsSync(path.join(webDist, "index.html"));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: false,
      // The build writes .br and .gz beside each hashed asset; send the one the browser accepts.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, file) => reply.header("cache-control", webCacheControl(webDist, file)),
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith("/api/") || request.method !== "GET" || !hasWeb) {
      return reply
        .status(404)
        .send({ code: "NOT_FOUND", message: `接口不存在：${request.method} ${request.url.split("?")[0]}` });
    }
    // Client-side routes: serve the single-page app shell, or a real file when one exists.
    const file = path.join(webDist, path.normalize(decodeURIComponent(request.url.split("?")[0] ?? "/")));
    if (file.startsWith(webDist) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      return reply.sendFile(path.relative(webDist, file));
    }
    return reply.type("text/html; charset=utf-8").sendFile("index.html");
  });
  return app;
}
