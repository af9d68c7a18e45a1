import { z } from "zod";
import type { FormValues } from "../forms/types";
import { regionName } from "../reference/regions";
import { multiline } from "../validators/text-tree";
import type { ExpertProfile } from "./expert-profile";
import {
  normalizeCreditCodeForMatch,
  normalizePersonName,
  normalizePhoneForMatch,
  relateOrganizations,
} from "./names";
import { type ListedPerson, listApplicationPeople } from "./read-staff";

/**
 * Kinds of conflict of interest (回避事由) between an expert and an application. The first four are
 * detected from data; `declared` comes from the expert, `pinned` from the office.
 */
export const conflictTypes = [
  "employerIsApplicant",
  "sameEmployerAsStaff",
  "listedAsTeacher",
  "sameRegion",
  "declared",
  "pinned",
] as const;
export type ConflictType = (typeof conflictTypes)[number];

/** The UI's name of each conflict type. */
export const conflictTypeNames: Record<ConflictType, string> = {
  employerIsApplicant: "专家所在单位即申报单位",
  sameEmployerAsStaff: "与申报单位师资（命题专家）同单位",
  listedAsTeacher: "专家本人列于申报材料",
  sameRegion: "与申报单位同属一地（异地评审）",
  declared: "专家申报回避",
  pinned: "主管部门指定回避",
};

/** The types `detectConflicts` can find; only these can be cleared by the office. */
export const detectedConflictTypes = [
  "employerIsApplicant",
  "sameEmployerAsStaff",
  "listedAsTeacher",
  "sameRegion",
] as const satisfies readonly ConflictType[];

/** One conflict: its type and a Chinese reason that shows the evidence. */
export type Conflict = { type: ConflictType; reason: string };

/** The expert's facts conflict detection needs. */
export type ConflictExpert = Pick<ExpertProfile, "name" | "employer" | "phone" | "email" | "regionCode"> & {
  employerCreditCode?: string | null;
};

/** The application's facts conflict detection needs; `values` is its form (a draft or a submission). */
export type ConflictApplication = {
  institutionName: string;
  creditCode: string;
  /** The applicant's province (GB/T 2260); null when unknown, which never counts as the same region. */
  regionCode: string | null;
  values: FormValues;
};

/** How many people a reason names before it says "等N人". */
const NAMED_IN_REASON = 3;

function listNames(people: readonly ListedPerson[]): string {
  const named = people
    .slice(0, NAMED_IN_REASON)
    .map((person) => `${person.name}（${person.employer}）`)
    .join("、");
  return people.length > NAMED_IN_REASON ? `${named}等${people.length}人` : named;
}

/**
 * Finds the conflicts of interest the data shows between an expert and an application, at most
 * one per type, each with the evidence in its reason:
 * - employerIsApplicant: the employer's credit code is the applicant's, or the employer's name is
 *   the applicant's (or one is a department of the other) after normalising spaces and brackets;
 * - listedAsTeacher: the expert appears among the applicant's teachers or question setters under
 *   the same name with the same employer or phone, or is its lead or contact (same name and phone
 *   or e-mail) — a name alone is not enough, names repeat;
 * - sameEmployerAsStaff: someone else the applicant lists works where the expert works;
 * - sameRegion: only when `crossRegion` (the batch asks for 异地评审) and both are in one province.
 */
