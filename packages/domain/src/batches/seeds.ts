import { shanghaiOffsetInstant } from "../calendar/shanghai-time";
import { occupationCodes } from "../reference/occupations";
import { nationalBatch2BatchNoticeText, shanghaiBatch3BatchNoticeText } from "./batch-notice-texts";
import { GREATER_BAY_AREA_PREFECTURES } from "./quota-areas";
import type { BatchDefinition } from "./schema";

const allOccupations = [...occupationCodes];
const allLevels: BatchDefinition["levels"] = ["junior", "intermediate", "senior"];

/** The national notice's sentence behind the places whose quota the office sets. */
const EXPAND_BASIS = "按照建设世界重要人才中心和创新高地要求，北京、上海、粤港澳大湾区等地方可适当扩大规模。";

const batch1EvaluationReason = "该职业评价机构已在第一批遴选，本批次不再遴选";

/**
 * 数字技术工程师培育项目第二批培训机构和评价机构遴选 (national, 2023-05-19).
 * "于2023年6月23日（周五）前" is read as: submissions accepted until the end of that day.
 */
export const nationalBatch2: BatchDefinition = {
  code: "national-2023-2",
  title: "关于开展数字技术工程师培育项目第二批培训机构和评价机构遴选工作的通知",
  shortTitle: "全国第二批遴选",
  documentNumber: null,
  issuingBody: "专业技术人员知识更新工程指导协调小组",
  sealNote: "人力资源社会保障部办公厅代章",
  publishedOn: "2023-05-19",
  scope: { level: "national" },
  addressees:
    "各省、自治区、直辖市及新疆生产建设兵团人力资源社会保障厅（局），中共海南省委人才发展局，国务院有关部委、直属机构人事部门，有关行业组织、中央企业人力资源部门",
  batchNoticeText: nationalBatch2BatchNoticeText,
  contacts: [
    { label: "联系电话", value: "010-84629295" },
    { label: "邮寄地址", value: "北京市朝阳区育慧里5号（邮编：100101）" },
    { label: "电子邮箱", value: "rsbjxujiaoyu@163.com" },
    {
      label: "书面材料报送",
      value: "人力资源社会保障部事业单位人事服务中心继续教育和国际合作处（机要交换或邮寄）",
    },
    { label: "联系单位", value: "专业技术人员管理司" },
  ],
  kinds: ["training", "evaluation"],
  formTemplates: { training: "national-training-v1", evaluation: "national-evaluation-v1" },
  occupations: allOccupations,
  levels: allLevels,
  exclusions: [
    { kind: "evaluation", occupation: "smart_manufacturing", reason: batch1EvaluationReason },
    { kind: "evaluation", occupation: "big_data", reason: batch1EvaluationReason },
    { kind: "evaluation", occupation: "blockchain", reason: batch1EvaluationReason },
  ],
  eligibilityRules: [
    { rule: "registeredOnOrBefore", severity: "soft", date: "2018-12-31" },
    { rule: "minAnnualScale", severity: "soft", count: 2000 },
    { rule: "noDishonestyRecord", severity: "hard" },
    { rule: "notBarred", severity: "hard" },
    { rule: "occupationOpen", severity: "hard" },
  ],
  quotas: {
    // 1—2家 is the national selection per occupation; the notice caps no recommender, so the
    // per-recommender cap stays off.
    evaluation: { perOccupationMin: 1, perOccupationMax: 2, perRecommenderMax: null },
    training: {
      perOccupationPerRegion: 5,
      regionOverrides: [],
      basis: "培训机构：每个职业每个地方计划遴选不超过 5 家。",
      officeSetAreas: [
        { regionCode: "110000", name: "北京市", basis: EXPAND_BASIS },
        { regionCode: "310000", name: "上海市", basis: EXPAND_BASIS },
        {
          regionCode: "440000",
          name: "粤港澳大湾区",
          prefectures: [...GREATER_BAY_AREA_PREFECTURES],
          basis: EXPAND_BASIS,
        },
      ],
    },
    note: "通知规定北京、上海、粤港澳大湾区“可适当扩大规模”，未给出具体数额；扩大后的名额由工程指导协调小组办公室在本批次中设定并注明依据。",
  },
  stages: [
    { code: "submission", opensAt: "2023-05-19T00:00:00+08:00", closesAt: "2023-06-23T23:59:59+08:00" },
    { code: "recommendation", opensAt: "2023-05-19T00:00:00+08:00", closesAt: "2023-06-23T23:59:59+08:00" },
    { code: "expertReview", opensAt: null, closesAt: null },
    { code: "decision", opensAt: null, closesAt: null },
    { code: "publicNotice", opensAt: null, closesAt: null },
    { code: "catalog", opensAt: null, closesAt: null },
  ],
  onlineDeadline: "2023-06-23T23:59:59+08:00",
  paperDeadline: "2023-06-23T23:59:59+08:00",
  // 五(四): "推荐表等书面材料以机要交换或邮寄方式报送" — the notice states no number of copies.
  paperCopies: 0,
  submitTo: "人力资源社会保障部事业单位人事服务中心继续教育和国际合作处",
  publicNoticeWorkdays: 5,
  catalogValidityYears: 3,
  assessmentCycleYears: 3,
  reapplicationBanYears: 3,
  // 一(五); the notice states no assessment cycle and no bar on reapplying.
  batchNoticeTerms: {
    validity:
      "纳入目录的培训机构和评价机构有效期限均为3年，目录向社会公开并动态调整。有效期限起算时间统一为知识更新工程网上审核通过时间。",
    assessmentCycle: null,
    reapplicationBan: null,
  },
  catalogPublisher: { training: "provincial", evaluation: "national" },
  requiredAttachments: [
    {
      code: "stampedForm",
      name: "推荐表（加盖单位印章的PDF）",
      required: true,
      note: "按职业分别填报，打印盖章后扫描上传",
    },
    {
      code: "legalRegistrationCertificate",
      name: "法人登记证书复印件（加盖单位印章）",
      required: true,
      note: "",
    },
    { code: "creditReport", name: "信用报告或诚信承诺书", required: true, note: "" },
    {
      code: "supportingMaterials",
      name: "支撑材料",
      required: false,
      note: "培训管理制度等具体文本、支撑材料另附",
    },
  ],
  recommenderChoice: { training: "region", evaluation: "regionOrIndustry" },
};

