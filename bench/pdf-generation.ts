/*
 * PDF generation: milliseconds per full form, for every form template, as the draft download
 * renders it (demo values, 草稿 watermark), through the document pool's worker threads as the
 * server does; the same on the main thread for comparison; DOCX through the pool; and the memory
 * one document worker adds to the process. Asserts nothing.
 *
 *   node --expose-gc --import tsx bench/pdf-generation.ts      (npm run pdf --workspace @linxuan/bench)
 *
 * --expose-gc is optional: with it, memory baselines are taken after a full collection.
 */
import { FORM_TEMPLATES, type FormTemplate } from "@linxuan/domain";
import { demoFormValues } from "../packages/server/src/documents/demo-values";
import { type FormDocumentOptions, renderFormPdf } from "../packages/server/src/documents/form-pdf";
import { DocumentPool } from "../packages/server/src/documents/pool";

const RUNS = 20;
const WARMUP = 2;
const SAMPLE_EVERY_MS = 10;
const OPTIONS: Omit<FormDocumentOptions, "optionLabel"> = { watermark: "草稿", filledOn: "2026-03-20" };
const MB = 1024 * 1024;

type Row = { template: string; pdfKb: number; pool: number[]; mainThread: number[]; docx: number[] };

const gc = (globalThis as { gc?: () => void }).gc;

/** Nearest-rank percentile of a sample (p in 0..100). */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function timed(render: () => Promise<Buffer>): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const output = await render();
  return { ms: performance.now() - started, bytes: output.length };
}

async function series(render: () => Promise<Buffer>): Promise<{ times: number[]; bytes: number }> {
  for (let i = 0; i < WARMUP; i++) await render();
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const run = await timed(render);
    times.push(run.ms);
    bytes = run.bytes;
  }
  return { times, bytes };
}

// Memory first, in a pool of one worker: the main thread only waits, so a 10 ms timer samples
// the process RSS throughout each render (worker threads share the process's RSS: the figure is
// the process's peak over its baseline before the worker started, i.e. what the worker adds).
gc?.();
const rssBaseline = process.memoryUsage.rss();
let rssPeak = rssBaseline;
const sampler = setInterval(() => {
  rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
}, SAMPLE_EVERY_MS);
const single = new DocumentPool({ size: 1 });
const templates = Object.values(FORM_TEMPLATES) as FormTemplate[];
// Process CPU time while only the worker works: a figure a busy machine disturbs less than wall time.
await single.render({
  format: "pdf",
  template: templates[0] as FormTemplate,
  values: null,
  options: OPTIONS,
});
const cpuBefore = process.cpuUsage();
for (const template of templates) {
  const values = demoFormValues(template);
  for (let i = 0; i < RUNS; i++) await single.render({ format: "pdf", template, values, options: OPTIONS });
}
const cpu = process.cpuUsage(cpuBefore);
const cpuMsPerPdf = (cpu.user + cpu.system) / 1000 / (RUNS * templates.length);
for (const template of templates) {
  await single.render({ format: "docx", template, values: demoFormValues(template), options: OPTIONS });
}
clearInterval(sampler);
rssPeak = Math.max(rssPeak, single.peakRssReported);
await single.close();
const workerRssMb = (rssPeak - rssBaseline) / MB;

const pool = new DocumentPool();
console.log(
  `PDF generation: ${RUNS} runs per template after ${WARMUP} warm-up runs, demo values, watermark 草稿, one at a time through a pool of ${pool.size} worker thread(s)${gc ? "" : " (no --expose-gc: memory baseline without a full collection)"}`,
);
const rows: Row[] = [];
for (const template of templates) {
  const values = demoFormValues(template);
  const pooled = await series(() => pool.render({ format: "pdf", template, values, options: OPTIONS }));
  const mainThread = await series(() => renderFormPdf(template, values, OPTIONS));
  const docx = await series(() => pool.render({ format: "docx", template, values, options: OPTIONS }));
  const row = {
    template: template.id,
    pdfKb: pooled.bytes / 1024,
    pool: pooled.times,
    mainThread: mainThread.times,
    docx: docx.times,
  };
  rows.push(row);
  console.log(
    `  ${row.template}: PDF median ${percentile(row.pool, 50).toFixed(0)} ms (main thread ${percentile(row.mainThread, 50).toFixed(0)} ms), DOCX median ${percentile(row.docx, 50).toFixed(0)} ms`,
  );
}
await pool.close();

const columns: [string, (row: Row) => string][] = [
  ["template", (row) => row.template],
  ["PDF KB", (row) => row.pdfKb.toFixed(0)],
  ["median ms", (row) => percentile(row.pool, 50).toFixed(0)],
  ["p90 ms", (row) => percentile(row.pool, 90).toFixed(0)],
  ["max ms", (row) => Math.max(...row.pool).toFixed(0)],
  ["main-thread median ms", (row) => percentile(row.mainThread, 50).toFixed(0)],
  ["DOCX median ms", (row) => percentile(row.docx, 50).toFixed(0)],
];
const widths = columns.map(([label, cell]) => Math.max(label.length, ...rows.map((row) => cell(row).length)));
const line = (cells: string[]) =>
  cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join("  ");
console.log(`\n${line(columns.map(([label]) => label))}`);
for (const row of rows) console.log(line(columns.map(([, cell]) => cell(row))));
console.log(
  `\none worker: process RSS ${(rssBaseline / MB).toFixed(0)} MB before it started, peak ${(rssPeak / MB).toFixed(0)} MB while it rendered every template ${RUNS} times; process max RSS (kernel high-water mark) ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
);
console.log(
  `one worker: process CPU time per PDF ${cpuMsPerPdf.toFixed(0)} ms (user + system, the main thread idle meanwhile; includes V8's GC helper threads)`,
);
// The figures issue 17 compares with its limits: the median over every template's runs.
console.log(
  `pdf: median ms = ${percentile(
    rows.flatMap((row) => row.pool),
    50,
  ).toFixed(0)}`,
);
console.log(`pdf: worker peak rss mb = ${workerRssMb.toFixed(0)}`);