export function detectConflicts(input: {
  expert: ConflictExpert;
  application: ConflictApplication;
  crossRegion: boolean;
}): Conflict[] {
  const { expert, application, crossRegion } = input;
  const conflicts: Conflict[] = [];

  const expertCode = expert.employerCreditCode ? normalizeCreditCodeForMatch(expert.employerCreditCode) : "";
  const employerRelation = relateOrganizations(expert.employer, application.institutionName);
  if (expertCode !== "" && expertCode === normalizeCreditCodeForMatch(application.creditCode)) {
    conflicts.push({
      type: "employerIsApplicant",
      reason: `专家工作单位“${expert.employer}”的统一社会信用代码（${expertCode}）与申报单位“${application.institutionName}”相同`,
    });
  } else if (employerRelation !== null) {
    conflicts.push({
      type: "employerIsApplicant",
      reason:
        employerRelation === "same"
          ? `专家工作单位“${expert.employer}”即申报单位“${application.institutionName}”`
          : `专家工作单位“${expert.employer}”与申报单位“${application.institutionName}”为同一单位或其内设（下属）单位`,
    });
  }
  const worksForApplicant = conflicts.length > 0;

  const expertName = normalizePersonName(expert.name);
  const expertPhone = normalizePhoneForMatch(expert.phone);
  const expertEmail = expert.email.trim().toLowerCase();
  const selfMatches: { person: ListedPerson; byEmployer: boolean }[] = [];
  const colleagues: ListedPerson[] = [];
  for (const person of listApplicationPeople(application.values)) {
    const samePhone = person.phone !== "" && normalizePhoneForMatch(person.phone) === expertPhone;
    const sameEmail = person.email !== "" && person.email.trim().toLowerCase() === expertEmail;
    const sameEmployer =
      person.employer !== "" && relateOrganizations(person.employer, expert.employer) !== null;
    if (normalizePersonName(person.name) === expertName && (samePhone || sameEmail || sameEmployer)) {
      selfMatches.push({ person, byEmployer: sameEmployer });
    } else if (sameEmployer) {
      // Colleagues employed by the applicant itself are already the employerIsApplicant conflict.
      const employedByApplicant =
        worksForApplicant && relateOrganizations(person.employer, application.institutionName) !== null;
      if (!employedByApplicant) colleagues.push(person);
    }
  }
  if (colleagues.length > 0) {
    const byRole = groupByRole(colleagues);
    conflicts.push({
      type: "sameEmployerAsStaff",
      reason: `专家工作单位“${expert.employer}”与申报单位所列${byRole
        .map(([role, people]) => `${role}${listNames(people)}`)
        .join("，")}的工作单位相同`,
    });
  }
  const [first] = selfMatches;
  if (first) {
    const how = first.byEmployer ? `姓名、工作单位（${first.person.employer}）一致` : "姓名、联系方式一致";
    const roles = [...new Set(selfMatches.map((match) => match.person.role))].join("、");
    conflicts.push({
      type: "listedAsTeacher",
      reason: `专家本人“${first.person.name}”列于申报单位的${roles}名单（${how}）`,
    });
  }

  if (crossRegion && application.regionCode !== null && expert.regionCode === application.regionCode) {
    const place = regionName(expert.regionCode) ?? expert.regionCode;
    conflicts.push({
      type: "sameRegion",
      reason: `本批次要求异地评审，专家与申报单位同在${place}`,
    });
  }
  // Reasons are pushed as found; callers and the UI list them in the types' order.
  return conflicts.sort((a, b) => conflictTypes.indexOf(a.type) - conflictTypes.indexOf(b.type));
}

function groupByRole(people: readonly ListedPerson[]): [string, ListedPerson[]][] {
  const groups = new Map<string, ListedPerson[]>();
  for (const person of people) groups.set(person.role, [...(groups.get(person.role) ?? []), person]);
  return [...groups.entries()];
}

/** An expert's own declaration (回避申报) for one application. */
export type DeclaredConflict = { reason: string };

/** The office's decision on one conflict type of one expert × application pair. */
export const conflictOverrideSchema = z.object({
  type: z.enum(conflictTypes, { error: "请选择回避事由" }),
  action: z.enum(["pin", "clear"], { error: "请选择指定回避或解除回避" }),
  reason: multiline(
    z
      .string({ error: "请填写理由" })
      .trim()
      .min(2, "请填写指定或解除回避的理由（至少2个字）")
      .max(300, "理由不超过300字"),
  ),
});
export type ConflictOverride = z.infer<typeof conflictOverrideSchema>;

/**
 * The conflicts that block an expert from an application, each with its reason:
 * - a detected conflict blocks unless the office cleared its type (the office checked, e.g., that
 *   the 张伟 in the teacher list is another 张伟);
 * - every declaration by the expert blocks: nobody reviews what they asked to be excused from,
 *   so a "clear" of `declared` is ignored — as is a "clear" of `pinned`;
 * - every pin blocks, whatever was cleared: a pin on a detected type also overrides a clear of that
 *   type, so the office's latest caution always wins over its earlier leniency.
 * An empty result means the expert may review the application.
 */
export function effectiveConflicts(
  detected: readonly Conflict[],
  declared: readonly DeclaredConflict[],
  overrides: readonly ConflictOverride[],
): Conflict[] {
  const pinnedTypes = new Set(overrides.filter((o) => o.action === "pin").map((o) => o.type));
  const clearedTypes = new Set(
    overrides
      .filter(
        (o) => o.action === "clear" && (detectedConflictTypes as readonly ConflictType[]).includes(o.type),
      )
      .map((o) => o.type),
  );
  const blocking: Conflict[] = detected.filter(
    (conflict) => pinnedTypes.has(conflict.type) || !clearedTypes.has(conflict.type),
  );
  for (const declaration of declared) {
    blocking.push({ type: "declared", reason: `专家申报回避：${declaration.reason.trim()}` });
  }
  for (const pin of overrides) {
    if (pin.action !== "pin") continue;
    const label = pin.type === "pinned" ? "" : `（${conflictTypeNames[pin.type]}）`;
    blocking.push({ type: "pinned", reason: `主管部门指定回避${label}：${pin.reason.trim()}` });
  }
  return blocking;
}

/** The key of an expert × application pair in the `conflicts` set `assignExperts` takes. */
export function conflictPairKey(expertId: string, applicationId: string): string {
  return `${expertId}|${applicationId}`;
}
