import { z } from "zod";
import { checkCreditCode } from "./credit-code";
import { checkEmail } from "./email";
import { checkIdNumber } from "./id-number";
import { checkPasswordPolicy } from "./password";
import { checkPhone } from "./phone";

type Check = (input: string) => { ok: true; value: string } | { ok: false; message: string };

// Every schema takes a string, reports the validator's Chinese message and outputs the normalised
// value, so the server stores "91350100M000100Y43" whatever width or case the user typed.
function schemaFromCheck(check: Check, requiredMessage: string) {
  return z.string({ error: requiredMessage }).transform((input, ctx) => {
    const result = check(input);
    if (!result.ok) {
      ctx.addIssue({ code: "custom", message: result.message });
      return z.NEVER;
    }
    return result.value;
  });
}

/**
 * 统一社会信用代码 → normalised code. A checksum warning passes: call `checkCreditCode` to find out
 * whether the user must confirm the code before it is saved.
 */
export const creditCodeSchema = schemaFromCheck((input) => {
  const result = checkCreditCode(input);
  return result.status === "invalid"
    ? { ok: false, message: result.message }
    : { ok: true, value: result.code };
}, "请填写统一社会信用代码");

/** 居民身份证号 → normalised 18 characters (upper-case X). Birth dates are checked against today. */
export const idNumberSchema = schemaFromCheck((input) => checkIdNumber(input), "请填写身份证号");

/** Mainland mobile number → 11 digits. */
export const mobileSchema = schemaFromCheck(
  (input) => checkPhone(input, { allow: ["mobile"] }),
  "请填写手机号码",
);

/** Mobile or landline with area code → "13800138000" / "010-62345678[-ext]". */
export const phoneSchema = schemaFromCheck((input) => checkPhone(input), "请填写联系电话");

/** E-mail address → trimmed, domain lower-cased. */
export const emailSchema = schemaFromCheck(checkEmail, "请填写电子邮箱");

/**
 * Password meeting the policy, output unchanged. The "not the username" rule needs the username:
 * check it on the enclosing object with `checkPasswordPolicy(password, { username })`.
 */
export const passwordSchema = z.string({ error: "请填写密码" }).superRefine((password, ctx) => {
  const result = checkPasswordPolicy(password);
  if (!result.ok) ctx.addIssue({ code: "custom", message: result.message });
});
