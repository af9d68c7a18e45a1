import {
  computeTotals,
  type Field,
  type FormTemplate,
  type FormValues,
  fieldApplies,
  type GroupItem,
  type Item,
  type Section,
  type TableItem,
  type TableRowValues,
} from "@linxuan/domain";
import { bannerBlock, commitmentBlock, notesBlock, recommendationBlock } from "./closing-blocks";
import { choiceRuns, cleanText, formatDate, formatValue, type OptionLabeler } from "./format-value";
import {
  block,
  CONTENT_WIDTH,
  type CoverLayout,
  type FormLayout,
  type LayoutBlock,
  type LayoutCell,
  type Paragraph,
  para,
  text,
} from "./layout-model";

/*
 * Template + values → the table layout both renderers draw (see layout-model.ts). The column
 * widths below are shared by the row kinds so that their vertical borders line up, as on the
 * official Word tables.
 */

export type LayoutOptions = {
  institutionName?: string | null;
  /** ISO date (YYYY-MM-DD) or Date of filling in, printed on the cover. */
  filledOn?: string | Date | null;
  optionLabel?: OptionLabeler;
};

/** Width of the label column on the left, as on the official tables. */
const LABEL = 96;
/** The head rows (拟申报开展培训的职业（仅填一项）) have a wider label. */
const HEAD_LABEL = 150;
/** Value / second-label / second-value columns of two-pair rows, so that their borders line up. */
const VALUE1 = 145;
const LABEL2 = 100;
const VALUE2 = CONTENT_WIDTH - LABEL - VALUE1 - LABEL2;
/** Sub-label (姓名, 初级) column inside groups. */
const SUBLABEL = 46;

type Context = { values: FormValues | null; options: LayoutOptions };

function valueParagraphs(
  field: Field,
  value: unknown,
  context: Context,
  align: Paragraph["align"],
  unitInHeading = false,
) {
  if (field.type === "levels" || field.type === "yesNo") {
    return [
      para(choiceRuns(field, value, context.values === null), field.type === "levels" ? "left" : "center"),
    ];
  }
  const printed =
    context.values === null ? "" : formatValue(field, value, context.options.optionLabel, unitInHeading);
  return printed === "" ? [] : printed.split("\n").map((line) => para([text(line)], align));
}

function labelCell(label: string, row: number, col: number, rowSpan = 1, colSpan = 1): LayoutCell {
  return {
    row,
    col,
    rowSpan,
    colSpan,
    role: "label",
    valign: "middle",
    paragraphs: [para([text(label, "label")], "center")],
  };
}

function valueCell(
  field: Field,
  context: Context,
  position: { row: number; col: number; rowSpan?: number; colSpan?: number },
  scope: Readonly<Record<string, unknown>> | null,
  align: Paragraph["align"] = "left",
  unitInHeading = false,
): LayoutCell {
  // A figure of a level not applied for (培训费用·高级 when only 初级/中级) is printed empty.
  const value = fieldApplies(field, context.values) ? scope?.[field.key] : null;
  return {
    row: position.row,
    col: position.col,
    rowSpan: position.rowSpan ?? 1,
    colSpan: position.colSpan ?? 1,
    role: "value",
    valign: "middle",
    paragraphs: valueParagraphs(field, value, context, align, unitInHeading),
  };
}

/** Blank narrative cells leave room to write by hand, roughly in proportion to the word limit. */
function narrativeBlock(field: Extract<Field, { type: "textarea" }>, context: Context): LayoutBlock {
  const value = context.values?.[field.key];
  const typed = typeof value === "string" ? cleanText(value).trim() : "";
  const paragraphs = [para([text(field.hint, "hint")])];
  for (const line of typed === "" ? [] : typed.split("\n")) {
    paragraphs.push(para([text(line)], "left", { spaceBefore: paragraphs.length === 1 ? 4 : 0 }));
  }
  const blankHeight = field.maxWords >= 800 ? 190 : field.maxWords >= 500 ? 140 : 96;
  return block(
    [LABEL, CONTENT_WIDTH - LABEL],
    1,
    [
      labelCell(field.label, 0, 0),
      {
        row: 0,
        col: 1,
        rowSpan: 1,
        colSpan: 1,
        role: "value",
        valign: "top",
        paragraphs,
        minHeight: context.values === null ? blankHeight : 60,
        flow: true,
      },
    ],
    { split: "text" },
  );
}

function scalarBlock(field: Field, context: Context, labelWidth: number): LayoutBlock | null {
  if (field.type === "consent") return null;
  if (field.type === "textarea") return narrativeBlock(field, context);
  return block([labelWidth, CONTENT_WIDTH - labelWidth], 1, [
    labelCell(field.label, 0, 0),
    valueCell(field, context, { row: 0, col: 1 }, context.values),
  ]);
}

