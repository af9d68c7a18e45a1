import type { SavedDraft } from "./types";

/*
 * The draft autosave as a pure state machine: what the save indicator shows, which revision the
 * next save is sent on, the conflicting version waiting for the applicant's choice, and how a
 * failed save comes back. `useDraftEditor` owns the values, timers and requests and reports what
 * happened as events; everything it decides from the state is read here.
 */

export type AutosaveStatus = "idle" | "dirty" | "saving" | "saved" | "conflict" | "error";

/** How a failed save is tried again: by itself after a pause, on the next edit, or only on 重试. */
export type AutosaveRetry = "later" | "on-edit" | "manual";

export type AutosaveState = {
  /** idle: nothing typed since the draft was loaded; saved: the server has everything typed. */
  status: AutosaveStatus;
  /** The draft revision the server last acknowledged: every save is sent on it. */
  revision: number;
  /** When that revision was saved. */
  savedAt: string;
  /** The version saved elsewhere that a save ran into, until the applicant chooses. */
  conflict: SavedDraft | null;
  /** Why the last save failed (status error). */
  message: string | null;
  /** How that failure is tried again (status error); null once 重试 was pressed. */
  retry: AutosaveRetry | null;
};

export type AutosaveEvent =
  /** The values now differ from what the server acknowledged. */
  | { type: "edited" }
  | { type: "save-started" }
  /** The server took the save; `dirty` when typing went on meanwhile. */
  | { type: "save-succeeded"; revision: number; savedAt: string; dirty: boolean }
  | { type: "save-failed"; message: string; retry: AutosaveRetry }
  /** A save was refused for an older revision, or a copy typed on one was restored. */
  | { type: "conflicted"; current: SavedDraft }
  /** 保留我的修改: the saved version with this window's changes on top; `dirty` unless they match. */
  | { type: "kept-mine"; dirty: boolean }
  /** 使用已保存的版本. */
  | { type: "took-saved" }
  /** 重试 after a failed save. */
  | { type: "retry" };

export function initialAutosave(draft: { draftRevision: number; draftSavedAt: string }): AutosaveState {
  return {
    status: "idle",
    revision: draft.draftRevision,
    savedAt: draft.draftSavedAt,
    conflict: null,
    message: null,
    retry: null,
  };
}

/**
 * Whether autosave waits for the applicant: a conflict to resolve, or a failure that trying
 * again by itself will not fix (until 重试).
 */
export function autosavePaused(state: AutosaveState): boolean {
  return state.status === "conflict" || (state.status === "error" && state.retry === "manual");
}

/**
 * The next state. A pending conflict is only ever replaced by a newer one or ended by the
 * applicant's choice, and the acknowledged revision never goes back, whatever order answers
 * arrive in.
 */
export function autosaveReducer(state: AutosaveState, event: AutosaveEvent): AutosaveState {
  if (state.status === "conflict") return inConflict(state, event);
  switch (event.type) {
    case "edited":
      // A save in flight is still shown; a failure that waits for 重试 stays on screen.
      if (state.status === "saving" || autosavePaused(state)) return state;
      return { ...state, status: "dirty", message: null, retry: null };
    case "save-started":
      return { ...state, status: "saving", message: null, retry: null };
    case "save-succeeded": {
      if (event.revision < state.revision) return state;
      return {
        ...state,
        status: event.dirty ? "dirty" : "saved",
        revision: event.revision,
        savedAt: event.savedAt,
        message: null,
        retry: null,
      };
    }
    case "save-failed":
      return { ...state, status: "error", message: event.message, retry: event.retry };
    case "conflicted":
      return { ...state, status: "conflict", conflict: event.current, message: null, retry: null };
    case "retry":
      return state.status === "error" ? { ...state, retry: null } : state;
    case "kept-mine":
    case "took-saved":
      // Only a pending conflict can be resolved.
      return state;
  }
}

function inConflict(state: AutosaveState, event: AutosaveEvent): AutosaveState {
  const conflict = state.conflict;
  if (!conflict) return state;
  switch (event.type) {
    case "conflicted":
      // Two versions saved elsewhere: the applicant decides against the newer one.
      return event.current.draftRevision >= conflict.draftRevision
        ? { ...state, conflict: event.current }
        : state;
    case "kept-mine": {
      const revision = Math.max(state.revision, conflict.draftRevision);
      return event.dirty
        ? { ...state, status: "dirty", revision, conflict: null }
        : { ...state, status: "saved", revision, savedAt: conflict.draftSavedAt, conflict: null };
    }
    case "took-saved":
      return {
        ...state,
        status: "saved",
        revision: Math.max(state.revision, conflict.draftRevision),
        savedAt: conflict.draftSavedAt,
        conflict: null,
      };
    default:
      // Edits, saves and their answers wait until the applicant has chosen.
      return state;
  }
}
