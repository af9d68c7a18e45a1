import { Fragment } from "react";

type Block = { type: "heading" | "paragraph"; text: string; key: string };

const HEADING = /^#{2,4}\s+/;

/**
 * Splits a notice body into headings and paragraphs: blank lines separate paragraphs, a line
 * starting with "## " is a heading. Plain text only — never parsed as HTML.
 */
export function parseBatchNoticeText(text: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of text.replace(/\r\n?/g, "\n").split(/\n\s*\n/)) {
    let paragraph: string[] = [];
    const flush = () => {
      if (paragraph.length > 0)
        blocks.push({ type: "paragraph", text: paragraph.join("\n"), key: `p${blocks.length}` });
      paragraph = [];
    };
    for (const line of chunk.split("\n")) {
      if (HEADING.test(line)) {
        flush();
        blocks.push({ type: "heading", text: line.replace(HEADING, "").trim(), key: `h${blocks.length}` });
      } else if (line.trim() !== "") {
        paragraph.push(line.trim());
      }
    }
    flush();
  }
  return blocks;
}

const SIGNATURE_DATE = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/;
const NOT_INDENTED = /^[（(].*[)）]$|^附件[：:]/;

/** The closing lines of a notice (issuer, date) are set flush right as on the printed page. */
function paragraphClass(text: string, issuingBody?: string): string | undefined {
  const signature = issuingBody && text.startsWith(issuingBody) && text.length <= issuingBody.length + 24;
  if (SIGNATURE_DATE.test(text) || signature) return "lx-document-sign";
  if (NOT_INDENTED.test(text)) return "lx-document-flush";
  return undefined;
}

export function BatchNoticeText({ text, issuingBody }: { text: string; issuingBody?: string }) {
  return (
    <div className="lx-document-body">
      {parseBatchNoticeText(text).map((block) => (
        <Fragment key={block.key}>
          {block.type === "heading" ? (
            <h3>{block.text}</h3>
          ) : (
            <p className={paragraphClass(block.text, issuingBody)}>{block.text}</p>
          )}
        </Fragment>
      ))}
    </div>
  );
}
