/*
 * The layout both renderers draw: a form as a sequence of table blocks, each with its own column
 * widths and cells spanning rows and columns. Widths are points on A4 with 54 pt side margins;
 * heights are left to the renderer (the PDF measures text, Word flows it).
 */

export const PAGE = { width: 595.28, height: 841.89, marginX: 54, marginTop: 54, marginBottom: 60 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.marginX;

export type TextStyle = "body" | "hint" | "label" | "banner" | "note";
export type Run = { kind: "text"; text: string; style: TextStyle } | { kind: "box"; checked: boolean };
export type Paragraph = {
  runs: Run[];
  align: "left" | "center" | "right";
  /** Left indent of every line, in ems of the paragraph's first run, plus a fraction of the cell width. */
  indentEm?: number;
  indentRatio?: number;
  /** Extra indent of the first line (negative for a hanging first line), in ems. */
  firstLineEm?: number;
  /** Space above the paragraph, in points. */
  spaceBefore?: number;
};
export type CellRole = "label" | "value" | "banner" | "header" | "block";
export type LayoutCell = {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  role: CellRole;
  valign: "top" | "middle";
  paragraphs: Paragraph[];
  /** Space the cell needs even when empty (room to write by hand), in points. */
  minHeight?: number;
  /** This cell's text may continue on the next page (narratives). */
  flow?: boolean;
};
export type LayoutBlock = {
  /** Column widths in points, summing to CONTENT_WIDTH. */
  columns: number[];
  rows: number;
  cells: LayoutCell[];
  /** Rows repeated at the top of each page when the block is split by rows (table headers). */
  headerRows: number;
  /** none: never split; rows: between rows after the header; text: inside its `flow` cell. */
  split: "none" | "rows" | "text";
  border: boolean;
  /** Keep on the same page as the start of the next block (section title rows). */
  keepWithNext?: boolean;
};
export type CoverLayout = {
  attachmentLabel: string;
  titleLines: readonly string[];
  blanks: { label: string; value: string }[];
  issuer: string;
  issuedOn: string;
};
export type FormLayout = {
  title: string;
  attachmentLabel: string;
  cover?: CoverLayout;
  blocks: LayoutBlock[];
};

export const text = (value: string, style: TextStyle = "body"): Run => ({ kind: "text", text: value, style });
export const para = (
  runs: Run[],
  align: Paragraph["align"] = "left",
  extra: Partial<Paragraph> = {},
): Paragraph => ({
  runs,
  align,
  ...extra,
});

/** A bordered block that never splits, unless `extra` says otherwise. */
export const block = (
  columns: number[],
  rows: number,
  cells: LayoutCell[],
  extra: Partial<LayoutBlock> = {},
): LayoutBlock => ({
  columns,
  rows,
  cells,
  headerRows: 0,
  split: "none",
  border: true,
  ...extra,
});
