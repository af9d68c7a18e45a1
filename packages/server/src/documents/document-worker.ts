/**
 * The entry of a document worker thread (see pool.ts): renders one form as PDF or DOCX per message
 * and hands the bytes back transferred, not copied. It receives plain data only (template, values,
 * options), so rendering never blocks the instance's event loop.
 */
import { parentPort } from "node:worker_threads";
import { renderFormDocx } from "./form-docx";
import { renderFormPdf } from "./form-pdf";
import type { DocumentReply, DocumentTask } from "./pool";
import { renderSheet } from "./sheet-xlsx";

if (!parentPort) throw new Error("document-worker 只能作为工作线程运行");
const port = parentPort;

port.on("message", async (task: DocumentTask) => {
  let reply: DocumentReply;
  const transfer: ArrayBuffer[] = [];
  try {
    const { request } = task;
    const rendered =
      request.format === "xlsx"
        ? await renderSheet(request)
        : request.format === "pdf"
          ? await renderFormPdf(request.template, request.values, request.options)
          : await renderFormDocx(request.template, request.values, request.options);
    // A small Buffer may be a slice of Node's shared pool: copy it out before transferring.
    const body =
      rendered.byteOffset === 0 && rendered.buffer.byteLength === rendered.byteLength
        ? new Uint8Array(rendered.buffer, 0, rendered.byteLength)
        : new Uint8Array(rendered);
    transfer.push(body.buffer as ArrayBuffer);
    reply = { id: task.id, ok: true, body, rss: process.memoryUsage.rss() };
  } catch (error) {
    reply = {
      id: task.id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
      stack: error instanceof Error ? error.stack : undefined,
    };
  }
  port.postMessage(reply, transfer);
});
