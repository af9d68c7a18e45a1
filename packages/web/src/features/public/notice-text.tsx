import { Fragment } from "react";

type Block = { type: "heading"; text: string } | { type: "paragraph"; text: string };

const HEADING = /^#{2,4}\s+/;

/**
 * Splits a notice body into headings and paragraphs: blank lines separate paragraphs, a line
 * starting with "## " is a heading. Plain text only — never parsed as HTML.
 */
export function parseNoticeText(text: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of text.replace(/\r\n?/g, "\n").split(/\n\s*\n/)) {
    let paragraph: string[] = [];
    const flush = () => {
      if (paragraph.length > 0) blocks.push({ type: "paragraph", text: paragraph.join("\n") });
      paragraph = [];
    };
    for (const line of chunk.split("\n")) {
      if (HEADING.test(line)) {
        flush();
        blocks.push({ type: "heading", text: line.replace(HEADING, "").trim() });
      } else if (line.trim() !== "") {
        paragraph.push(line.trim());
      }
    }
    flush();
  }
  return blocks;
}

export function NoticeText({ text }: { text: string }) {
  return (
    <div className="lx-notice-body">
      {parseNoticeText(text).map((block, index) => (
        // Blocks have no identity beyond their position in an immutable text.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Fragment key={index}>{block.type === "heading" ? <h3>{block.text}</h3> : <p>{block.text}</p>}</Fragment>
      ))}
    </div>
  );
}
