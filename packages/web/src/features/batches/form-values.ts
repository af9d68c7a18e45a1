import type { ApplicantCategory, BatchDefinition, EligibilityRule, StageCode } from "@linxuan/domain";
import type { Dayjs } from "dayjs";
import { dateToPicker, instantToWallClock, pickerToDate, wallClockToInstant } from "../../shared/dates";

/** One eligibility rule as the editor holds it: every parameter optional, the rule picks which apply. */
export type RuleValues = {
  rule: EligibilityRule["rule"];
  severity: EligibilityRule["severity"];
  date?: Dayjs | null;
  regionCode?: string;
  count?: number | null;
  years?: number | null;
  allowed?: ApplicantCategory[];
};

export type StageValues = { code: StageCode; opensAt: Dayjs | null; closesAt: Dayjs | null };

/**
 * The batch definition as the antd form holds it: the same names (so server paths such as
 * "stages.1.closesAt" land on their fields), dates as Beijing wall-clock pickers, nullables as
 * empty inputs, and quotas for both kinds kept while the kind is switched off.
 */
export type BatchFormValues = Omit<
  BatchDefinition,
  | "documentNumber"
  | "sealNote"
  | "publishedOn"
  | "eligibilityRules"
  | "quotas"
  | "stages"
  | "onlineDeadline"
  | "paperDeadline"
  | "formTemplates"
> & {
  documentNumber: string;
  sealNote: string;
  publishedOn: Dayjs | null;
  eligibilityRules: RuleValues[];
  quotas: {
    evaluation: {
      perOccupationMin: number | null;
      perOccupationMax: number | null;
      perRecommenderMax?: number | null;
    };
    training: {
      perOccupationPerRegion: number | null;
      regionOverrides: { regionCode: string; perOccupation: number | null; note: string }[];
      /** Kept as the batch has them (no fields of their own): the notice sentence and office-set places. */
      basis?: string;
      officeSetAreas?: NonNullable<BatchDefinition["quotas"]["training"]>["officeSetAreas"];
    };
    note: string;
  };
  stages: StageValues[];
  onlineDeadline: Dayjs | null;
  paperDeadline: Dayjs | null;
  formTemplates: { training: string | null; evaluation: string | null };
};

export function toFormValues(definition: BatchDefinition): BatchFormValues {
  return {
    ...definition,
    documentNumber: definition.documentNumber ?? "",
    sealNote: definition.sealNote ?? "",
    publishedOn: dateToPicker(definition.publishedOn),
    eligibilityRules: definition.eligibilityRules.map((rule) =>
      rule.rule === "registeredOnOrBefore" ? { ...rule, date: dateToPicker(rule.date) } : { ...rule },
    ),
    quotas: {
      evaluation: {
        perOccupationMin: definition.quotas.evaluation?.perOccupationMin ?? 1,
        perOccupationMax: definition.quotas.evaluation?.perOccupationMax ?? 2,
        perRecommenderMax: definition.quotas.evaluation?.perRecommenderMax ?? null,
      },
      training: {
        perOccupationPerRegion: definition.quotas.training?.perOccupationPerRegion ?? 5,
        regionOverrides: definition.quotas.training?.regionOverrides ?? [],
        basis: definition.quotas.training?.basis,
        officeSetAreas: definition.quotas.training?.officeSetAreas,
      },
      note: definition.quotas.note,
    },
    stages: definition.stages.map((stage) => ({
      code: stage.code,
      opensAt: instantToWallClock(stage.opensAt),
      closesAt: instantToWallClock(stage.closesAt),
    })),
    onlineDeadline: instantToWallClock(definition.onlineDeadline),
    paperDeadline: instantToWallClock(definition.paperDeadline),
  };
}

function ruleFromValues(values: RuleValues): EligibilityRule {
  const { rule, severity } = values;
  switch (rule) {
    case "registeredOnOrBefore":
      return { rule, severity, date: pickerToDate(values.date) ?? "" };
    case "registeredInRegion":
      return { rule, severity, regionCode: values.regionCode ?? "" };
    case "minAnnualScale":
      return { rule, severity, count: values.count ?? 0 };
    case "minExperienceYears":
      return { rule, severity, years: values.years ?? 0 };
    case "applicantCategory":
      return { rule, severity, allowed: values.allowed ?? [] };
    default:
      return { rule, severity };
  }
}

const trimOrNull = (text: string | null | undefined) => (text?.trim() ? text.trim() : null);

/**
 * Back to a definition. Incomplete inputs become values the domain validator rejects with a
 * message on that field (e.g. an empty date), rather than being dropped silently.
 */
export function fromFormValues(values: BatchFormValues): BatchDefinition {
  const kinds = values.kinds ?? [];
  const { evaluation, training } = values.quotas;
  return {
    ...values,
    documentNumber: trimOrNull(values.documentNumber),
    sealNote: trimOrNull(values.sealNote),
    publishedOn: pickerToDate(values.publishedOn) ?? "",
    contacts: values.contacts ?? [],
    exclusions: values.exclusions ?? [],
    requiredAttachments: (values.requiredAttachments ?? []).map((item) => ({
      ...item,
      note: item.note ?? "",
    })),
    formTemplates: {
      training: kinds.includes("training") ? (values.formTemplates.training ?? null) : null,
      evaluation: kinds.includes("evaluation") ? (values.formTemplates.evaluation ?? null) : null,
    },
    eligibilityRules: (values.eligibilityRules ?? []).map(ruleFromValues),
    quotas: {
      evaluation: kinds.includes("evaluation")
        ? {
            perOccupationMin: evaluation.perOccupationMin ?? 0,
            perOccupationMax: evaluation.perOccupationMax ?? 0,
            perRecommenderMax: evaluation.perRecommenderMax ?? null,
          }
        : null,
      training: kinds.includes("training")
        ? {
            perOccupationPerRegion: training.perOccupationPerRegion ?? 0,
            regionOverrides: (training.regionOverrides ?? []).map((item) => ({
              regionCode: item.regionCode ?? "",
              perOccupation: item.perOccupation ?? 0,
              note: item.note ?? "",
            })),
            ...(training.basis ? { basis: training.basis } : {}),
            ...(training.officeSetAreas ? { officeSetAreas: training.officeSetAreas } : {}),
          }
        : null,
      note: values.quotas.note ?? "",
    },
    stages: (values.stages ?? []).map((stage) => ({
      code: stage.code,
      opensAt: wallClockToInstant(stage.opensAt),
      closesAt: wallClockToInstant(stage.closesAt),
    })),
    onlineDeadline: wallClockToInstant(values.onlineDeadline) ?? "",
    paperDeadline: wallClockToInstant(values.paperDeadline),
  };
}
