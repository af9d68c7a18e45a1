import crypto from "node:crypto";
import { computeCreditCodeCheckChar, type Role } from "@linxuan/domain";
import { createStaffUser } from "../features/users/service";
import { systemCaller } from "../http/deps";
import type { TestContext } from "./harness";

export const TEST_PASSWORD = "Test-Pass-2026";

let counter = 0;
const unique = () =>
  `${Date.now().toString(36)}${(counter++).toString(36)}${crypto.randomBytes(2).toString("hex")}`;

/** A fresh staff account per call; returns its username (password TEST_PASSWORD). */
export async function makeStaff(
  ctx: TestContext,
  role: Exclude<Role, "institution">,
  extra: { regionCode?: string; industryScope?: string } = {},
): Promise<string> {
  const username = `t-${role.slice(0, 8).toLowerCase()}-${unique()}`.slice(0, 32);
  const regional =
    role === "provincialOffice" || role === "provincialRecommender" || role === "receivingCentre";
  await createStaffUser(ctx.deps, systemCaller, {
    username,
    displayName: `测试${role}`,
    role,
    password: TEST_PASSWORD,
    regionCode: (extra.regionCode ?? (regional ? "310000" : null)) as never,
    industryScope: extra.industryScope ?? (role === "industryRecommender" ? "工业和信息化" : null),
  });
  return username;
}

/** A valid, unique 统一社会信用代码 registered in the given province (default Shanghai). */
export function makeCreditCode(regionCode = "310000"): string {
  const digits = crypto
    .randomInt(0, 10 ** 8)
    .toString()
    .padStart(8, "0");
  const body = `91${regionCode.slice(0, 2)}0101MA${digits}`.slice(0, 17);
  return `${body}${computeCreditCodeCheckChar(body)}`;
}

export function makeRegistration(overrides: Record<string, unknown> = {}) {
  return {
    creditCode: makeCreditCode(),
    institutionName: `测试数字技术培训中心${unique()}`,
    contactName: "张老师",
    phone: "13800138000",
    email: `contact-${unique()}@example.cn`,
    password: TEST_PASSWORD,
    ...overrides,
  };
}
