import {
  type ApplicantCategory,
  computeTotals,
  type EligibilityResult,
  type FormTemplate,
  type FormValues,
  type ScalarValue,
} from "@linxuan/domain";
import { useCallback, useEffect, useRef, useState } from "react";
import { clearBackup, type DraftBackup, readBackup, writeBackup } from "./draft-backup";
import {
  describeSaveError,
  isRetryable,
  snapshotJson as jsonOf,
  putDraft,
  type Snapshot,
} from "./draft-client";
import { keepMine, mergeComputed, type Rows, sameValues, setCell, setRows, setScalar } from "./form-model";
import type { Application, SavedDraft } from "./types";

/** How long typing must pause before the draft is saved. */
export const AUTOSAVE_DELAY_MS = 3000;
const RETRY_DELAY_MS = 10_000;

export type SaveState =
  | { kind: "saved"; at: string }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "error"; message: string }
  | { kind: "conflict" };

/**
 * The draft being edited and its autosave: 3 s after typing stops, when the tab is hidden or left
 * (`keepalive`, with the CSRF header), and on leaving the page inside the app. Every save names the
 * revision it was typed on; a 409 stops autosaving and hands both versions to the conflict dialog,
 * so nothing is overwritten silently. A failed save keeps the input (and a copy in this browser)
 * and retries.
 */