function pairRowBlock(fields: readonly Field[], context: Context): LayoutBlock {
  const [first, second] = fields;
  if (!first || !second || fields.length !== 2) throw new Error("a row item holds exactly two fields");
  return block([LABEL, VALUE1, LABEL2, VALUE2], 1, [
    labelCell(first.label, 0, 0),
    valueCell(first, context, { row: 0, col: 1 }, context.values),
    labelCell(second.label, 0, 2),
    valueCell(second, context, { row: 0, col: 3 }, context.values),
  ]);
}

/** 法定代表人 | 姓名 | … | 身份证号 | …   and   申报负责人 | 姓名 … 电话 … / 职务 … 邮箱 …. */
function groupBlock(group: GroupItem, context: Context): LayoutBlock {
  const lines = Math.ceil(group.fields.length / group.perLine);
  const cells: LayoutCell[] = [labelCell(group.label, 0, 0, lines)];
  group.fields.forEach((field, index) => {
    const row = Math.floor(index / group.perLine);
    const col = 1 + (index % group.perLine) * 2;
    cells.push(
      labelCell(field.label, row, col),
      valueCell(field, context, { row, col: col + 1 }, context.values),
    );
  });
  return block([LABEL, SUBLABEL, VALUE1 - SUBLABEL, LABEL2, VALUE2], lines, cells);
}

/** 年度计划培训人数（人次） 初级/中级/高级 | 培训费用（元/学时） 初级/中级/高级. */
function groupRowBlock(groups: readonly GroupItem[], context: Context): LayoutBlock {
  const [left, right] = groups;
  if (!left || !right || groups.length !== 2) throw new Error("a group row holds exactly two groups");
  const lines = Math.max(left.fields.length, right.fields.length);
  const cells: LayoutCell[] = [labelCell(left.label, 0, 0, lines), labelCell(right.label, 0, 3, lines)];
  for (const [group, col] of [
    [left, 1],
    [right, 4],
  ] as const) {
    group.fields.forEach((field, row) => {
      cells.push(
        labelCell(field.label, row, col),
        valueCell(field, context, { row, col: col + 1 }, context.values, "center", true),
      );
    });
  }
  return block([LABEL, SUBLABEL, VALUE1 - SUBLABEL, LABEL2, SUBLABEL, VALUE2 - SUBLABEL], lines, cells);
}

function breakdownBlock(item: Extract<Item, { item: "breakdown" }>, context: Context): LayoutBlock {
  const lines = item.parts.length;
  const cells: LayoutCell[] = [
    labelCell(item.total.label, 0, 0, lines),
    valueCell(item.total, context, { row: 0, col: 1, rowSpan: lines }, context.values, "center"),
  ];
  item.parts.forEach((field, row) => {
    cells.push(
      labelCell(field.label, row, 2),
      valueCell(field, context, { row, col: 3 }, context.values, "center"),
    );
  });
  return block([LABEL, VALUE1, LABEL2, VALUE2], lines, cells);
}

