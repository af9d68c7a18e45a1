import crypto from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { FastifyInstance } from "fastify";

export const REQUEST_ID_HEADER = "x-request-id";

/** What an incoming `X-Request-Id` may be: short, and nothing a log line or a header could misread. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The id of a request (Fastify's `genReqId`): the `X-Request-Id` a proxy in front sent, when it is
 * at most 64 characters of `A-Z a-z 0-9 . _ -`, otherwise a new UUID. It ties the log lines of
 * one request to each other, to the proxy's logs and to the audit events the request wrote. It is
 * a correlation aid, not a proof: a client can send its own.
 */
export function requestIdOf(request: IncomingMessage): string {
  const header = request.headers[REQUEST_ID_HEADER];
  const incoming = Array.isArray(header) ? header[0] : header;
  return incoming && SANE_REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
}

/** Answers every request, errors included, with its id in `X-Request-Id`. */
export function registerRequestId(app: FastifyInstance): void {
  // onRequest is the first hook: a failure in any later one still answers with the header.
  app.addHook("onRequest", async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
}