export function useDraftEditor(application: Application, template: FormTemplate, editable: boolean) {
  const id = application.id;
  const [values, setValuesState] = useState<FormValues>(() => computeTotals(template, application.values));
  const [applicantCategory, setCategoryState] = useState(application.applicantCategory);
  const [eligibility, setEligibility] = useState<EligibilityResult | null>(application.eligibility);
  const [state, setState] = useState<SaveState>({ kind: "saved", at: application.draftSavedAt });
  const [conflict, setConflict] = useState<SavedDraft | null>(null);
  const [backup, setBackup] = useState<DraftBackup | null>(() => {
    const found = editable ? readBackup(id) : null;
    if (!found) return null;
    const server = {
      values: computeTotals(template, application.values),
      applicantCategory: application.applicantCategory,
    };
    if (jsonOf({ values: found.values, applicantCategory: found.applicantCategory }) !== jsonOf(server))
      return found;
    // The server got it after all (a save sent while the page was being left).
    clearBackup(id);
    return null;
  });

  const current = useRef<Snapshot>({ values, applicantCategory });
  /** What the server last acknowledged: the base of "what did I change" after a conflict. */
  const saved = useRef<Snapshot>({ values, applicantCategory });
  const revision = useRef(application.draftRevision);
  const inflight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const blocked = useRef(false);

  const isDirty = useCallback(() => jsonOf(current.current) !== jsonOf(saved.current), []);

  const keepCopy = useCallback(() => {
    if (!isDirty()) return;
    writeBackup(id, {
      ...current.current,
      baseRevision: revision.current,
      savedAt: new Date().toISOString(),
    });
  }, [id, isDirty]);

  const save = useCallback(
    async (keepalive: boolean): Promise<boolean> => {
      window.clearTimeout(timer.current);
      const sent = current.current;
      const base = revision.current;
      setState({ kind: "saving" });
      const result = await putDraft(id, sent, base, keepalive);
      if (result.ok) {
        revision.current = result.body.draftRevision;
        saved.current = sent;
        setEligibility(result.body.eligibility);
        // Server totals only where nothing was typed since the request left; typed text is never replaced.
        if (sameValues(current.current.values, sent.values)) {
          const merged = mergeComputed(template, current.current.values, result.body.values);
          if (!sameValues(merged, current.current.values)) {
            current.current = { ...current.current, values: merged };
            saved.current = current.current;
            setValuesState(merged);
          }
        }
        if (isDirty()) {
          keepCopy();
          setState({ kind: "dirty" });
          return false;
        }
        clearBackup(id);
        setState({ kind: "saved", at: result.body.draftSavedAt });
        return true;
      }
      const { error } = result;
      keepCopy();
      if (error.code === "VERSION_CONFLICT" && result.body.current) {
        blocked.current = true;
        setConflict(result.body.current as SavedDraft);
        setState({ kind: "conflict" });
        return false;
      }
      setState({ kind: "error", message: describeSaveError(template, error) });
      // Refused text is fixed by typing: the next edit saves again, nothing is retried meanwhile.
      if (error.code === "INVALID_TEXT") return false;
      if (isRetryable(error))
        timer.current = window.setTimeout(() => void flushRef.current(false), RETRY_DELAY_MS);
      else blocked.current = true;
      return false;
    },
    [id, template, isDirty, keepCopy],
  );

  /** Saves now if anything is unsaved; resolves true when the server has everything typed. */
  const flush = useCallback(
    async (keepalive = false): Promise<boolean> => {
      if (!editable || blocked.current) return !isDirty();
      while (inflight.current) await inflight.current;
      if (!isDirty()) return true;
      const run = save(keepalive).finally(() => {
        inflight.current = null;
      });
      inflight.current = run;
      const ok = await run;
      // Typing went on while saving: save that too once it pauses (the timer is already running).
      return ok;
    },
    [editable, isDirty, save],
  );
  const flushRef = useRef(flush);
  flushRef.current = flush;

  const schedule = useCallback(() => {
    window.clearTimeout(timer.current);
    if (blocked.current) return;
    timer.current = window.setTimeout(() => void flushRef.current(false), AUTOSAVE_DELAY_MS);
  }, []);

  const commit = useCallback(
    (next: Snapshot) => {
      current.current = next;
      setValuesState(next.values);
      setCategoryState(next.applicantCategory);
      if (!isDirty()) return;
      if (!blocked.current) setState((prev) => (prev.kind === "saving" ? prev : { kind: "dirty" }));
      keepCopy();
      schedule();
    },
    [isDirty, keepCopy, schedule],
  );

  const change = useCallback(
    (path: string, value: ScalarValue) => {
      const [table, index, column] = path.split(".");
      const now = current.current;
      const next =
        index !== undefined && column !== undefined && table
          ? setCell(template, now.values, table, Number(index), column, value)
          : setScalar(template, now.values, path, value);
      commit({ ...now, values: next });
    },
    [template, commit],
  );

  const changeRows = useCallback(
    (table: string, rows: Rows) =>
      commit({ ...current.current, values: setRows(template, current.current.values, table, rows) }),
    [template, commit],
  );

  const changeCategory = useCallback(
    (category: ApplicantCategory | null) => commit({ ...current.current, applicantCategory: category }),
    [commit],
  );

  /** 保留我的修改: the saved version with this window's changes on top, saved on its revision. */
  const keepMyChanges = useCallback(() => {
    if (!conflict) return;
    const mine = keepMine(template, saved.current.values, current.current.values, conflict.values);
    saved.current = {
      values: computeTotals(template, conflict.values),
      applicantCategory: saved.current.applicantCategory,
    };
    revision.current = conflict.draftRevision;
    blocked.current = false;
    setConflict(null);
    commit({ ...current.current, values: mine });
    return flushRef.current(false);
  }, [conflict, template, commit]);

  /** 使用已保存的版本: load what is saved; this window's unsaved changes are dropped by choice. */
  const takeSavedVersion = useCallback(() => {
    if (!conflict) return;
    const loaded = {
      values: computeTotals(template, conflict.values),
      applicantCategory: current.current.applicantCategory,
    };
    saved.current = loaded;
    revision.current = conflict.draftRevision;
    blocked.current = false;
    setConflict(null);
    commit(loaded);
    clearBackup(id);
    setState({ kind: "saved", at: conflict.draftSavedAt });
  }, [conflict, template, commit, id]);

  const retry = useCallback(() => {
    blocked.current = false;
    return flushRef.current(false);
  }, []);

  /** Puts the copy kept in this browser back; typed on an older revision, it goes through the conflict dialog. */
  const restoreBackup = useCallback(() => {
    if (!backup) return;
    setBackup(null);
    const restored = {
      values: computeTotals(template, backup.values),
      applicantCategory: backup.applicantCategory,
    };
    if (backup.baseRevision === revision.current) {
      commit(restored);
      return;
    }
    // Everything in the copy counts as "mine" against the draft saved since.
    const server = saved.current;
    current.current = restored;
    setValuesState(restored.values);
    setCategoryState(restored.applicantCategory);
    blocked.current = true;
    setConflict({
      values: server.values,
      draftRevision: revision.current,
      draftSavedAt: application.draftSavedAt,
      draftSavedBy: application.draftSavedBy,
    });
    setState({ kind: "conflict" });
  }, [backup, template, commit, application.draftSavedAt, application.draftSavedBy]);

  const discardBackup = useCallback(() => {
    setBackup(null);
    clearBackup(id);
  }, [id]);

  // Leaving: the tab hidden or closed, or another page of the app opened.
  useEffect(() => {
    if (!editable) return;
    const onVisibility = () => {
      if (document.visibilityState === "hidden" && isDirty()) void flushRef.current(true);
    };
    const onPageHide = () => {
      keepCopy();
      if (isDirty()) void flushRef.current(true);
    };
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", onPageHide);
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", onPageHide);
      window.clearTimeout(timer.current);
      if (isDirty() && !blocked.current) void flushRef.current(true);
    };
  }, [editable, isDirty, keepCopy]);

  return {
    values,
    applicantCategory,
    eligibility,
    state,
    conflict,
    /** The last acknowledged values: the base that "my changes" are measured from. */
    savedValues: () => saved.current.values,
    backup,
    isDirty,
    change,
    changeRows,
    changeCategory,
    flush,
    retry,
    keepMyChanges,
    takeSavedVersion,
    restoreBackup,
    discardBackup,
  };
}

export type DraftEditor = ReturnType<typeof useDraftEditor>;
