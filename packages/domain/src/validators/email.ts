import { toHalfWidth } from "./normalize";

export type EmailInvalidReason = "empty" | "too_long" | "format";

export type EmailResult =
  | { ok: true; value: string }
  | { ok: false; reason: EmailInvalidReason; message: string };

const MAX_LENGTH = 254;
const LOCAL_PART = /^[^\s@"(),:;<>[\]\\]{1,64}$/;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
const FIELD = "电子邮箱";

/**
 * Pragmatic e-mail check, not RFC 5322: exactly one "@", a local part of at most 64 characters
 * without spaces, quotes or brackets and without leading, trailing or doubled dots, a domain of at
 * least two dot-separated labels whose last label has two or more characters and is not numeric,
 * and at most 254 characters in all. Full-width characters are converted first ("＠" is common with
 * Chinese input methods). The domain is lower-cased in the returned value; the local part is kept
 * as typed, since mail servers may treat it case-sensitively.
 */
export function checkEmail(input: string): EmailResult {
  const text = toHalfWidth(input).trim();
  if (text === "") return invalid("empty", `请填写${FIELD}`);
  if (text.length > MAX_LENGTH) return invalid("too_long", `${FIELD}不能超过${MAX_LENGTH}个字符`);

  const formatError = invalid("format", `${FIELD}格式不正确，如 name@example.com`);
  const parts = text.split("@");
  if (parts.length !== 2) return formatError;
  const [local = "", domain = ""] = parts;
  if (!LOCAL_PART.test(local) || local.startsWith(".") || local.endsWith(".") || local.includes("..")) {
    return formatError;
  }
  const labels = domain.split(".");
  const topLevel = labels.at(-1) ?? "";
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) return formatError;
  if (topLevel.length < 2 || /^\d+$/.test(topLevel)) return formatError;

  return { ok: true, value: `${local}@${domain.toLowerCase()}` };
}

function invalid(reason: EmailInvalidReason, message: string): EmailResult {
  return { ok: false, reason, message };
}
