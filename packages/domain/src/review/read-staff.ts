import { rowsOf } from "../eligibility/read-values";
import { FORM_TEMPLATES } from "../forms";
import type { FormTemplate, FormValues } from "../forms/types";

/**
 * A table of people the applicant lists with their employer: 培训教师 (training forms) and 命题专家
 * (evaluation form). Found in the templates rather than named here, so a v2 template that adds
 * such a table (考评员 with their employer, say) is checked for conflicts without a code change.
 */
export type StaffTable = {
  key: string;
  label: string;
  nameKey: string;
  employerKey: string;
  phoneKey: string | null;
};

/** A person listed on an application, with where on the form they are listed. */
export type ListedPerson = {
  /** "培训教师", "命题专家", "申报负责人", "申报联系人". */
  role: string;
  name: string;
  /** Blank for the lead and contact: the form takes their employer to be the applicant. */
  employer: string;
  phone: string;
  email: string;
};

/** Every table of the templates with a 姓名 (`name`) and a 工作单位 (`employer`) column, once per key. */
export function collectStaffTables(templates: readonly FormTemplate[]): StaffTable[] {
  const tables = new Map<string, StaffTable>();
  for (const template of templates) {
    for (const section of template.sections) {
      for (const item of section.items) {
        if (item.item !== "table" || tables.has(item.key)) continue;
        const keys = item.columns.map((column) => column.key);
        if (!keys.includes("name") || !keys.includes("employer")) continue;
        const phone = item.columns.find((column) => column.type === "phone");
        tables.set(item.key, {
          key: item.key,
          label: item.label,
          nameKey: "name",
          employerKey: "employer",
          phoneKey: phone?.key ?? null,
        });
      }
    }
  }
  return [...tables.values()];
}

const STAFF_TABLES = collectStaffTables(Object.values(FORM_TEMPLATES));

/** The lead and contact groups every template has (申报负责人 / 申报联系人). */
const PERSON_GROUPS = [
  { prefix: "lead", role: "申报负责人" },
  { prefix: "contact", role: "申报联系人" },
] as const;

function textOf(value: unknown): string {
  return typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "";
}

/**
 * The people an application lists: its teachers or question setters with their employers, and its
 * lead and contact. Drafts are read too, so rows without a name are skipped rather than refused.
 */
export function listApplicationPeople(values: FormValues): ListedPerson[] {
  const people: ListedPerson[] = [];
  for (const table of STAFF_TABLES) {
    for (const row of rowsOf(values, table.key)) {
      const name = textOf(row[table.nameKey]);
      if (name === "") continue;
      people.push({
        role: table.label,
        name,
        employer: textOf(row[table.employerKey]),
        phone: table.phoneKey ? textOf(row[table.phoneKey]) : "",
        email: "",
      });
    }
  }
  for (const { prefix, role } of PERSON_GROUPS) {
    const name = textOf(values[`${prefix}Name`]);
    if (name === "") continue;
    people.push({
      role,
      name,
      employer: "",
      phone: textOf(values[`${prefix}Phone`]),
      email: textOf(values[`${prefix}Email`]),
    });
  }
  return people;
}