/** 沪人社专〔2026〕55号: Shanghai's third batch, training institutions only. */
export const shanghaiBatch3: BatchDefinition = {
  code: "shanghai-2026-3",
  title: "上海市人力资源和社会保障局关于开展数字技术工程师培育项目第三批培训机构遴选工作的通知",
  shortTitle: "上海第三批培训机构遴选",
  documentNumber: "沪人社专〔2026〕55号",
  issuingBody: "上海市人力资源和社会保障局",
  sealNote: null,
  publishedOn: "2026-03-03",
  scope: { level: "region", regionCode: "310000" },
  addressees: "各专业技术人员继续教育基地、高等院校",
  batchNoticeText: shanghaiBatch3BatchNoticeText,
  contacts: [
    { label: "联系人", value: "崔老师、黄老师、龚老师" },
    { label: "联系电话", value: "23110186、63816858、32511306" },
    { label: "传真", value: "32511305" },
    { label: "电子邮箱", value: "zhuanjibu@shrc.com.cn" },
    { label: "联系地址", value: "梅园路77号上海人才大厦1301室" },
    { label: "邮编", value: "200070" },
  ],
  kinds: ["training"],
  formTemplates: { training: "shanghai-training-v1", evaluation: null },
  occupations: [
    "big_data",
    "blockchain",
    "smart_manufacturing",
    "digital_management",
    "ai",
    "iot",
    "cloud",
    "industrial_internet",
    "virtual_reality",
    "integrated_circuit",
  ],
  levels: allLevels,
  exclusions: [],
  eligibilityRules: [
    { rule: "registeredInRegion", severity: "hard", regionCode: "310000" },
    { rule: "applicantCategory", severity: "hard", allowed: ["continuingEducationBase", "university"] },
    { rule: "minExperienceYears", severity: "soft", years: 5 },
    { rule: "minAnnualScale", severity: "soft", count: 1500 },
    { rule: "noDishonestyRecord", severity: "hard" },
    { rule: "notBarred", severity: "hard" },
    { rule: "occupationOpen", severity: "hard" },
  ],
  quotas: {
    evaluation: null,
    training: {
      perOccupationPerRegion: 5,
      regionOverrides: [],
      basis: "全国通知：培训机构每个职业每个地方计划遴选不超过 5 家。",
      officeSetAreas: [
        {
          regionCode: "310000",
          name: "上海市",
          basis: "本批次通知未规定名额；全国通知规定上海“可适当扩大规模”，名额由市人力资源社会保障局决定。",
        },
      ],
    },
    note: "通知未规定本批次名额；按全国通知“每个职业每个地方不超过5家，上海可适当扩大规模”，名额由市人力资源社会保障局决定并注明依据。",
  },
  stages: [
    { code: "submission", opensAt: "2026-03-03T00:00:00+08:00", closesAt: "2026-04-03T23:59:59+08:00" },
    { code: "formalCheck", opensAt: "2026-03-03T00:00:00+08:00", closesAt: null },
    { code: "expertReview", opensAt: null, closesAt: null },
    { code: "decision", opensAt: null, closesAt: null },
    { code: "publicNotice", opensAt: null, closesAt: null },
    { code: "catalog", opensAt: null, closesAt: null },
  ],
  onlineDeadline: "2026-04-03T23:59:59+08:00",
  paperDeadline: "2026-04-03T23:59:59+08:00",
  paperCopies: 2,
  submitTo: "上海市人力资源公共服务中心",
  publicNoticeWorkdays: 5,
  catalogValidityYears: 3,
  assessmentCycleYears: 3,
  reapplicationBanYears: 3,
  // 四、工作要求: the notice sets no separate validity; listing continues by the 3-year assessment.
  batchNoticeTerms: {
    validity: "对考核评估结果较好的单位，继续纳入培训机构目录，并在资源配置、任务分配等方面给予一定倾斜。",
    assessmentCycle: "市人力资源社会保障局以3年为一周期，对纳入培训机构目录的单位进行考核评估。",
    reapplicationBan: "对考核评估结果不通过，不再纳入培训机构目录，且3年内不得再次申报培训机构遴选。",
  },
  catalogPublisher: { training: "organizer", evaluation: "organizer" },
  // 三、1: "加盖单位印章的纸质材料（一式2份）及电子版（加盖公章的PDF格式）" — nothing else is asked.
  requiredAttachments: [
    {
      code: "stampedForm",
      name: "申报表电子版（加盖公章的PDF格式）",
      required: true,
      note: "提交后下载带申报编号的申报表，打印盖章后扫描上传；加盖单位印章的纸质材料（一式2份）另报市人力资源公共服务中心",
      fileKinds: ["pdf"],
      afterSubmission: true,
    },
    {
      code: "supportingMaterials",
      name: "支撑材料",
      required: false,
      note: "培训管理制度等具体文本、支撑材料另附",
    },
  ],
  recommenderChoice: { training: "region", evaluation: "region" },
};

