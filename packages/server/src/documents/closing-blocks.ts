import type { FormTemplate, FormValues } from "@linxuan/domain";
import { cleanText } from "./format-value";
import { block, CONTENT_WIDTH, type LayoutBlock, type Paragraph, para, text } from "./layout-model";

/* The rows around the form's fields: section titles, the 承诺, the 推荐理由 block and the notes. */

/** A full-width section title row (申报单位基本情况, 承　诺), kept with the row after it. */
export function bannerBlock(title: string): LayoutBlock {
  const spaced = title.length <= 2 ? title.split("").join("　") : title;
  return block(
    [CONTENT_WIDTH],
    1,
    [
      {
        row: 0,
        col: 0,
        rowSpan: 1,
        colSpan: 1,
        role: "banner",
        valign: "middle",
        paragraphs: [para([text(spaced, "banner")], "center")],
      },
    ],
    { keepWithNext: true },
  );
}

function wholeWidthBlock(
  paragraphs: Paragraph[],
  minHeight: number,
  split: LayoutBlock["split"] = "none",
): LayoutBlock {
  return block(
    [CONTENT_WIDTH],
    1,
    [
      {
        row: 0,
        col: 0,
        rowSpan: 1,
        colSpan: 1,
        role: "block",
        valign: "top",
        paragraphs,
        minHeight,
        flow: split === "text",
      },
    ],
    { split },
  );
}

/** 承诺 text with the applicant's stamp, signature and date lines. */
export function commitmentBlock(template: FormTemplate): LayoutBlock {
  const { commitment } = template;
  return wholeWidthBlock(
    [
      para([text(commitment.text)], "left", { firstLineEm: 2, spaceBefore: 6 }),
      ...commitment.signatures.map((line, index) =>
        para([text(line)], "left", { indentRatio: 0.42, spaceBefore: index === 0 ? 28 : 14 }),
      ),
      para([text(commitment.dateLine)], "left", { indentRatio: 0.66, spaceBefore: 14 }),
    ],
    150,
  );
}

/** Value keys of the recommender's signature block, filled by the server from the closed list. */
export const RECOMMENDER_NAME_KEY = "recommenderName";
export const RECOMMENDER_LEADER_KEY = "recommenderLeader";
export const RECOMMENDED_ON_KEY = "recommendedOn";

/** 推荐理由 and the recommender's stamp and contacts (national forms), filled when the values carry them. */
export function recommendationBlock(template: FormTemplate, values: FormValues | null): LayoutBlock | null {
  const recommendation = template.recommendationBlock;
  if (!recommendation) return null;
  const filled = values ?? {};
  const reason =
    typeof filled[recommendation.reasonKey] === "string"
      ? cleanText(filled[recommendation.reasonKey] as string).trim()
      : "";
  const contact = (key: string) => (typeof filled[key] === "string" ? cleanText(filled[key] as string) : "");
  const paragraphs: Paragraph[] = [para([text(recommendation.reasonLabel)], "left", { spaceBefore: 2 })];
  for (const line of reason === "" ? [] : reason.split("\n"))
    paragraphs.push(para([text(line)], "left", { firstLineEm: 2 }));
  // Once the recommender has closed its list, its name, the person in charge and the date are printed
  // after the signature labels (the stamp and handwriting still go on the paper copy).
  const signed = [contact(RECOMMENDER_NAME_KEY), contact(RECOMMENDER_LEADER_KEY)];
  const date = contact(RECOMMENDED_ON_KEY).match(/^(\d{4})-(\d{2})-(\d{2})$/);
  paragraphs.push(
    ...recommendation.signatures.map((line, index) =>
      para([text(`${line}${signed[index] ?? ""}`)], "left", {
        indentRatio: 0.42,
        spaceBefore: index === 0 ? (reason === "" ? 84 : 24) : 14,
      }),
    ),
    para(
      [text(date ? `${date[1]}年${Number(date[2])}月${Number(date[3])}日` : recommendation.dateLine)],
      "left",
      {
        indentRatio: 0.66,
        spaceBefore: 14,
      },
    ),
    para(
      recommendation.contacts.flatMap((item, index) => [
        text(`${index === 0 ? "" : "　　　　"}${item.label}`),
        text(contact(item.key) || "　　　　　　　　"),
      ]),
      "left",
      { spaceBefore: 16 },
    ),
  );
  return wholeWidthBlock(paragraphs, 180, reason === "" ? "none" : "text");
}

/** 注：1．… 6．… under the table, without borders. */
export function notesBlock(template: FormTemplate): LayoutBlock {
  const paragraphs = template.notes.map((note, index) =>
    index === 0
      ? para([text(`注：1．${note}`, "note")], "left", { indentEm: 4, firstLineEm: -4, spaceBefore: 8 })
      : para([text(`${index + 1}．${note}`, "note")], "left", { indentEm: 4, firstLineEm: -2 }),
  );
  return { ...wholeWidthBlock(paragraphs, 0, "text"), border: false };
}
