import { useSyncExternalStore } from "react";

/**
 * Background jobs the user follows, kept in localStorage so that a job started on one page is
 * still followed after navigating, reloading or in another tab (the `storage` event). Only ids
 * and a label are stored; the job's state always comes from GET /api/jobs/:id.
 */

export type FollowedJob = { id: string; label: string; startedAt: string };

const STORAGE_KEY = "lx.followedJobs";
const none: FollowedJob[] = [];
const listeners = new Set<() => void>();
let cache: { raw: string | null; jobs: FollowedJob[] } = { raw: null, jobs: [] };

function read(): FollowedJob[] {
  let raw: string | null = null;
  try {
    raw = window.localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage disabled (private mode, policy): nothing is followed.
  }
  if (raw === cache.raw) return cache.jobs;
  let jobs: FollowedJob[] = [];
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    if (Array.isArray(parsed))
      jobs = parsed.filter(
        (item): item is FollowedJob =>
          typeof item?.id === "string" &&
          typeof item?.label === "string" &&
          typeof item?.startedAt === "string",
      );
  } catch {
    jobs = [];
  }
  cache = { raw, jobs };
  return jobs;
}

function write(jobs: FollowedJob[]): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(jobs));
  } catch {
    // Not stored: the job is simply not followed across pages.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY) listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

/** Starts following a job (id from the response that started it); `label` says what it does. */
export function followJob(id: string, label: string): void {
  const jobs = read().filter((job) => job.id !== id);
  // A handful at most: a forgotten job must not grow the list for ever.
  write([...jobs, { id, label, startedAt: new Date().toISOString() }].slice(-10));
}

export function unfollowJob(id: string): void {
  const jobs = read();
  if (jobs.some((job) => job.id === id)) write(jobs.filter((job) => job.id !== id));
}

export function useFollowedJobs(): FollowedJob[] {
  return useSyncExternalStore(subscribe, read, () => none);
}
