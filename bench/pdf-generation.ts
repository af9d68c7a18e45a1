/*
 * PDF generation: milliseconds and peak memory per full form, for every form template, as the
 * draft download renders it (demo values, 草稿 watermark); plus the DOCX rendering. Asserts nothing.
 *
 *   node --expose-gc --import tsx bench/pdf-generation.ts      (npm run pdf --workspace @linxuan/bench)
 *
 * --expose-gc is optional: with it, memory baselines are taken after a full collection.
 */
import { FORM_TEMPLATES, type FormTemplate } from "@linxuan/domain";
import { demoFormValues } from "../packages/server/src/documents/demo-values";
import { renderFormDocx } from "../packages/server/src/documents/form-docx";
import { type FormDocumentOptions, renderFormPdf } from "../packages/server/src/documents/form-pdf";

const RUNS = 20;
const WARMUP = 2;
const SAMPLE_EVERY_MS = 10;
const OPTIONS: FormDocumentOptions = { watermark: "草稿", filledOn: "2026-03-20" };
const MB = 1024 * 1024;

type Row = {
  template: string;
  pdfKb: number;
  pdf: number[];
  docx: number[];
  rssBaseline: number;
  rssPeak: number;
  heapBaseline: number;
  heapPeak: number;
};

const gc = (globalThis as { gc?: () => void }).gc;

/** Nearest-rank percentile of a sample (p in 0..100). */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/**
 * Peak RSS and heap while it runs. A render is mostly one synchronous stretch, so the 10 ms timer
 * only fires between renders; `sample()` is also called right after each render, before its
 * garbage is collected.
 */
function memorySampler() {
  let rss = 0;
  let heap = 0;
  const sample = () => {
    const usage = process.memoryUsage();
    rss = Math.max(rss, usage.rss);
    heap = Math.max(heap, usage.heapUsed);
  };
  const timer = setInterval(sample, SAMPLE_EVERY_MS);
  return {
    sample,
    stop: () => {
      clearInterval(timer);
      sample();
      return { rss, heap };
    },
  };
}

async function time(render: () => Promise<Buffer>, after: () => void = () => {}) {
  const started = performance.now();
  const output = await render();
  const elapsed = performance.now() - started;
  after();
  return { elapsed, bytes: output.length };
}

async function measure(template: FormTemplate): Promise<Row> {
  const values = demoFormValues(template);
  const pdf = () => renderFormPdf(template, values, OPTIONS);
  for (let i = 0; i < WARMUP; i++) await pdf();
  gc?.();
  const baseline = process.memoryUsage();
  const sampler = memorySampler();
  const pdfTimes: number[] = [];
  let pdfBytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const run = await time(pdf, sampler.sample);
    pdfTimes.push(run.elapsed);
    pdfBytes = run.bytes;
  }
  const peak = sampler.stop();

  const docx = () => renderFormDocx(template, values, OPTIONS);
  for (let i = 0; i < WARMUP; i++) await docx();
  const docxTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) docxTimes.push((await time(docx)).elapsed);

  return {
    template: template.id,
    pdfKb: pdfBytes / 1024,
    pdf: pdfTimes,
    docx: docxTimes,
    rssBaseline: baseline.rss,
    rssPeak: peak.rss,
    heapBaseline: baseline.heapUsed,
    heapPeak: peak.heap,
  };
}

console.log(
  `PDF generation: ${RUNS} runs per template after ${WARMUP} warm-up runs, demo values, watermark 草稿${gc ? "" : " (no --expose-gc: baselines without a full collection)"}`,
);
const rows: Row[] = [];
for (const template of Object.values(FORM_TEMPLATES)) {
  const row = await measure(template);
  rows.push(row);
  console.log(
    `  ${row.template}: PDF median ${percentile(row.pdf, 50).toFixed(0)} ms, DOCX median ${percentile(row.docx, 50).toFixed(0)} ms`,
  );
}

const columns: [string, (row: Row) => string][] = [
  ["template", (row) => row.template],
  ["PDF KB", (row) => row.pdfKb.toFixed(0)],
  ["median ms", (row) => percentile(row.pdf, 50).toFixed(0)],
  ["p90 ms", (row) => percentile(row.pdf, 90).toFixed(0)],
  ["max ms", (row) => Math.max(...row.pdf).toFixed(0)],
  ["RSS Δ MB", (row) => ((row.rssPeak - row.rssBaseline) / MB).toFixed(1)],
  ["RSS peak MB", (row) => (row.rssPeak / MB).toFixed(1)],
  ["heap Δ MB", (row) => ((row.heapPeak - row.heapBaseline) / MB).toFixed(1)],
  ["heap peak MB", (row) => (row.heapPeak / MB).toFixed(1)],
  ["DOCX median ms", (row) => percentile(row.docx, 50).toFixed(0)],
];
const widths = columns.map(([label, cell]) => Math.max(label.length, ...rows.map((row) => cell(row).length)));
const line = (cells: string[]) =>
  cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join("  ");
console.log(`\n${line(columns.map(([label]) => label))}`);
for (const row of rows) console.log(line(columns.map(([, cell]) => cell(row))));
console.log(
  `\nΔ = peak over the baseline taken after the warm-up runs; process max RSS (kernel high-water mark): ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MB`,
);
