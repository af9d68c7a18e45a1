import { createRequire } from "node:module";
import os from "node:os";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { FormTemplate, FormValues } from "@linxuan/domain";
import type { FormDocumentOptions } from "./form-pdf";
import type { SheetRequest } from "./sheet-xlsx";

/**
 * Forms are rendered (PDF and DOCX) in a pool of worker threads, so a 100-form export or a burst
 * of downloads never blocks the instance's event loop: requests, lease renewals and health checks
 * keep being answered while the cores render. A worker receives plain data (template, values,
 * options) and hands the bytes back transferred.
 *
 * The pool starts its workers on first use, one per task up to `size`, and keeps them for the
 * next documents (fonts and code stay loaded). A worker that dies (e.g. out of memory) fails its
 * task and is replaced on the next one. `close()` waits for the tasks already handed in and then
 * stops the workers; a later `render` starts the pool again.
 */
export type DocumentRequest =
  | {
      format: "pdf" | "docx";
      template: FormTemplate;
      values: FormValues | null;
      /** Plain data only: a function (`optionLabel`) cannot cross to a worker. */
      options: Omit<FormDocumentOptions, "optionLabel">;
    }
  | SheetRequest;

/** What the pool sends a worker. */
export type DocumentTask = { id: number; request: DocumentRequest };

/** What a worker answers: the document, or why it failed; `rss` is the process RSS it saw after. */
export type DocumentReply =
  | { id: number; ok: true; body: Uint8Array; rss: number }
  | { id: number; ok: false; message: string; stack?: string };

type Pending = {
  task: DocumentTask;
  resolve: (body: Buffer) => void;
  reject: (error: Error) => void;
};

type Slot = { worker: Worker; busy: Pending | null };

/** One worker per core the process may use (`os.availableParallelism`), at least 1. */
export function defaultDocumentWorkers(): number {
  return Math.max(1, os.availableParallelism());
}

/**
 * The worker's entry: beside the running module. From the build, dist/document-worker.mjs next to
 * dist/cli.mjs (a second esbuild entry point). From the TypeScript sources (development, tests,
 * benchmarks) document-worker.ts, loaded through tsx as the rest of the sources are.
 */
function startWorker(): Worker {
  const here = import.meta.url;
  const options = { name: "linxuan-document", resourceLimits: WORKER_LIMITS };
  if (/\.m?js$/.test(new URL(here).pathname))
    return new Worker(new URL("./document-worker.mjs", here), options);
  // Node 20 does not apply `--import tsx` hooks to a worker's entry: register them, then import it.
  const tsx = pathToFileURL(
    createRequire(here)
      .resolve("tsx/esm/api")
      .replace(/\.cjs$/, ".mjs"),
  ).href;
  const entry = new URL("./document-worker.ts", here).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}

/**
 * A worker's V8 heap: a form needs a few tens of MB at a time; a smaller old generation makes V8
 * collect sooner instead of letting the heap (and the process RSS) grow. (Also limiting the young
 * generation to 8 MB saved another ~25 MB but cost ~30% more CPU in garbage collection.) A worker
 * that exceeds the limit dies and fails its one task; the next task starts a new worker.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 128 };

export class DocumentPool {
  readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closing: Promise<void> | null = null;
  private peakRss = 0;

  constructor(options: { size?: number } = {}) {
    this.size = Math.max(1, Math.floor(options.size ?? defaultDocumentWorkers()));
  }

  /** Renders one form (or a summary sheet) in a worker; rejects with the worker's error (or if the worker died). */
  render(request: DocumentRequest): Promise<Buffer> {
    return new Promise<Buffer>((resolve, reject) => {
      this.queue.push({ task: { id: this.nextId++, request }, resolve, reject });
      this.dispatch();
    });
  }

  /** Workers running now (started lazily, at most `size`). */
  get workers(): number {
    return this.slots.length;
  }

  /** The highest process RSS (bytes) a worker reported right after a document since the pool started. */
  get peakRssReported(): number {
    return this.peakRss;
  }

  /** Lets the tasks handed in finish, then stops every worker. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      while (this.queue.length > 0 || this.slots.some((slot) => slot.busy)) {
        await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
      }
      const slots = this.slots.splice(0);
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    })();
    return this.closing;
  }

  private idleWaiters: (() => void)[] = [];

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((candidate) => !candidate.busy);
      if (!slot && this.slots.length < this.size) slot = this.start();
      if (!slot) return;
      const pending = this.queue.shift() as Pending;
      slot.busy = pending;
      slot.worker.ref();
      slot.worker.postMessage(pending.task);
    }
  }

  private start(): Slot {
    const worker = startWorker();
    const slot: Slot = { worker, busy: null };
    worker.on("message", (reply: DocumentReply) => {
      const pending = slot.busy;
      if (!pending || pending.task.id !== reply.id) return;
      slot.busy = null;
      worker.unref();
      if (reply.ok) {
        this.peakRss = Math.max(this.peakRss, reply.rss);
        pending.resolve(Buffer.from(reply.body.buffer, reply.body.byteOffset, reply.body.byteLength));
      } else {
        const error = new Error(reply.message);
        if (reply.stack) error.stack = reply.stack;
        pending.reject(error);
      }
      this.settled();
    });
    const lost = (error: Error) => {
      const index = this.slots.indexOf(slot);
      if (index === -1) return;
      this.slots.splice(index, 1);
      const pending = slot.busy;
      slot.busy = null;
      pending?.reject(new Error(`文档生成线程异常退出：${error.message}`));
      this.settled();
    };
    worker.on("error", lost);
    worker.on("exit", (code) => lost(new Error(`退出码 ${code}`)));
    this.slots.push(slot);
    return slot;
  }

  private settled(): void {
    this.dispatch();
    if (this.queue.length === 0 && !this.slots.some((slot) => slot.busy)) {
      for (const wake of this.idleWaiters.splice(0)) wake();
    }
  }
}

let shared: DocumentPool | null = null;

/**
 * The process's pool, started on first use with `size` workers (the instance's
 * `LINXUAN_DOCUMENT_WORKERS`); after `closeDocumentPool` the next call starts a new one.
 */
export function documentPool(size?: number): DocumentPool {
  shared ??= new DocumentPool({ size });
  return shared;
}

/** Stops the process's pool once its tasks are done (app close, shutdown); no-op when none runs. */
export async function closeDocumentPool(): Promise<void> {
  const pool = shared;
  shared = null;
  await pool?.close();
}
