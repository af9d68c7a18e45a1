import { z } from "zod";
import { checkEmail } from "../validators/email";
import { checkPhone } from "../validators/phone";

/** 落款 and objection contacts: what the office enters when it publishes a notice. */
export const publicNoticeContactsSchema = z.object({
  issuingBody: z
    .string({ error: "请填写发布单位（落款）" })
    .trim()
    .min(4, "发布单位（落款）至少4个字")
    .max(60, "发布单位（落款）不超过60个字"),
  contactAddress: z
    .string({ error: "请填写受理异议的通讯地址" })
    .trim()
    .min(6, "受理异议的通讯地址至少6个字")
    .max(120, "受理异议的通讯地址不超过120个字"),
  contactPhone: z.string({ error: "请填写受理异议的联系电话" }).transform((input, ctx) => {
    const result = checkPhone(input, { label: "受理异议的联系电话" });
    if (result.ok) return result.value;
    ctx.addIssue({ code: "custom", message: result.message });
    return z.NEVER;
  }),
  contactEmail: z.string({ error: "请填写受理异议的电子邮箱" }).transform((input, ctx) => {
    const result = checkEmail(input);
    if (result.ok) return result.value;
    const message = result.reason === "empty" ? "请填写受理异议的电子邮箱" : `受理异议的${result.message}`;
    ctx.addIssue({ code: "custom", message });
    return z.NEVER;
  }),
});
export type PublicNoticeContacts = z.infer<typeof publicNoticeContactsSchema>;
