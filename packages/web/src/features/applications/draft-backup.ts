import type { ApplicantCategory, FormValues } from "@linxuan/domain";

/**
 * A copy of typed-but-unsaved input in this browser, so that a lost connection, an expired
 * session or a crashed tab never costs the applicant what they typed. Written while the form has
 * unsaved changes, removed once the server has them.
 */
export type DraftBackup = {
  values: FormValues;
  applicantCategory: ApplicantCategory | null;
  /** The draft revision the input was typed on. */
  baseRevision: number;
  savedAt: string;
};

const keyOf = (applicationId: string) => `linxuan:draft-backup:${applicationId}`;

export function readBackup(applicationId: string): DraftBackup | null {
  try {
    const text = window.localStorage.getItem(keyOf(applicationId));
    if (!text) return null;
    const backup = JSON.parse(text) as DraftBackup;
    return backup && typeof backup === "object" && backup.values ? backup : null;
  } catch {
    return null;
  }
}

export function writeBackup(applicationId: string, backup: DraftBackup): void {
  try {
    window.localStorage.setItem(keyOf(applicationId), JSON.stringify(backup));
  } catch {
    // Storage full or disabled (private mode): the server copy and the open page remain.
  }
}

export function clearBackup(applicationId: string): void {
  try {
    window.localStorage.removeItem(keyOf(applicationId));
  } catch {
    // See writeBackup.
  }
}
