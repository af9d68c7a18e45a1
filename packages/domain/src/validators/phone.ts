import { toHalfWidth } from "./normalize";

export type PhoneKind = "mobile" | "landline";

export type PhoneInvalidReason = "empty" | "format" | "area_code_required" | "kind_not_allowed";

export type PhoneResult =
  | { ok: true; value: string; kind: PhoneKind }
  | { ok: false; reason: PhoneInvalidReason; message: string };

export type CheckPhoneOptions = {
  /** Which kinds the field accepts; both by default. */
  allow?: readonly PhoneKind[];
  /** Field name used in messages; defaults to 手机号码 / 固定电话 / 联系电话 by `allow`. */
  label?: string;
};

const MOBILE = /^1[3-9]\d{9}$/;
// Area codes: 010 and 02x are the only three-digit ones; every other is four digits starting 03–09.
const AREA_CODE = /^(?:010|02\d|0[3-9]\d{2})$/;
// Local numbers never start with 0 (trunk prefix) or 1 (service numbers such as 110, 12345).
const LOCAL_NUMBER = /^[2-9]\d{6,7}$/;
const LANDLINE = /^(0\d{2,3})(-?)(\d{7,8})(?:(?:-|转|#|ext\.?)(\d{1,6}))?$/i;

/**
 * Checks a phone number typed into a form and normalises it.
 *
 * - Mobile: 1[3-9] + 9 digits, optionally prefixed +86 / 0086, with spaces or dashes anywhere
 *   ("+86 138-0013-8000"). Normalised to the bare 11 digits.
 * - Landline: area code + 7–8 digit local number, optional extension after "-", "转", "#" or "ext"
 *   ("(021) 6234 5678", "0571-88888888-123"). Normalised to "021-62345678" / "0571-88888888-123".
 *   When the area code is typed without a separator it is split by the numbering plan (010, 02x are
 *   three digits, others four). A local number without its area code (e.g. Shanghai's 8 digits as
 *   printed in notices) is rejected: the platform serves the whole country, so the area code is needed.
 */
export function checkPhone(input: string, opts: CheckPhoneOptions = {}): PhoneResult {
  const allow = opts.allow ?? ["mobile", "landline"];
  const allowMobile = allow.includes("mobile");
  const allowLandline = allow.includes("landline");
  const label =
    opts.label ?? (allowMobile && allowLandline ? "联系电话" : allowMobile ? "手机号码" : "固定电话");
  const example = [allowMobile ? "手机号如 13800138000" : "", allowLandline ? "固定电话如 010-62345678" : ""]
    .filter(Boolean)
    .join("，");

  const text = toHalfWidth(input).trim();
  if (text === "") return invalid("empty", `请填写${label}`);

  const parsed = parsePhone(text);
  if (parsed === "local_only") {
    if (!allowLandline) return invalid("format", `${label}格式不正确，${example}`);
    const prefix = allowMobile ? `${label}为固定电话时` : label;
    return invalid("area_code_required", `${prefix}请填写区号，如 021-62345678`);
  }
  if (parsed === undefined) return invalid("format", `${label}格式不正确，${example}`);
  if (!allow.includes(parsed.kind)) {
    const message =
      parsed.kind === "mobile"
        ? "此处请填写固定电话（含区号），不接受手机号码"
        : "此处请填写手机号码，不接受固定电话";
    return invalid("kind_not_allowed", message);
  }
  return { ok: true, value: parsed.value, kind: parsed.kind };
}

/**
 * Masks a phone number for display: mobiles keep the first 3 and last 4 digits ("138****8000"),
 * landlines keep the area code, the last 4 digits and any extension ("010-****5678-123").
 * Anything unparseable keeps only its last 4 characters.
 */
export function maskPhone(input: string): string {
  const parsed = parsePhone(toHalfWidth(input).trim());
  if (parsed !== undefined && parsed !== "local_only") {
    if (parsed.kind === "mobile") return `${parsed.value.slice(0, 3)}****${parsed.value.slice(7)}`;
    const [area = "", local = "", extension] = parsed.value.split("-");
    const masked = `${area}-${"*".repeat(local.length - 4)}${local.slice(-4)}`;
    return extension === undefined ? masked : `${masked}-${extension}`;
  }
  const compact = input.replace(/\s+/g, "");
  return compact.length <= 4
    ? "*".repeat(compact.length)
    : `${"*".repeat(compact.length - 4)}${compact.slice(-4)}`;
}

type ParsedPhone = { kind: PhoneKind; value: string } | "local_only" | undefined;

function parsePhone(text: string): ParsedPhone {
  const compact = text.replace(/\s+/g, "");
  const mobile = compact.replace(/^(?:\+86|0086)-?/, "").replace(/-/g, "");
  if (MOBILE.test(mobile)) return { kind: "mobile", value: mobile };

  // "(021)62345678" and "(021)-62345678" are written as "021-62345678".
  const landlineText = compact.replace(/^\((0\d{2,3})\)-?/, "$1-");
  const match = LANDLINE.exec(landlineText);
  if (match) {
    const [, areaPart = "", separator, localPart = "", extension] = match;
    let area = areaPart;
    let local = localPart;
    if (separator === "") {
      const digits = area + local;
      const areaLength = /^(?:010|02)/.test(digits) ? 3 : 4;
      area = digits.slice(0, areaLength);
      local = digits.slice(areaLength);
    }
    if (!AREA_CODE.test(area) || !LOCAL_NUMBER.test(local)) return undefined;
    return {
      kind: "landline",
      value: extension === undefined ? `${area}-${local}` : `${area}-${local}-${extension}`,
    };
  }

  if (LOCAL_NUMBER.test(compact.replace(/-/g, ""))) return "local_only";
  return undefined;
}

function invalid(reason: PhoneInvalidReason, message: string): PhoneResult {
  return { ok: false, reason, message };
}
