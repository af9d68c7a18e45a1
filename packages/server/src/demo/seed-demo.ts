import crypto from "node:crypto";
import { type CreateUser, computeCreditCodeCheckChar, occupationCodes } from "@linxuan/domain";
import { insertInstitutionWithAccount } from "../features/auth/queries";
import { ensureDemoBatches, listAllBatches } from "../features/batches/service";
import { ensureDemoQuotaSettings } from "../features/quotas/settings";
import { createStaffUser } from "../features/users/service";
import { runCommand } from "../http/command";
import { hashPassword } from "../http/crypto";
import { type Deps, systemCaller } from "../http/deps";

type StaffSeed = Omit<CreateUser, "password">;

const staff: StaffSeed[] = [
  { username: "admin", displayName: "系统管理员", role: "admin" },
  { username: "office", displayName: "工程指导协调小组办公室", role: "nationalOffice" },
  {
    username: "sh-office",
    displayName: "上海市人力资源和社会保障局专业技术人员管理处",
    role: "provincialOffice",
    regionCode: "310000",
  },
  {
    username: "rec-beijing",
    displayName: "北京市人力资源和社会保障局",
    role: "provincialRecommender",
    regionCode: "110000",
  },
  {
    username: "rec-shanghai",
    displayName: "上海市人力资源和社会保障局",
    role: "provincialRecommender",
    regionCode: "310000",
  },
  {
    username: "rec-guangdong",
    displayName: "广东省人力资源和社会保障厅",
    role: "provincialRecommender",
    regionCode: "440000",
  },
  {
    username: "rec-industry",
    displayName: "工业和信息化部人事教育司",
    role: "industryRecommender",
    industryScope: "工业和信息化",
  },
  {
    username: "sh-centre",
    displayName: "上海市人力资源公共服务中心",
    role: "receivingCentre",
    regionCode: "310000",
  },
];

/** The demo experts, expert01 王建国 … expert12 孙丽 (journeys sign in as them by name). */
export const expertNames = [
  "王建国",
  "李晓梅",
  "张伟",
  "刘洋",
  "陈静",
  "杨帆",
  "赵磊",
  "黄蕾",
  "周强",
  "吴敏",
  "徐斌",
  "孙丽",
];

/** A demo expert's username: expert01 for 王建国 … */
export function demoExpertUsername(name: string): string {
  return `expert${String(expertNames.indexOf(name) + 1).padStart(2, "0")}`;
}

/** Builds a valid credit code from a 17-character body (demo data must pass the real check). */
const creditCode = (body: string) => `${body}${computeCreditCodeCheckChar(body)}`;

const institutions = [
  {
    name: "上海数智工程大学",
    body: "12310000425001234",
    contact: "周明",
    phone: "021-65981234",
    email: "jxjy@sdu-demo.edu.cn",
  },
  {
    name: "上海市专业技术人员继续教育基地（浦东）",
    body: "52310115MJ5001234",
    contact: "钱芳",
    phone: "13916001234",
    email: "base@pdjx-demo.org.cn",
  },
  {
    name: "北京智云数字技术培训有限公司",
    body: "91110108MA0012345",
    contact: "孙磊",
    phone: "010-62781234",
    email: "px@zhiyun-demo.com",
  },
  {
    name: "广东省数字技术人才评价协会",
    body: "51440000MJ0012345",
    contact: "林晓",
    phone: "020-83761234",
    email: "pj@gddt-demo.org.cn",
  },
];

const expertEmployers: [employer: string, region: string][] = [
  ["清华大学计算机科学与技术系", "110000"],
  ["上海交通大学电子信息与电气工程学院", "310000"],
  ["中国科学院计算技术研究所", "110000"],
  ["华南理工大学计算机科学与工程学院", "440000"],
  ["浙江大学计算机科学与技术学院", "330000"],
  ["中国电子技术标准化研究院", "110000"],
  ["同济大学电子与信息工程学院", "310000"],
  ["南京大学软件学院", "320000"],
  ["中国信息通信研究院", "110000"],
  ["复旦大学计算机科学技术学院", "310000"],
  ["深圳大学计算机与软件学院", "440000"],
  ["工业和信息化部电子第五研究所", "440000"],
];
const titles = ["教授", "研究员", "正高级工程师", "教授级高级工程师"];

