export type PasswordInvalidReason =
  | "empty"
  | "too_short"
  | "too_long"
  | "whitespace"
  | "classes"
  | "same_as_username";

export type PasswordResult = { ok: true } | { ok: false; reason: PasswordInvalidReason; message: string };

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * Checks the password policy: 8–128 characters (counted as Unicode code points), no whitespace
 * (a trailing space pasted from a document would silently lock the user out), at least three of the
 * four classes lower-case / upper-case / digit / symbol (any other visible character, Chinese
 * included), and not the username (case-insensitive). The password is never trimmed or normalised:
 * what the user typed is what gets hashed.
 */
export function checkPasswordPolicy(password: string, opts: { username?: string } = {}): PasswordResult {
  const length = [...password].length;
  if (length === 0) return invalid("empty", "请填写密码");
  if (length < PASSWORD_MIN_LENGTH) return invalid("too_short", `密码至少${PASSWORD_MIN_LENGTH}位`);
  if (length > PASSWORD_MAX_LENGTH) return invalid("too_long", `密码不能超过${PASSWORD_MAX_LENGTH}位`);
  if (/\s/.test(password)) return invalid("whitespace", "密码不能包含空格或换行");

  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((pattern) => pattern.test(password)).length;
  if (classes < 3) {
    return invalid("classes", "密码须包含小写字母、大写字母、数字、符号中的至少三类");
  }
  const username = opts.username?.trim();
  if (username && username.toLowerCase() === password.toLowerCase()) {
    return invalid("same_as_username", "密码不能与用户名相同");
  }
  return { ok: true };
}

function invalid(reason: PasswordInvalidReason, message: string): PasswordResult {
  return { ok: false, reason, message };
}
