/**
 * The one way the SPA talks to the server: JSON in and out (or a multipart form for uploads),
 * same-origin cookies, the CSRF double-submit header on every mutating request, and one typed
 * error for every failure.
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

/** The error of a request that never got an answer. */
export function networkError(): ApiError {
  return new ApiError(0, "NETWORK_ERROR", "无法连接服务器，请检查网络后重试");
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

/** The CSRF token: the cookie's when there is one (no network call, so usable on `pagehide`). */
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
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as multipart/form-data instead of `body` (uploads, spreadsheet imports). */
  form?: FormData;
  query?: Query;
  signal?: AbortSignal;
  /** Lets the request outlive the page (a draft saved while the tab is being closed). */
  keepalive?: boolean;
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

/** A same-origin URL under /api, for links and downloads the browser fetches itself. */
export function apiUrl(path: string, query?: Query): string {
  return withQuery(`/api${path}`, query);
}

/** The `ApiError` for a failed answer, from its parsed body (null when it was not JSON). */
function toApiError(status: number, body: Record<string, unknown> | null): ApiError {
  if (body && typeof body.code === "string") {
    const message = typeof body.message === "string" && body.message ? body.message : "操作失败，请稍后重试";
    const fields = Array.isArray(body.fields) ? (body.fields as FieldIssue[]) : [];
    return new ApiError(status, body.code, message, fields, body);
  }
  if (status === 404) return new ApiError(404, "NOT_FOUND", "请求的内容不存在");
  if (status === 413) return new ApiError(413, "FILE_TOO_LARGE", "文件过大，超过了服务器允许的大小");
  if (status >= 500)
    return new ApiError(status, `HTTP_${status}`, `服务器暂时无法处理请求（${status}），请稍后重试`);
  return new ApiError(status, `HTTP_${status}`, `请求失败（${status}）`);
}

async function send(path: string, options: RequestOptions, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { accept: "application/json" };
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  if (token) headers[CSRF_HEADER] = token;
  try {
    return await fetch(withQuery(`/api${path}`, options.query), {
      method: options.method ?? "GET",
      credentials: "same-origin",
      headers,
      body,
      signal: options.signal,
      keepalive: options.keepalive ?? false,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw networkError();
  }
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

type Answer = {
  response: Response;
  text: string;
  error: ApiError | null;
  /** A failed answer's parsed body ({} when it was not JSON). */
  errorBody: Record<string, unknown>;
};

/** Sends the request (retrying once with a fresh CSRF token) and reads the answer's text. */
async function exchange(path: string, options: RequestOptions): Promise<Answer> {
  const mutating = (options.method ?? "GET") !== "GET";
  const attempt = async (token: string | null): Promise<Answer> => {
    const response = await send(path, options, token);
    const text = await response.text().catch(() => "");
    if (response.ok) return { response, text, error: null, errorBody: {} };
    const body = parseObject(text);
    return { response, text, error: toApiError(response.status, body), errorBody: body ?? {} };
  };
  let answer = await attempt(mutating ? await csrfToken() : null);
  // A stale token (e.g. after the server rotated it at login) is retried once with a fresh one.
  if (mutating && answer.error && answer.response.status === 403 && answer.error.code.includes("CSRF")) {
    answer = await attempt(await csrfToken(true));
  }
  const { error } = answer;
  if (
    error &&
    error.status === 401 &&
    sessionLostCodes.has(error.code) &&
    options.onUnauthenticated !== "throw"
  ) {
    sessionLostHandler?.(error);
  }
  return answer;
}

const parseBody = <T>(answer: Answer): T =>
  (answer.response.status === 204 || !answer.text ? undefined : JSON.parse(answer.text)) as T;

/** Calls `/api${path}` and returns the parsed JSON body, or throws an `ApiError`. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const answer = await exchange(path, options);
  if (answer.error) throw answer.error;
  return parseBody<T>(answer);
}

export type RawResult<T> =
  | { ok: true; body: T }
  | { ok: false; error: ApiError; body: Record<string, unknown> };

/**
 * Like `request`, but a refusal comes back with the answer's whole body instead of being thrown,
 * for errors that carry data (a 409 with the draft saved meanwhile). A request that got no answer
 * still throws.
 */
export async function requestRaw<T>(path: string, options: RequestOptions): Promise<RawResult<T>> {
  const answer = await exchange(path, options);
  if (answer.error) return { ok: false, error: answer.error, body: answer.errorBody };
  return { ok: true, body: parseBody<T>(answer) };
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

/** Posts a multipart form (upload, Excel import) and returns the JSON answer or throws `ApiError`. */
export function postMultipart<T>(path: string, form: FormData): Promise<T> {
  return request<T>(path, { method: "POST", form });
}
