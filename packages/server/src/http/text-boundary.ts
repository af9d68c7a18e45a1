import { checkText, checkTextTree, type TextIssue, textProblemMessage } from "@linxuan/domain";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { z } from "zod";
import { AppError } from "./errors";

type RouteSchema = { body?: z.ZodType; querystring?: z.ZodType; params?: z.ZodType };

function refuse(issues: TextIssue[]): never {
  const first = issues[0];
  throw new AppError("INVALID_TEXT", first?.message ?? "提交的内容含有不允许的字符", { fields: issues });
}

/**
 * The text rule (domain `checkTextTree`) on every request part of every route, before the route's
 * schema sees it: path parameters, the query string and JSON bodies are normalised to NFC, and a
 * request whose text holds NUL, a lone surrogate, a control or bidi character is refused with 400
 * `INVALID_TEXT` naming each field. Both databases therefore receive the same text, and nothing
 * PostgreSQL cannot store reaches it. Multipart parts are checked where they are read
 * (`checkPartText`).
 */
export function registerTextBoundary(app: FastifyInstance): void {
  app.addHook("preValidation", async (request) => {
    const schema = (request.routeOptions.schema ?? {}) as RouteSchema;
    const issues: TextIssue[] = [];
    const apply = <K extends "params" | "query" | "body">(part: K, partSchema: z.ZodType | undefined) => {
      const value = request[part];
      if (value === undefined || value === null) return;
      if (typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0) return;
      const result = checkTextTree(partSchema, value);
      if (result.ok) (request as FastifyRequest)[part] = result.value as never;
      else issues.push(...result.issues);
    };
    apply("params", schema.params);
    apply("query", schema.querystring);
    if (!request.isMultipart()) apply("body", schema.body);
    if (issues.length > 0) refuse(issues);
  });
}

/** The text rule for one multipart field or file name, read outside the JSON body. */
export function checkPartText(label: string, path: string, value: string, multiline = false): string {
  const check = checkText(value, { multiline });
  if (check.ok) return check.value;
  refuse([{ path, message: textProblemMessage(label, check) }]);
}