function distribute(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((weight) => Math.round((total * weight * 2) / sum) / 2);
  const last = widths.length - 1;
  widths[last] = (widths[last] ?? 0) + total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/**
 * How many rows a table prints: fixed tables their rows; per-year tables a row per certificate, at
 * least one per year; open ones what was filled, or 3 blank rows.
 */
function tableRows(table: TableItem, context: Context): (TableRowValues | null)[] {
  const filled = context.values ? ((context.values[table.key] as TableRowValues[] | undefined) ?? []) : [];
  const count =
    "fixed" in table.rows
      ? table.rows.fixed
      : "years" in table.rows
        ? Math.max(filled.length, table.rows.years)
        : context.values === null
          ? 3
          : Math.max(filled.length, 1);
  return Array.from({ length: count }, (_, index) =>
    context.values === null ? null : (filled[index] ?? null),
  );
}

/**
 * Row spans of the 年度 cells of a per-year table: a run of rows of the same year is one cell
 * spanning the run (its other rows 0), any other row 1.
 */
function mergedYearSpans(table: TableItem, rows: readonly (TableRowValues | null)[]): number[] {
  const key = table.columns.find((column) => column.type === "year")?.key;
  const yearOf = (row: TableRowValues | null) => {
    const value = key && row ? row[key] : null;
    return value === null || value === undefined || value === "" ? null : String(value);
  };
  const spans = rows.map(() => 1);
  let start = 0;
  rows.forEach((row, index) => {
    if (index === 0) return;
    const year = yearOf(row);
    if (year !== null && year === yearOf(rows[start] ?? null)) {
      spans[start] = (spans[start] ?? 1) + 1;
      spans[index] = 0;
    } else {
      start = index;
    }
  });
  return spans;
}

function tableBlock(table: TableItem, context: Context): LayoutBlock {
  const left = table.labelPlacement === "left";
  const dataWidth = left ? CONTENT_WIDTH - LABEL : CONTENT_WIDTH;
  const data = distribute(
    dataWidth,
    table.columns.map((column) => column.weight ?? 1),
  );
  const columns = left ? [LABEL, ...data] : data;
  const first = left ? 1 : 0;
  const rows = tableRows(table, context);
  const totalRows = 1 + rows.length + table.footer.length;
  const cells: LayoutCell[] = [];
  if (left) cells.push(labelCell(table.label, 0, 0, totalRows));
  table.columns.forEach((column, index) => {
    const heading = !left && index === 0 ? `${table.label}${column.label}` : column.label;
    cells.push({ ...labelCell(heading, 0, first + index), role: "header" });
  });
  const unitInHeading = /（人次）$/.test(table.label);
  const yearSpans = "years" in table.rows ? mergedYearSpans(table, rows) : null;
  rows.forEach((row, index) => {
    table.columns.forEach((column, columnIndex) => {
      // Several certificates of one year share one 年度 cell, as a hand-filled table would.
      const span = column.type === "year" && yearSpans ? (yearSpans[index] ?? 1) : 1;
      if (span === 0) return;
      cells.push(
        valueCell(
          column,
          context,
          { row: 1 + index, col: first + columnIndex, rowSpan: span },
          row,
          "center",
          unitInHeading,
        ),
      );
    });
  });
  // A footer label (培训总规模) takes the first data columns until it is wide enough to read.
  let labelSpan = 1;
  while (labelSpan < data.length - 1 && data.slice(0, labelSpan).reduce((a, b) => a + b, 0) < 90)
    labelSpan += 1;
  table.footer.forEach((field, index) => {
    const row = 1 + rows.length + index;
    cells.push(
      labelCell(field.label, row, first, 1, labelSpan),
      valueCell(
        field,
        context,
        { row, col: first + labelSpan, colSpan: table.columns.length - labelSpan },
        context.values,
        "center",
        unitInHeading,
      ),
    );
  });
  const fixed = !("any" in table.rows);
  return block(columns, totalRows, cells, { headerRows: fixed ? 0 : 1, split: fixed ? "none" : "rows" });
}

function sectionBlocks(section: Section, context: Context): LayoutBlock[] {
  const blocks: LayoutBlock[] = section.printTitle ? [bannerBlock(section.title)] : [];
  const labelWidth = section.key === "application" ? HEAD_LABEL : LABEL;
  for (const item of section.items) {
    switch (item.item) {
      case "field": {
        const built = scalarBlock(item.field, context, labelWidth);
        if (built) blocks.push(built);
        break;
      }
      case "row":
        blocks.push(pairRowBlock(item.fields, context));
        break;
      case "group":
        blocks.push(groupBlock(item, context));
        break;
      case "groupRow":
        blocks.push(groupRowBlock(item.groups, context));
        break;
      case "breakdown":
        blocks.push(breakdownBlock(item, context));
        break;
      case "table":
        blocks.push(tableBlock(item, context));
        break;
    }
  }
  return blocks;
}

/**
 * Lays out a form. With `values` null it is the blank form (no values, room to write); otherwise
 * totals are recomputed from the values first, so a printed total can never disagree with its parts.
 */
export function layoutForm(
  template: FormTemplate,
  values: FormValues | null,
  options: LayoutOptions = {},
): FormLayout {
  const computed = values === null ? null : computeTotals(template, values);
  const context: Context = { values: computed, options };
  const blocks: LayoutBlock[] = [];
  for (const section of template.sections) {
    if (section.key === "commitment") {
      blocks.push(bannerBlock(section.title), commitmentBlock(template));
    } else {
      blocks.push(...sectionBlocks(section, context));
    }
  }
  const recommendation = recommendationBlock(template, computed);
  if (recommendation) blocks.push(recommendation);
  blocks.push(notesBlock(template));

  let cover: CoverLayout | undefined;
  if (template.cover) {
    const name =
      options.institutionName ??
      (typeof computed?.institutionName === "string" ? computed.institutionName : "");
    const filledOn = options.filledOn ? formatDate(options.filledOn) : "";
    cover = {
      attachmentLabel: template.attachmentLabel,
      titleLines: template.cover.titleLines,
      blanks: template.cover.blanks.map((blank) => ({
        label: blank.label,
        value: cleanText(blank.key === "institutionName" ? (name ?? "") : filledOn),
      })),
      issuer: template.cover.issuer,
      issuedOn: template.cover.issuedOn,
    };
  }
  return {
    title: template.title,
    attachmentLabel: template.attachmentLabel,
    ...(cover ? { cover } : {}),
    blocks,
  };
}
