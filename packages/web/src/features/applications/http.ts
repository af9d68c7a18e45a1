import { ApiError, api, type FieldIssue } from "../../app/api";

/*
 * The few calls the JSON client in app/api.ts cannot make: multipart uploads, `keepalive` saves
 * while the page is being left, and reading a 409's extra body (the conflicting draft). They keep
 * its rules: same-origin cookies, the CSRF double-submit header, one `ApiError` for every failure.
 */

const CSRF_COOKIE = "lx_csrf";
const CSRF_HEADER = "x-csrf-token";

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return null;
}

async function csrfToken(refresh = false): Promise<string> {
  const cookie = refresh ? null : readCookie(CSRF_COOKIE);
  if (cookie) return cookie;
  const body = await api.get<{ token?: string }>("/auth/csrf");
  const token = readCookie(CSRF_COOKIE) ?? body.token;
  if (!token) throw new ApiError(403, "CSRF_UNAVAILABLE", "无法建立安全会话，请刷新页面后重试");
  return token;
}

/** The CSRF token as it stands now, without a network call (for `pagehide`, when none can wait). */
export function currentCsrfToken(): string | null {
  return readCookie(CSRF_COOKIE);
}

export type RawResult<T> =
  | { ok: true; body: T }
  | { ok: false; error: ApiError; body: Record<string, unknown> };

function errorOf(status: number, body: Record<string, unknown>): ApiError {
  if (typeof body.code === "string") {
    const message = typeof body.message === "string" && body.message ? body.message : "操作失败，请稍后重试";
    const fields = Array.isArray(body.fields) ? (body.fields as FieldIssue[]) : [];
    return new ApiError(status, body.code, message, fields, body);
  }
  if (status === 413) return new ApiError(413, "FILE_TOO_LARGE", "文件过大，超过了服务器允许的大小");
  if (status >= 500)
    return new ApiError(status, `HTTP_${status}`, `服务器暂时无法处理请求（${status}），请稍后重试`);
  return new ApiError(status, `HTTP_${status}`, `请求失败（${status}）`);
}

/**
 * A 401 here means the session is gone. Asking the shared client who is logged in lets it run
 * the app's one "session lost" path (back to the login page, then back here).
 */
function reportSessionLost(): void {
  void api.get("/auth/me").catch(() => undefined);
}

type SendInit = { method: "POST" | "PUT"; body: BodyInit; json?: boolean; keepalive?: boolean };

/** Sends a mutating request and returns the whole parsed body, failures included. */
export async function sendRaw<T>(path: string, init: SendInit): Promise<RawResult<T>> {
  const attempt = async (token: string) => {
    const headers: Record<string, string> = { accept: "application/json", [CSRF_HEADER]: token };
    if (init.json) headers["content-type"] = "application/json";
    try {
      return await fetch(`/api${path}`, {
        method: init.method,
        credentials: "same-origin",
        headers,
        body: init.body,
        keepalive: init.keepalive ?? false,
      });
    } catch {
      throw new ApiError(0, "NETWORK_ERROR", "无法连接服务器，请检查网络后重试");
    }
  };
  const token = init.keepalive ? (currentCsrfToken() ?? (await csrfToken())) : await csrfToken();
  let response = await attempt(token);
  let body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.status === 403 && String(body.code ?? "").includes("CSRF")) {
    response = await attempt(await csrfToken(true));
    body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  }
  if (response.ok) return { ok: true, body: body as T };
  const error = errorOf(response.status, body);
  if (response.status === 401) reportSessionLost();
  return { ok: false, error, body };
}

/** Posts a multipart form (upload, Excel import) and returns the JSON answer or throws `ApiError`. */
export async function postMultipart<T>(path: string, form: FormData): Promise<T> {
  const result = await sendRaw<T>(path, { method: "POST", body: form });
  if (!result.ok) throw result.error;
  return result.body;
}

/** A same-origin download URL under /api. */
export function apiUrl(path: string, query?: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {}))
    if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return `/api${path}${text ? `?${text}` : ""}`;
}