export const BUILT_IN_BATCHES: readonly BatchDefinition[] = [nationalBatch2, shanghaiBatch3];

/**
 * A clearly labelled 演示 copy of a seed batch with every date shifted so that its online
 * deadline falls `daysAhead` days after `now`: lets a newcomer walk the whole workflow today.
 */
export function makeDemoBatch(source: BatchDefinition, now: Date, daysAhead = 30): BatchDefinition {
  const deadline = Date.parse(source.onlineDeadline);
  const target = now.getTime() + daysAhead * 86_400_000;
  // Shift by whole days so every time of day (23:59:59 +08:00) is kept.
  return shiftDemoBatch(source, Math.ceil((target - deadline) / 86_400_000));
}

/** The whole days by which a stored 【演示】 copy was shifted from its source. */
export function demoShiftDays(source: BatchDefinition, demo: BatchDefinition): number {
  return Math.round((Date.parse(demo.onlineDeadline) - Date.parse(source.onlineDeadline)) / 86_400_000);
}

/** The 【演示】 copy of `source` with every date moved by `shiftDays` whole days. */
export function shiftDemoBatch(source: BatchDefinition, shiftDays: number): BatchDefinition {
  const shift = (iso: string | null) => (iso === null ? null : shiftInstant(iso, shiftDays));
  return {
    ...source,
    code: `${source.code}-demo`,
    title: `【演示】${source.title}`,
    shortTitle: `【演示】${source.shortTitle}`,
    publishedOn: shiftDate(source.publishedOn, shiftDays),
    stages: source.stages.map((stage) => ({
      ...stage,
      opensAt: shift(stage.opensAt),
      closesAt: shift(stage.closesAt),
    })),
    onlineDeadline: shiftInstant(source.onlineDeadline, shiftDays),
    paperDeadline: shift(source.paperDeadline),
    batchNoticeText: `${demoPreface(source, shiftDays)}\n\n${source.batchNoticeText}`,
  };
}

/** The 【演示】 copy's own dates, stated before the original text whose dates it replaces. */
function demoPreface(source: BatchDefinition, shiftDays: number): string {
  const dates = [
    `发布日期${chineseDate(shiftDate(source.publishedOn, shiftDays))}`,
    `网上申报截止${chineseInstant(shiftInstant(source.onlineDeadline, shiftDays))}`,
  ];
  if (source.paperDeadline)
    dates.push(`纸质材料报送截止${chineseInstant(shiftInstant(source.paperDeadline, shiftDays))}`);
  return `【演示批次】本批次是系统演示用的副本，仅供熟悉流程，不具任何效力。本演示批次的日期为：${dates.join("，")}；下文原通知中的日期以此为准。`;
}

function chineseDate(date: string): string {
  const [year, month, day] = date.split("-").map(Number);
  return `${year}年${month}月${day}日`;
}

/** 2026-04-03T23:59:59+08:00 → 2026年4月3日24时 (the +08:00 wall clock as written). */
function chineseInstant(iso: string): string {
  const time = iso.slice(11, 19);
  const [hour, minute] = time.split(":").map(Number);
  const clock = time === "23:59:59" ? "24时" : `${hour}时${minute ? `${minute}分` : ""}`;
  return `${chineseDate(iso.slice(0, 10))}${clock}`;
}

function shiftDate(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Shifts an instant written with +08:00 by whole days, keeping the +08:00 wall-clock form. */
function shiftInstant(iso: string, days: number): string {
  const t = Date.parse(iso) + days * 86_400_000;
  return shanghaiOffsetInstant(t);
}
