import { z } from "zod";
import { kindCodes } from "../reference/kinds";
import { levelCodes } from "../reference/levels";
import { occupationCodes } from "../reference/occupations";
import { multiline } from "../validators/text-tree";
import { applicantCategoryCodes, attachmentCodes, attachmentFileKinds, stageCodes } from "./codes";

export * from "./codes";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD");
/** An instant with an explicit offset, e.g. 2026-04-03T23:59:59+08:00. */
const isoInstant = z.iso.datetime({
  offset: true,
  message: "时间格式应为带时区的 ISO 8601，如 2026-04-03T23:59:59+08:00",
});
const regionCode = z.string().regex(/^\d{6}$/, "行政区划代码应为6位数字");

export const eligibilityRuleSchema = z.discriminatedUnion("rule", [
  z.object({ rule: z.literal("registeredOnOrBefore"), severity: z.enum(["hard", "soft"]), date: isoDate }),
  z.object({ rule: z.literal("registeredInRegion"), severity: z.enum(["hard", "soft"]), regionCode }),
  z.object({
    rule: z.literal("minAnnualScale"),
    severity: z.enum(["hard", "soft"]),
    count: z.number().int().positive("年培训规模门槛应为正整数"),
  }),
  z.object({
    rule: z.literal("minExperienceYears"),
    severity: z.enum(["hard", "soft"]),
    years: z.number().int().positive("培训经验年限应为正整数"),
  }),
  z.object({
    rule: z.literal("applicantCategory"),
    severity: z.enum(["hard", "soft"]),
    allowed: z.array(z.enum(applicantCategoryCodes)).min(1, "至少允许一类申报单位"),
  }),
  z.object({ rule: z.literal("noDishonestyRecord"), severity: z.enum(["hard", "soft"]) }),
  z.object({ rule: z.literal("notBarred"), severity: z.enum(["hard", "soft"]) }),
  z.object({ rule: z.literal("occupationOpen"), severity: z.enum(["hard", "soft"]) }),
]);
export type EligibilityRule = z.infer<typeof eligibilityRuleSchema>;

export const batchStageSchema = z.object({
  code: z.enum(stageCodes),
  opensAt: isoInstant.nullable(),
  closesAt: isoInstant.nullable(),
});
export type BatchStage = z.infer<typeof batchStageSchema>;

