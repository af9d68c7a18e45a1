import type { KindCode } from "../reference/kinds";
import type { LevelCode } from "../reference/levels";

/**
 * A small template language for the official application forms (申报表 / 推荐表).
 *
 * A template is versioned data: an application stores the template id it was filled against, so a
 * later notice can ship `…-v2` without changing what an old submission means. The same template
 * drives the web form, server validation, the pre-submit checklist and the PDF / DOCX documents,
 * so it carries both the meaning of each field (key, type, limits, formulas) and the few layout
 * facts the official table has (which fields share a table row, which label spans several rows).
 */

/** Units printed next to numbers. */
export type Unit = "万元" | "元" | "人" | "人次" | "台套" | "平方米";

/** Where a select's options come from; see `options.ts`. `industry` is GB/T 4754-2017, supplied by the caller. */
export type OptionSource =
  | "occupation"
  | "unitType"
  | "industry"
  | "teacherType"
  | "certificateNature"
  | "certificateCategory";

/** Declarative formula of a computed field. Computed fields are never typed by the applicant. */
export type Formula =
  /** Sum of sibling fields: other columns of the same table row, or scalar fields of the form. */
  | { sum: readonly string[] }
  /** Sum of one column over all rows of a table, optionally only rows where `where.column` equals `where.equals`. */
  | { sumColumn: { table: string; column: string; where?: { column: string; equals: string } } };

type FieldBase = {
  /** Stable camelCase key; the value's key in `FormValues` (or in a table row). */
  key: string;
  /** The label exactly as printed on the official form. */
  label: string;
  required: boolean;
  /** Number of the form's note (注1–注6) that explains this field. */
  note?: number;
  /**
   * The value belongs to the occupation applied for (职业, 等级, the plan, the history in 所申报职业领域),
   * not to the institution: starting another application from this one leaves it empty.
   */
  occupationSpecific?: true;
  /**
   * The value belongs to one 专业技术等级 (年度计划培训人数·高级): it applies only when that level is
   * applied for; otherwise it is hidden on screen, not checked and printed empty.
   */
  level?: LevelCode;
  /** Not required while this condition holds (证书类别 when 是否颁发证书 = 否). */
  optionalWhen?: Condition;
};

/** A condition on another scalar value of the form: `values[key] === equals`. */
export type Condition = { key: string; equals: ScalarValue };

export type TextField = FieldBase & { type: "text"; maxLength: number };
/** Narrative field. `hint` is the bracketed guidance printed in the cell; `maxWords` counts 字数 as Word does. */
export type TextareaField = FieldBase & { type: "textarea"; maxWords: number; hint: string };
/** Decimal amount. `decimals` is how many fraction digits are accepted and printed. */
export type NumberField = FieldBase & {
  type: "number";
  unit: Unit;
  min: 0;
  decimals: number;
  compute?: Formula;
};
export type IntegerField = FieldBase & { type: "integer"; unit?: Unit; min: 0; compute?: Formula };
/** A calendar year (年度 / 年份), e.g. 2024. */
export type YearField = FieldBase & { type: "year" };
/** ISO date YYYY-MM-DD. */
export type DateField = FieldBase & { type: "date" };
export type SelectField = FieldBase & { type: "select"; options: OptionSource; multiple: boolean };
/** 初级 / 中级 / 高级 check boxes; `printHint` is printed after the boxes (（请打√）). */
export type LevelsField = FieldBase & { type: "levels"; printHint: string };
export type YesNoField = FieldBase & { type: "yesNo" };
export type CreditCodeField = FieldBase & { type: "creditCode" };
export type IdNumberField = FieldBase & { type: "idNumber" };
export type PhoneField = FieldBase & { type: "phone" };
export type EmailField = FieldBase & { type: "email" };
/** Must be ticked to submit (the 承诺). Printed as the commitment block, not as a cell. */
export type ConsentField = FieldBase & { type: "consent" };

export type Field =
  | TextField
  | TextareaField
  | NumberField
  | IntegerField
  | YearField
  | DateField
  | SelectField
  | LevelsField
  | YesNoField
  | CreditCodeField
  | IdNumberField
  | PhoneField
  | EmailField
  | ConsentField;

export type FieldType = Field["type"];

/** A table column: any field but a narrative or consent, with a relative print width. */
export type TableColumn = Exclude<Field, TextareaField | ConsentField> & { weight?: number };

