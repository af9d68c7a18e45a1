import { type MonitoredJob, maskIdNumber, maskPhone } from "@linxuan/domain";
import { jobDescriptionJson, parseJsonText } from "../db/json";
import { maskAddress } from "../features/notifications/service";
import { jobTypes } from "./handlers";
import type { JobRow } from "./queue";

/*
 * 后台任务监控 (administrator) shows what a job is and how it went — never what it produced. A
 * job's result (an export's ZIP of application PDFs, an import's initial passwords) and its file
 * belong to the person who started it; its progress note names the application being worked on,
 * so it stays with the requester too. The response schema (`jobMonitorSchema`, in the domain's
 * contracts) is the whole of what leaves the server: anything not declared in it is dropped by the
 * serializer, so a field added to the row or to the requester's view later cannot leak into the
 * monitor by accident.
 */

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
// 18-character identity numbers and mainland mobiles, not inside a longer run of digits (a hash).
const ID_NUMBER = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const MOBILE = /(?<![0-9A-Za-z])(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?![0-9A-Za-z])/g;

/**
 * An error text as the administrator may read it: e-mail addresses, identity numbers and mobile
 * numbers masked. Errors come from mail servers ("550 <someone@example.cn> rejected") and from the
 * requester's own files, so they can quote personal data the administrator has no business seeing.
 */
export function withoutPersonalData(text: string): string {
  return text
    .replace(EMAIL, (address) => maskAddress(address))
    .replace(ID_NUMBER, (number) => maskIdNumber(number))
    .replace(MOBILE, (number) => maskPhone(number));
}

const maskedOrNull = (text: string | null) => (text === null ? null : withoutPersonalData(text));

/** One row of the monitor: the job's metadata only. */
export function monitoredJob(row: JobRow): MonitoredJob {
  return {
    id: row.id,
    type: row.type,
    label: jobTypes[row.type]?.label ?? "后台任务",
    description: maskedOrNull(describeJob(row.payload)),
    status: row.status as MonitoredJob["status"],
    progress: Number(row.progress),
    attempts: Number(row.attempts),
    maxAttempts: Number(row.maxAttempts),
    lastError: maskedOrNull(row.lastError),
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
    runAfter: row.runAfter,
    createdBy: row.createdBy,
    lockedBy: row.lockedBy,
  };
}

/**
 * The description a job was queued with (see `startRequestedJob`), or null — also for a payload
 * that does not read: the monitor is where the administrator finds broken jobs, so one damaged
 * row must not hide all the others.
 */
export function describeJob(payload: string): string | null {
  const parsed = parseJsonText(jobDescriptionJson, payload);
  return parsed.ok ? (parsed.value.description ?? null) : null;
}
