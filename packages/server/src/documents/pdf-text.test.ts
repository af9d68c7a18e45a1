import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { FONT_REGULAR_PATH } from "./fonts";
import type { Paragraph } from "./layout-model";
import { FONT_REGULAR, type Line, TextMeasurer, wrapParagraph } from "./pdf-text";

const doc = new PDFDocument({ autoFirstPage: false });
doc.registerFont(FONT_REGULAR, FONT_REGULAR_PATH);
doc.registerFont("NotoSansSC-Bold", FONT_REGULAR_PATH);
const measurer = new TextMeasurer(doc);

const body = (text: string): Paragraph => ({ runs: [{ kind: "text", text, style: "body" }], align: "left" });
const lineText = (line: Line) =>
  line.units.flatMap((unit) => unit.pieces.map((piece) => ("text" in piece ? piece.text : "□"))).join("");

describe("wrapParagraph", () => {
  it("never starts a line with closing punctuation nor ends one with opening punctuation", () => {
    const text =
      "本单位建立了较为完善的制度（含考勤、评估），一是健全管理；二是加强过程管理。“线上＋线下”相结合，效果良好！".repeat(
        6,
      );
    for (let width = 60; width <= 300; width += 7) {
      const lines = wrapParagraph(body(text), width, measurer);
      expect(lines.map(lineText).join("")).toBe(text);
      for (const line of lines) {
        expect(lineText(line)).not.toMatch(/^[，。、；：？！）”]/);
        expect(lineText(line)).not.toMatch(/[（“]$/);
        // 禁则 may push a line over by one glued mark, never by more.
        expect(line.width).toBeLessThanOrEqual(width + 11);
      }
    }
  });

  it("keeps numbers and words whole and breaks an over-long URL by characters", () => {
    const lines = wrapParagraph(body("设施设备总值860.5万元"), 60, measurer);
    expect(lines.map(lineText).some((line) => line.includes("860.5"))).toBe(true);
    const url = "https://learning.example.org.cn/very/long/path/to/the/online/training/platform/index.html";
    const wrapped = wrapParagraph(body(`网址${url}`), 120, measurer);
    expect(wrapped.length).toBeGreaterThan(2);
    expect(wrapped.map(lineText).join("")).toBe(`网址${url}`);
    for (const line of wrapped) expect(line.width).toBeLessThanOrEqual(120.01);
  });

  it("gives an empty paragraph one empty line", () => {
    expect(wrapParagraph(body(""), 100, measurer)).toHaveLength(1);
  });
});