/** One label/value pair on its own table row (the default item). */
export type FieldItem = { item: "field"; field: Field };

/** Several label/value pairs sharing one table row: 单位类型 | … | 所属行业 | … */
export type RowItem = { item: "row"; fields: readonly Field[] };

/**
 * A label spanning several sub-rows, each sub-row holding `perLine` sub-label/value pairs:
 * 法定代表人 | 姓名 | … | 身份证号 | …   or   申报负责人 | 姓名 … 电话 … / 职务 … 邮箱 ….
 * The fields' labels are the sub-labels (姓名); `label` is the spanning one (法定代表人).
 */
export type GroupItem = {
  item: "group";
  key: string;
  label: string;
  perLine: 1 | 2;
  fields: readonly Field[];
};

/** Side-by-side groups on the same rows: 年度计划培训人数 初级/中级/高级 | 培训费用 初级/中级/高级. */
export type GroupRowItem = { item: "groupRow"; groups: readonly GroupItem[] };

/**
 * A total with its parts: 师资团队总人数 (spanning) | 专职… / 兼职…. A computed total is the sum of
 * its parts; a typed one (考评团队总人数, the institution's own figure) must be at least their sum.
 */
export type BreakdownItem = {
  item: "breakdown";
  total: IntegerField;
  parts: readonly IntegerField[];
};

/**
 * Rows of a table: a fixed number (近三年纳税 3), any number with a minimum on submit (教师), or
 * one or more rows for each of `years` distinct years, one per year and `per` column value
 * (近5年考核评价规模: a row per year and 证书名称, so several certificates a year).
 */
export type TableRows = { fixed: number } | { any: { min: number } } | { years: number; per: string };

/**
 * A table. With `labelPlacement: "left"` the table's label is a cell spanning all its rows on the
 * left (近三年纳税情况); with `"header"` it prefixes the first column's header (培训教师姓名).
 * `footer` rows sit under the table, their label in the first column, value across the rest
 * (培训总规模, （其中独立培训规模）, 证书类别).
 */
export type TableItem = {
  item: "table";
  key: string;
  label: string;
  labelPlacement: "left" | "header";
  rows: TableRows;
  columns: readonly TableColumn[];
  footer: readonly Field[];
  /** The rows are not required while this holds (考核评价规模 when 是否开展评价 = 否). */
  optionalWhen?: Condition;
};

export type Item = FieldItem | RowItem | GroupItem | GroupRowItem | BreakdownItem | TableItem;

export type Section = {
  key: string;
  /** Section title; printed as a full-width row unless `printTitle` is false (the untitled head of the form). */
  title: string;
  printTitle: boolean;
  items: readonly Item[];
};

/** Cover page (Shanghai 申报表). Lines are printed as given. */
export type Cover = {
  titleLines: readonly string[];
  /** Lines with a blank to fill: 申报单位 ____ / 填表日期 ____. */
  blanks: readonly { key: "institutionName" | "filledOn"; label: string }[];
  issuer: string;
  issuedOn: string;
};

export type Commitment = {
  title: string;
  text: string;
  signatures: readonly string[];
  dateLine: string;
};

/** The recommending unit's block (national forms); filled by the 推荐单位, not by the applicant. */
export type RecommendationBlock = {
  reasonLabel: string;
  /** Value keys the recommender's data is stored under when the block is printed filled. */
  reasonKey: string;
  signatures: readonly string[];
  dateLine: string;
  contacts: readonly { key: string; label: string }[];
};

export type FormTemplate = {
  id: string;
  version: number;
  /** Printed title, e.g. 数字技术工程师培育项目培训机构推荐表. */
  title: string;
  /** 附件1 / 附件2 / 附件, printed at the top left as in the notice. */
  attachmentLabel: string;
  kind: KindCode;
  cover?: Cover;
  sections: readonly Section[];
  /** 注1–注6, without their numbers. */
  notes: readonly string[];
  commitment: Commitment;
  recommendationBlock?: RecommendationBlock;
};

export type ScalarValue = string | number | boolean | readonly string[] | null;
export type TableRowValues = Record<string, ScalarValue>;
/** Values of a filled form: scalar fields by key, tables as arrays of rows keyed by column key. */
export type FormValues = Record<string, ScalarValue | readonly TableRowValues[]>;
