import { isApiError } from "../http";

/** A form's messages by field name; a field without one is fine. */
export type FieldErrors = Partial<Record<string, string>>;

/**
 * The server's per-field messages (ApiError.fields) by field path, for forms drawn without antd
 * (antd forms use form-errors.ts applyFieldErrors). Several messages for one field are all shown.
 */
export function serverFieldErrors(error: unknown): FieldErrors {
  const errors: FieldErrors = {};
  if (!isApiError(error)) return errors;
  for (const issue of error.fields) {
    const shown = errors[issue.path];
    errors[issue.path] = shown ? `${shown}；${issue.message}` : issue.message;
  }
  return errors;
}

/** The errors without the empty ones, so `Object.keys(...).length` says whether any is left. */
export function withoutEmpty(errors: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).filter(([, message]) => Boolean(message)));
}

/**
 * Moves the keyboard to the first field marked invalid once the messages are drawn, as antd's
 * scrollToFirstError does, so a screen reader hears what to fix.
 */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  window.requestAnimationFrame(() => {
    const field = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    field?.focus();
    field?.scrollIntoView({ block: "center" });
  });
}
