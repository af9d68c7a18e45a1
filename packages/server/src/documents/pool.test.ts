import { nationalEvaluationV1, nationalTrainingV1, shanghaiTrainingV1 } from "@linxuan/domain";
import { afterAll, describe, expect, it } from "vitest";
import { demoFormValues } from "./demo-values";
import { hasPdftotext, pdfPages, squeeze, zipEntry } from "./document-test-utils";
import { DocumentPool } from "./pool";

/*
 * The document pool renders in worker threads (started from the TypeScript sources here, through
 * tsx, as in development; the build test covers dist/document-worker.mjs).
 */
describe("DocumentPool", () => {
  const pool = new DocumentPool({ size: 2 });
  afterAll(() => pool.close());

  it("renders PDFs and a DOCX requested at the same time, each with its own form's content", async () => {
    const templates = [shanghaiTrainingV1, nationalTrainingV1, nationalEvaluationV1, shanghaiTrainingV1];
    const requests = templates.map((template, index) =>
      pool.render({
        format: "pdf",
        template,
        values: demoFormValues(template),
        options: { watermark: index === 3 ? "草稿" : null },
      }),
    );
    const docx = pool.render({
      format: "docx",
      template: nationalTrainingV1,
      values: demoFormValues(nationalTrainingV1),
      options: {},
    });
    const pdfs = await Promise.all(requests);
    // No more workers than the pool's size, however many forms were asked for at once.
    expect(pool.workers).toBe(2);
    for (const pdf of pdfs) expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const document = (await zipEntry(await docx, "word/document.xml"))?.toString("utf8") ?? "";
    expect(document.includes(nationalTrainingV1.title)).toBe(true);
    if (hasPdftotext) {
      // Each answer is its own form: its title, and the 草稿 watermark only where it was asked for.
      const texts = pdfs.map((pdf) => squeeze(pdfPages(pdf).join("")));
      texts.forEach((text, index) => {
        expect(text.includes(squeeze(templates[index]?.title ?? "-"))).toBe(true);
      });
      expect(texts[3]?.includes("草稿")).toBe(true);
      expect(texts[0]?.includes("草稿")).toBe(false);
    }
  });

  it("rejects a form that cannot be rendered with the worker's error and keeps serving", async () => {
    const broken = { ...shanghaiTrainingV1, sections: null } as unknown as typeof shanghaiTrainingV1;
    await expect(
      pool.render({ format: "pdf", template: broken, values: null, options: {} }),
    ).rejects.toThrow();
    const pdf = await pool.render({ format: "pdf", template: shanghaiTrainingV1, values: null, options: {} });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it("closes once the forms handed in are rendered, stopping every worker", async () => {
    const own = new DocumentPool({ size: 1 });
    const pending = [1, 2].map(() =>
      own.render({ format: "pdf", template: nationalTrainingV1, values: null, options: {} }),
    );
    const closed = own.close();
    const bodies = await Promise.all(pending);
    await closed;
    expect(bodies.map((body) => body.subarray(0, 5).toString("latin1"))).toEqual(["%PDF-", "%PDF-"]);
    expect(own.workers).toBe(0);
  });
});
