/** Stable error codes of the API, each with its HTTP status. Messages are Chinese and per-case. */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  INVALID_TEXT: 400,
  APPLICATION_NUMBER_INVALID: 400,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  LOGIN_THROTTLED: 429,
  CAPTCHA_REQUIRED: 400,
  CAPTCHA_INVALID: 400,
  ACCOUNT_DISABLED: 403,
  FORBIDDEN: 403,
  CSRF_TOKEN_INVALID: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VERSION_CONFLICT: 409,
  USERNAME_TAKEN: 409,
  INSTITUTION_EXISTS: 409,
  CREDIT_CODE_CHECKSUM_WARNING: 409,
  BATCH_NOT_EDITABLE: 409,
  APPLICATION_EXISTS: 409,
  APPLICATION_NOT_EDITABLE: 409,
  APPLICATION_NOT_DELETABLE: 409,
  COPY_SOURCE_NOT_FOUND: 404,
  TRANSITION_NOT_ALLOWED: 409,
  DEMO_ONLY: 409,
  DEADLINE_PASSED: 409,
  STAGE_CLOSED: 409,
  QUOTA_EXCEEDED: 409,
  QUOTA_PENDING: 409,
  RANK_TAKEN: 409,
  LIST_NOT_COMPLETE: 409,
  ASSIGNMENT_INVALID: 422,
  CONFLICT_OF_INTEREST: 409,
  REVIEW_CLOSED: 409,
  PLEDGE_REQUIRED: 409,
  SITE_VISIT_STATE: 409,
  SITE_VISIT_NOT_OPEN: 409,
  SITE_VISIT_PENDING: 409,
  RECOMMENDATION_CHECK_NOT_OPEN: 409,
  RECOMMENDATION_CHECK_REQUIRED: 409,
  SHORTFALL_REASON_REQUIRED: 422,
  SCORE_INVALID: 422,
  OCCUPATION_CLOSED: 422,
  APPLICATION_BARRED: 422,
  APPLICATION_INCOMPLETE: 422,
  FILE_TOO_LARGE: 413,
  FILE_TYPE_NOT_ALLOWED: 415,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  BATCH_INVALID: 422,
  CALENDAR_YEAR_UNKNOWN: 422,
  CALENDAR_YEAR_INCOMPLETE: 422,
  WEAK_PASSWORD: 422,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  NOT_READY: 503,
} as const;
export type ErrorCode = keyof typeof errorStatus;

export type FieldIssue = { path: string; message: string };

/** The one error type services throw; the error handler maps it to `{ code, message, fields? }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields: FieldIssue[] | undefined;
  readonly extra: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { fields?: FieldIssue[]; extra?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.code = code;
    this.status = errorStatus[code];
    this.fields = options.fields;
    this.extra = options.extra;
  }
}

export const notFound = (what = "资源") => new AppError("NOT_FOUND", `${what}不存在或无权访问`);
export const forbidden = (message = "没有执行此操作的权限") => new AppError("FORBIDDEN", message);
