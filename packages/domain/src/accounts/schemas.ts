import { z } from "zod";
import { roleCodes } from "../policy/roles";
import { centralAffiliationCodes } from "../policy/routing";
import { regionCodes } from "../reference/regions";
import { creditCodeSchema, emailSchema, passwordSchema, phoneSchema } from "../validators/schemas";

const name = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(2, `${label}至少2个字`)
    .max(max, `${label}不超过${max}个字`);

/**
 * The graphical captcha sent with a form: the challenge's id and what the person read. Optional
 * here; the server says CAPTCHA_REQUIRED when a form needs one (always for registration and the
 * public objection and complaint forms, for a login after repeated failures).
 */
export const captchaFields = {
  captchaId: z.string().max(64).optional(),
  captchaAnswer: z.string().max(16, "验证码过长").optional(),
};

/** 申报单位自助注册. The credit code is the login name. */
export const registrationSchema = z.object({
  creditCode: creditCodeSchema,
  institutionName: name("单位名称", 100),
  contactName: name("联系人姓名", 30),
  phone: phoneSchema,
  email: emailSchema,
  password: passwordSchema,
  /** 在京中央单位 / 全国性行业组织所属: Beijing selects them (第二批通知); absent or null: neither. */
  centralAffiliation: z.enum(centralAffiliationCodes, { error: "请选择单位隶属情况" }).nullable().optional(),
  /** Set after the user confirmed a code whose check character does not match. */
  confirmCreditCodeWarning: z.boolean().optional(),
  ...captchaFields,
});
export type Registration = z.infer<typeof registrationSchema>;

export const loginSchema = z.object({
  username: z.string({ error: "请填写用户名" }).trim().min(1, "请填写用户名").max(64, "用户名过长"),
  password: z.string({ error: "请填写密码" }).min(1, "请填写密码").max(128, "密码过长"),
  ...captchaFields,
});

export const changePasswordSchema = z.object({
  currentPassword: z.string({ error: "请填写当前密码" }).min(1, "请填写当前密码").max(128),
  newPassword: passwordSchema,
});

const username = z
  .string({ error: "请填写用户名" })
  .trim()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]{2,31}$/,
    "用户名为3–32位字母、数字、点、下划线或连字符，以字母或数字开头",
  );

/** Staff accounts, created by the administrator. Jurisdiction is checked per role. */
export const createUserSchema = z
  .object({
    username,
    displayName: name("姓名或名称", 60),
    role: z.enum(roleCodes, { error: "请选择角色" }),
    password: passwordSchema,
    regionCode: z.enum(regionCodes, { error: "请选择地区" }).nullable().optional(),
    industryScope: z.string().trim().max(100, "行业范围不超过100个字").nullable().optional(),
    phone: phoneSchema.nullable().optional(),
    email: emailSchema.nullable().optional(),
  })
  .superRefine((value, ctx) => {
    const regional =
      value.role === "provincialOffice" ||
      value.role === "provincialRecommender" ||
      value.role === "receivingCentre";
    if (regional && !value.regionCode)
      ctx.addIssue({ code: "custom", path: ["regionCode"], message: "该角色必须指定所属地区" });
    if (value.role === "industryRecommender" && !value.industryScope) {
      ctx.addIssue({ code: "custom", path: ["industryScope"], message: "行业推荐单位必须填写行业范围" });
    }
    if (value.role === "institution") {
      ctx.addIssue({
        code: "custom",
        path: ["role"],
        message: "申报单位账号由单位自行注册，不能由管理员创建",
      });
    }
  });
export type CreateUser = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.object({
  displayName: name("姓名或名称", 60).optional(),
  status: z.enum(["active", "disabled"]).optional(),
  regionCode: z.enum(regionCodes, { error: "请选择地区" }).nullable().optional(),
  industryScope: z.string().trim().max(100).nullable().optional(),
  phone: phoneSchema.nullable().optional(),
  email: emailSchema.nullable().optional(),
});
