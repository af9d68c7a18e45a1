import { useQuery } from "@tanstack/react-query";
import { jobQuery } from "../notifications/job-progress";
import type { Job } from "../notifications/types";
import type { InitialAccount } from "./queries";

/*
 * 导入专家 runs as a background job (packages/server/src/features/experts/import-job.ts): the
 * upload answers 202 with the job's id, and the finished job's result holds the new accounts with
 * their one-time initial passwords, readable only by whoever started the import (also listed,
 * with them, on the 后台任务 page).
 */

/** What the job is called under the header's bell while it is followed. */
export const importJobLabel = (count: number) => `导入专家 ${count} 名`;

/** The accounts a finished import created, or none if the result is not an import's. */
export function importedAccounts(job: Job): InitialAccount[] {
  const result = job.result as { imported?: unknown } | null;
  return Array.isArray(result?.imported) ? (result.imported as InitialAccount[]) : [];
}

/** One import job, polled until it ends (shares the query of the bell's view of it). */
export function useImportJob(jobId: string | null) {
  return useQuery({ ...jobQuery(jobId ?? ""), enabled: jobId !== null });
}
