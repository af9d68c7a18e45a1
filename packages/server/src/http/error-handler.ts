import { fieldLabel } from "@linxuan/domain";
import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError } from "./errors";

/**
 * 职业：请选择职业 — the field named in Chinese, never by its code; a message that already names
 * its field (or a field without a known name) is given as it is.
 */
export function readableMessage(path: string, message: string): string {
  const label = path ? fieldLabel(path) : null;
  return label && !message.includes(label) ? `${label}：${message}` : message;
}

/** Maps every failure to `{ code, message, fields? }` with a Chinese message; never leaks a stack. */
export function registerErrorHandler(app: FastifyInstance, uploadMaxBytes: number): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      const retryAfter = error.extra?.retryAfter;
      if (error.status === 429 && typeof retryAfter === "number" && retryAfter > 0) {
        reply.header("retry-after", String(retryAfter));
      }
      return reply.status(error.status).send({
        code: error.code,
        message: error.message,
        ...(error.fields ? { fields: error.fields } : {}),
        ...error.extra,
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((issue) => ({
        path: issue.instancePath.replace(/^\//, "").replaceAll("/", "."),
        message: issue.message ?? "格式不正确",
      }));
      const first = fields[0];
      return reply.status(400).send({
        code: "VALIDATION_FAILED",
        message: first ? readableMessage(first.path, first.message) : "提交的数据格式不正确",
        fields,
      });
    }
    if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
      return reply
        .status(413)
        .send({ code: "PAYLOAD_TOO_LARGE", message: "提交的内容过大，超过了服务器允许的大小" });
    }
    if (error.code === "FST_REQ_FILE_TOO_LARGE") {
      return reply.status(413).send({
        code: "FILE_TOO_LARGE",
        message: `上传的文件超过${Math.round(uploadMaxBytes / 1_048_576)}MB的大小限制`,
      });
    }
    if (
      error.code === "FST_FILES_LIMIT" ||
      error.code === "FST_PARTS_LIMIT" ||
      error.code === "FST_FIELDS_LIMIT"
    ) {
      return reply.status(413).send({ code: "PAYLOAD_TOO_LARGE", message: "上传的文件或字段数量超过限制" });
    }
    if (error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") {
      return reply.status(415).send({ code: "UNSUPPORTED_MEDIA_TYPE", message: "不支持的请求内容类型" });
    }
    if (
      error.code === "FST_ERR_CTP_EMPTY_JSON_BODY" ||
      error.code === "FST_ERR_CTP_INVALID_JSON_BODY" ||
      error instanceof SyntaxError
    ) {
      return reply.status(400).send({ code: "VALIDATION_FAILED", message: "请求体不是有效的 JSON" });
    }
    if (error.statusCode === 429) {
      return reply.status(429).send({ code: "RATE_LIMITED", message: "操作过于频繁，请稍后再试" });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send({ code: "VALIDATION_FAILED", message: "请求不正确" });
    }
    request.log.error({ err: error }, "unhandled error");
    return reply
      .status(500)
      .send({ code: "INTERNAL_ERROR", message: "服务器内部错误，请稍后重试；如持续出现请联系系统管理员" });
  });
}