/** Demo experts get a pool profile: employer, region and two or three occupations each. */
async function insertExpertProfile(deps: Deps, userId: string, index: number) {
  const [employer, regionCode] = expertEmployers[index % expertEmployers.length] ?? ["某大学", "110000"];
  const occupations = [0, 1, 2]
    .slice(0, 2 + (index % 2))
    .map((offset) => occupationCodes[(index + offset * 4) % occupationCodes.length]);
  const now = deps.clock().toISOString();
  await deps.db
    .insertInto("experts")
    .values({
      id: crypto.randomUUID(),
      userId,
      name: expertNames[index] ?? `专家${index + 1}`,
      employer,
      employerCreditCode: null,
      title: titles[index % titles.length] ?? "教授",
      occupations: JSON.stringify([...new Set(occupations)]),
      regionCode,
      phoneEnc: deps.cipher.encrypt(`1391000${String(index + 1).padStart(4, "0")}`),
      email: `expert${String(index + 1).padStart(2, "0")}@example.edu.cn`,
      active: 1,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
}

export type DemoAccount = { username: string; role: string; displayName: string };

/**
 * Demo data for a newcomer: one account per role, twelve experts, four institutions and a
 * 演示 copy of each seed batch with future dates. Never runs in production (checked by callers
 * and again here).
 */
export async function seedDemo(deps: Deps, password: string): Promise<DemoAccount[]> {
  if (deps.config.production) throw new Error("生产环境（NODE_ENV=production）不创建演示数据");
  const accounts: DemoAccount[] = [];
  const seeds: StaffSeed[] = [
    ...staff,
    ...expertNames.map((name) => ({
      username: demoExpertUsername(name),
      displayName: name,
      role: "expert" as const,
    })),
  ];
  for (const seed of seeds) {
    const { id } = await createStaffUser(deps, systemCaller, { ...seed, password });
    accounts.push({ username: seed.username, role: seed.role, displayName: seed.displayName });
    const index = expertNames.indexOf(seed.displayName);
    if (seed.role === "expert" && index >= 0) await insertExpertProfile(deps, id, index);
  }
  const passwordHash = await hashPassword(password, deps.config.passwordHashCost);
  for (const item of institutions) {
    const code = creditCode(item.body);
    const now = deps.clock().toISOString();
    const institutionId = crypto.randomUUID();
    const phoneEnc = deps.cipher.encrypt(item.phone);
    await runCommand(
      deps,
      systemCaller,
      "institution.register",
      async (trx) => {
        await insertInstitutionWithAccount(trx, {
          institutionId,
          creditCode: code,
          name: item.name,
          contactName: item.contact,
          phoneEnc,
          email: item.email,
          regionCode: `${code.slice(2, 4)}0000`,
          warningConfirmed: false,
          passwordHash,
          now,
        });
      },
      () => ({ targetType: "institution", targetId: institutionId, summary: `演示申报单位：${item.name}` }),
    );
    accounts.push({ username: code, role: "institution", displayName: item.name });
  }
  await ensureDemoBatches(deps, systemCaller);
  const demoBatches = (await listAllBatches(deps)).filter((batch) => batch.isDemo).map((batch) => batch.id);
  await ensureDemoQuotaSettings(deps, systemCaller, demoBatches);
  return accounts;
}

/** Demo mode seeds only an empty platform: any account at all means a real or seeded one exists. */
export async function isEmptyPlatform(deps: Deps): Promise<boolean> {
  const row = await deps.db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}
