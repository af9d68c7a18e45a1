import {
  type ApplicantCategory,
  computeTotals,
  type EligibilityResult,
  type FormTemplate,
  type FormValues,
  type ScalarValue,
} from "@linxuan/domain";
import { useCallback, useEffect, useRef, useState } from "react";
import {
  type AutosaveEvent,
  type AutosaveState,
  autosavePaused,
  autosaveReducer,
  initialAutosave,
} from "./autosave";
import { clearBackup, type DraftBackup, readBackup, writeBackup } from "./draft-backup";
import { describeSaveError, snapshotJson as jsonOf, putDraft, retryOf, type Snapshot } from "./draft-client";
import { keepMine, mergeComputed, type Rows, sameValues, setCell, setRows, setScalar } from "./form-model";
import type { Application, SavedDraft } from "./types";

/** How long typing must pause before the draft is saved. */
export const AUTOSAVE_DELAY_MS = 3000;
const RETRY_DELAY_MS = 10_000;

/**
 * The draft being edited and its autosave: 3 s after typing stops, when the tab is hidden or left
 * (`keepalive`, with the CSRF header), and on leaving the page inside the app. Every save names the
 * revision it was typed on; a 409 stops autosaving and hands both versions to the conflict dialog,
 * so nothing is overwritten silently. A failed save keeps the input (and a copy in this browser)
 * and retries. The save state itself is the pure machine in `autosave.ts`.
 */
export function useDraftEditor(application: Application, template: FormTemplate, editable: boolean) {
  const id = application.id;
  const [values, setValuesState] = useState<FormValues>(() => computeTotals(template, application.values));
  const [applicantCategory, setCategoryState] = useState(application.applicantCategory);
  const [eligibility, setEligibility] = useState<EligibilityResult | null>(application.eligibility);
  const [state, setState] = useState<AutosaveState>(() => initialAutosave(application));
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
  /** The machine's state as of now: callbacks read it between renders. */
  const machine = useRef(state);
  const inflight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<number | undefined>(undefined);

  const dispatch = useCallback((event: AutosaveEvent) => {
    machine.current = autosaveReducer(machine.current, event);
    setState(machine.current);
  }, []);
  const paused = useCallback(() => autosavePaused(machine.current), []);

  const isDirty = useCallback(() => jsonOf(current.current) !== jsonOf(saved.current), []);

  const keepCopy = useCallback(() => {
    if (!isDirty()) return;
    writeBackup(id, {
      ...current.current,
      baseRevision: machine.current.revision,
      savedAt: new Date().toISOString(),
    });
  }, [id, isDirty]);

  const save = useCallback(
    async (keepalive: boolean): Promise<boolean> => {
      window.clearTimeout(timer.current);
      const sent = current.current;
      const base = machine.current.revision;
      dispatch({ type: "save-started" });
      const result = await putDraft(id, sent, base, keepalive);
      if (result.ok) {
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
        const dirty = isDirty();
        const { draftRevision, draftSavedAt } = result.body;
        dispatch({ type: "save-succeeded", revision: draftRevision, savedAt: draftSavedAt, dirty });
        if (dirty) {
          keepCopy();
          return false;
        }
        clearBackup(id);
        return true;
      }
      const { error } = result;
      keepCopy();
      if (error.code === "VERSION_CONFLICT" && result.body.current) {
        dispatch({ type: "conflicted", current: result.body.current as SavedDraft });
        return false;
      }
      const retry = retryOf(error);
      dispatch({ type: "save-failed", message: describeSaveError(template, error), retry });
      if (retry === "later")
        timer.current = window.setTimeout(() => void flushRef.current(false), RETRY_DELAY_MS);
      return false;
    },
    [id, template, isDirty, keepCopy, dispatch],
  );

  /** Saves now if anything is unsaved; resolves true when the server has everything typed. */
  const flush = useCallback(
    async (keepalive = false): Promise<boolean> => {
      if (!editable || paused()) return !isDirty();
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
    [editable, isDirty, save, paused],
  );
  const flushRef = useRef(flush);
  flushRef.current = flush;

  const schedule = useCallback(() => {
    window.clearTimeout(timer.current);
    if (paused()) return;
    timer.current = window.setTimeout(() => void flushRef.current(false), AUTOSAVE_DELAY_MS);
  }, [paused]);

  /** Shows `next`; true when it differs from what the server acknowledged. */
  const show = useCallback(
    (next: Snapshot) => {
      current.current = next;
      setValuesState(next.values);
      setCategoryState(next.applicantCategory);
      return isDirty();
    },
    [isDirty],
  );

  const commit = useCallback(
    (next: Snapshot) => {
      if (!show(next)) return;
      dispatch({ type: "edited" });
      keepCopy();
      schedule();
    },
    [show, dispatch, keepCopy, schedule],
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
    const { conflict } = machine.current;
    if (!conflict) return;
    const mine = keepMine(template, saved.current.values, current.current.values, conflict.values);
    saved.current = {
      values: computeTotals(template, conflict.values),
      applicantCategory: saved.current.applicantCategory,
    };
    const dirty = show({ ...current.current, values: mine });
    dispatch({ type: "kept-mine", dirty });
    if (dirty) {
      keepCopy();
      schedule();
    }
    return flushRef.current(false);
  }, [template, show, dispatch, keepCopy, schedule]);

  /** 使用已保存的版本: load what is saved; this window's unsaved changes are dropped by choice. */
  const takeSavedVersion = useCallback(() => {
    const { conflict } = machine.current;
    if (!conflict) return;
    const loaded = {
      values: computeTotals(template, conflict.values),
      applicantCategory: current.current.applicantCategory,
    };
    saved.current = loaded;
    show(loaded);
    dispatch({ type: "took-saved" });
    clearBackup(id);
  }, [template, show, dispatch, id]);

  const retry = useCallback(() => {
    dispatch({ type: "retry" });
    return flushRef.current(false);
  }, [dispatch]);

  /** Puts the copy kept in this browser back; typed on an older revision, it goes through the conflict dialog. */
  const restoreBackup = useCallback(() => {
    if (!backup) return;
    setBackup(null);
    const restored = {
      values: computeTotals(template, backup.values),
      applicantCategory: backup.applicantCategory,
    };
    if (backup.baseRevision === machine.current.revision) {
      commit(restored);
      return;
    }
    // Everything in the copy counts as "mine" against the draft saved since.
    const server = saved.current;
    show(restored);
    dispatch({
      type: "conflicted",
      current: {
        values: server.values,
        draftRevision: machine.current.revision,
        draftSavedAt: application.draftSavedAt,
        draftSavedBy: application.draftSavedBy,
      },
    });
  }, [backup, template, commit, show, dispatch, application.draftSavedAt, application.draftSavedBy]);

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
      if (isDirty() && !paused()) void flushRef.current(true);
    };
  }, [editable, isDirty, keepCopy, paused]);

  return {
    values,
    applicantCategory,
    eligibility,
    /** The autosave machine's state (status, revision, conflict, error). */
    state,
    conflict: state.conflict,
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
