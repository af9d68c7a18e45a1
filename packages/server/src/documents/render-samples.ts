/*
 * Renders every form template blank and filled (demo data) into a folder, with timings, for a person
 * to look at: node --import tsx packages/server/src/documents/render-samples.ts /tmp/forms
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { FORM_TEMPLATES } from "@linxuan/domain";
import { demoFormValues } from "./demo-values";
import { renderFormDocx } from "./form-docx";
import { renderFormPdf } from "./form-pdf";

const outDir = process.argv[2] ?? "/tmp/forms";
mkdirSync(outDir, { recursive: true });

for (const template of Object.values(FORM_TEMPLATES)) {
  const values = demoFormValues(template);
  const jobs = [
    ["blank", () => renderFormPdf(template, null)],
    ["filled", () => renderFormPdf(template, values, { filledOn: "2026-03-20" })],
    ["draft", () => renderFormPdf(template, values, { watermark: "草稿", filledOn: "2026-03-20" })],
  ] as const;
  for (const [name, render] of jobs) {
    const started = performance.now();
    const pdf = await render();
    const elapsed = performance.now() - started;
    const file = join(outDir, `${template.id}-${name}.pdf`);
    writeFileSync(file, pdf);
    console.log(`${file}  ${(pdf.length / 1024).toFixed(0)} KB  ${elapsed.toFixed(0)} ms`);
  }
  const started = performance.now();
  const docx = await renderFormDocx(template, values, { filledOn: "2026-03-20" });
  const file = join(outDir, `${template.id}-filled.docx`);
  writeFileSync(file, docx);
  console.log(
    `${file}  ${(docx.length / 1024).toFixed(0)} KB  ${(performance.now() - started).toFixed(0)} ms`,
  );
}