export const batchDefinitionSchema = z.object({
  /** Stable slug, unique among batches: national-2023-2, shanghai-2026-3. */
  code: z.string().regex(/^[a-z0-9][a-z0-9-]{2,63}$/, "批次代码只能包含小写字母、数字和连字符，3–64位"),
  title: z.string().trim().min(4, "通知标题至少4个字").max(200, "通知标题不超过200字"),
  shortTitle: z.string().trim().min(2, "简称至少2个字").max(40, "简称不超过40字"),
  documentNumber: z.string().trim().max(60, "文号不超过60字").nullable(),
  issuingBody: z.string().trim().min(2, "发文机关不能为空").max(100, "发文机关不超过100字"),
  sealNote: z.string().trim().max(100).nullable(),
  publishedOn: isoDate,
  /** national: recommended by provinces and industry departments; region: one province's own batch. */
  scope: z.discriminatedUnion("level", [
    z.object({ level: z.literal("national") }),
    z.object({ level: z.literal("region"), regionCode }),
  ]),
  addressees: multiline(z.string().trim().max(300)),
  batchNoticeText: multiline(z.string().min(20, "通知正文至少20字")),
  contacts: z.array(z.object({ label: z.string().min(1), value: z.string().min(1) })),
  kinds: z.array(z.enum(kindCodes)).min(1, "至少接受一类机构"),
  formTemplates: z.object({ training: z.string().nullable(), evaluation: z.string().nullable() }),
  occupations: z.array(z.enum(occupationCodes)).min(1, "至少开放一个职业"),
  levels: z.array(z.enum(levelCodes)).min(1, "至少开放一个等级"),
  exclusions: z.array(
    z.object({ kind: z.enum(kindCodes), occupation: z.enum(occupationCodes), reason: z.string().min(2) }),
  ),
  eligibilityRules: z.array(eligibilityRuleSchema),
  quotas: z.object({
    evaluation: z
      .object({
        perOccupationMin: z.number().int().positive("评价机构名额下限应为正整数"),
        perOccupationMax: z.number().int().positive("评价机构名额上限应为正整数"),
        /**
         * A cap per recommender and occupation: a batch setting, off (absent or null) unless the
         * office decides one — the national notice sets none (1—2家 is the national selection).
         */
        perRecommenderMax: z.number().int().positive("每个推荐单位的评价机构推荐上限应为正整数").nullish(),
      })
      .nullable(),
    training: z
      .object({
        perOccupationPerRegion: z.number().int().positive("培训机构名额应为正整数"),
        regionOverrides: z.array(
          z.object({
            regionCode,
            perOccupation: z.number().int().positive("地区名额应为正整数"),
            note: z.string().max(200),
          }),
        ),
        /** The notice sentence the per-region number comes from. */
        basis: z.string().trim().max(300).optional(),
        /**
         * Places whose quota the notice leaves open (北京、上海、粤港澳大湾区“可适当扩大规模”; a
         * province's own decision): the office enters the number with its basis per batch.
         * `prefectures` narrows the area to those prefecture codes (粤港澳大湾区: nine Guangdong cities).
         */
        officeSetAreas: z
          .array(
            z.object({
              regionCode,
              name: z.string().trim().min(2).max(30),
              prefectures: z.array(z.string().regex(/^\d{4}$/)).optional(),
              basis: z.string().trim().min(2).max(300),
            }),
          )
          .optional(),
      })
      .nullable(),
    note: multiline(z.string().max(500)),
  }),
  stages: z.array(batchStageSchema).min(1, "至少包含一个阶段"),
  /** Online submission deadline, enforced by the server to the second. */
  onlineDeadline: isoInstant,
  /** Paper copies (纸质材料) deadline, when the batch asks for paper. */
  paperDeadline: isoInstant.nullable(),
  paperCopies: z.number().int().min(0).max(10),
  submitTo: z.string().trim().max(200),
  publicNoticeWorkdays: z.number().int().min(1, "公示期至少1个工作日").max(30, "公示期不超过30个工作日"),
  catalogValidityYears: z.number().int().min(1).max(10),
  /**
   * How the notice itself words the catalog's validity, the assessment cycle and the bar after a
   * failed assessment: shown to the public as quoted; null where the notice says nothing.
   * Absent in definitions stored before these texts existed.
   */
  batchNoticeTerms: z
    .object({
      validity: z.string().trim().min(2).max(300).nullable(),
      assessmentCycle: z.string().trim().min(2).max(300).nullable(),
      reapplicationBan: z.string().trim().min(2).max(300).nullable(),
    })
    .optional(),
  assessmentCycleYears: z.number().int().min(1).max(10),
  reapplicationBanYears: z.number().int().min(0).max(10),
  /** Who publishes each kind's catalog: the national office, or the province of the institution. */
  catalogPublisher: z.object({
    training: z.enum(["national", "provincial", "organizer"]),
    evaluation: z.enum(["national", "provincial", "organizer"]),
  }),
  requiredAttachments: z.array(
    z.object({
      code: z.enum(attachmentCodes),
      name: z.string().min(2),
      required: z.boolean(),
      note: z.string().max(300),
      /** The file kinds the slot takes, recognised by content; absent: PDF, JPG or PNG. */
      fileKinds: z.array(z.enum(attachmentFileKinds)).min(1, "至少接受一种文件格式").optional(),
      /**
       * Uploaded after online submission, until the paper deadline (or the online deadline when the
       * batch asks for no paper): the stamped copy of the submitted version, which carries the
       * 申报编号 a draft cannot. Not asked at submission; the formal check waits for it.
       */
      afterSubmission: z.boolean().optional(),
    }),
  ),
  /** Where an applicant may choose the recommender (evaluation institutions: province or industry). */
  recommenderChoice: z.object({
    training: z.enum(["region", "regionOrIndustry"]),
    evaluation: z.enum(["region", "regionOrIndustry"]),
  }),
});

export type BatchDefinition = z.infer<typeof batchDefinitionSchema>;
