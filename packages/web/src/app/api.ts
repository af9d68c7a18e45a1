/**
 * The one way the SPA talks to the server: JSON in and out, same-origin cookies, the CSRF
 * double-submit header on every mutating request, and one typed error for every failure.
 */

export type FieldIssue = { path: string; message: string };

/** A failed API call: the server's stable code, its Chinese message and any per-field messages. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly fields: FieldIssue[];
  /** The answer's other properties (e.g. `captchaRequired`, `retryAfter` of a refused login). */
  readonly details: Record<string, unknown>;

  constructor(
    status: number,
    code: string,
    message: string,
    fields: FieldIssue[] = [],
    details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.details = details;
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/** Codes after which the user has to log in again. */
const sessionLostCodes = new Set(["UNAUTHENTICATED", "SESSION_EXPIRED"]);

type SessionLostHandler = (error: ApiError) => void;
let sessionLostHandler: SessionLostHandler | null = null;

/** The router registers how to send the user to the login page; kept out of here to avoid a cycle. */
export function onSessionLost(handler: SessionLostHandler): void {
  sessionLostHandler = handler;
}

const CSRF_COOKIE = "lx_csrf";
const CSRF_HEADER = "x-csrf-token";

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return null;
}

let pendingToken: Promise<string> | null = null;

async function csrfToken(forceRefresh = false): Promise<string> {
  const fromCookie = forceRefresh ? null : readCookie(CSRF_COOKIE);
  if (fromCookie) return fromCookie;
  pendingToken ??= (async () => {
    const response = await fetch("/api/auth/csrf", {
      credentials: "same-origin",
      headers: { accept: "application/json" },
    });
    const body = (await response.json().catch(() => ({}))) as { token?: string };
    const token = readCookie(CSRF_COOKIE) ?? body.token;
    if (!response.ok || !token)
      throw new ApiError(response.status, "CSRF_UNAVAILABLE", "无法建立安全会话，请刷新页面后重试");
    return token;
  })().finally(() => {
    pendingToken = null;
  });
  return pendingToken;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export type RequestOptions = {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
  /**
   * What a 401 means for this call. "redirect" (default): the session is gone, go to the login page.
   * "throw": the caller handles it (the who-am-I probe on public pages, the login form itself).
   */
  onUnauthenticated?: "redirect" | "throw";
};

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function toApiError(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (body && typeof body.code === "string") {
    const message = typeof body.message === "string" && body.message ? body.message : "操作失败，请稍后重试";
    const fields = Array.isArray(body.fields) ? (body.fields as FieldIssue[]) : [];
    return new ApiError(response.status, body.code, message, fields, body);
  }
  if (response.status === 404) return new ApiError(404, "NOT_FOUND", "请求的内容不存在");
  if (response.status >= 500) {
    return new ApiError(
      response.status,
      `HTTP_${response.status}`,
      `服务器暂时无法处理请求（${response.status}），请稍后重试`,
    );
  }
  return new ApiError(response.status, `HTTP_${response.status}`, `请求失败（${response.status}）`);
}

async function send(path: string, options: RequestOptions, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (token) headers[CSRF_HEADER] = token;
  try {
    return await fetch(withQuery(`/api${path}`, options.query), {
      method: options.method ?? "GET",
      credentials: "same-origin",
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, "NETWORK_ERROR", "无法连接服务器，请检查网络后重试");
  }
}

/** Calls `/api${path}` and returns the parsed JSON body, or throws an `ApiError`. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const mutating = (options.method ?? "GET") !== "GET";
  let response = await send(path, options, mutating ? await csrfToken() : null);
  let error = response.ok ? null : await toApiError(response);
  // A stale token (e.g. after the server rotated it at login) is retried once with a fresh one.
  if (mutating && error && response.status === 403 && error.code.includes("CSRF")) {
    response = await send(path, options, await csrfToken(true));
    error = response.ok ? null : await toApiError(response);
  }
  if (error) {
    if (error.status === 401 && sessionLostCodes.has(error.code) && options.onUnauthenticated !== "throw") {
      sessionLostHandler?.(error);
    }
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, options: Omit<RequestOptions, "method" | "query"> = {}) =>
    request<T>(path, { ...options, query }),
  post: <T>(path: string, body: unknown = {}, options: Omit<RequestOptions, "method" | "body"> = {}) =>
    request<T>(path, { ...options, method: "POST", body }),
  put: <T>(path: string, body: unknown, options: Omit<RequestOptions, "method" | "body"> = {}) =>
    request<T>(path, { ...options, method: "PUT", body }),
  patch: <T>(path: string, body: unknown, options: Omit<RequestOptions, "method" | "body"> = {}) =>
    request<T>(path, { ...options, method: "PATCH", body }),
  delete: <T>(path: string, options: Omit<RequestOptions, "method"> = {}) =>
    request<T>(path, { ...options, method: "DELETE" }),
};
