import type { FormIssue } from "@linxuan/domain";
import { useCallback, useEffect, useRef, useState } from "react";
import { errorText } from "../../shared/form-errors";
import { ApiError, isApiError } from "../../shared/http";
import { type OpenedAssignment, type SheetInput, saveSheet } from "./queries";

/** How often a changed draft is saved. */
const AUTOSAVE_MS = 3000;

export type SaveState =
  | { kind: "idle" }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "failed"; message: string; fatal: boolean };

export type FieldMessages = Record<string, string[]>;

/** Server issues ("scores.x", "rationales.x", "overall") by path. */
export function messagesOf(error: unknown): FieldMessages {
  const result: FieldMessages = {};
  if (!isApiError(error)) return result;
  for (const field of error.fields) result[field.path] = [...(result[field.path] ?? []), field.message];
  return result;
}

export function issuesToMessages(issues: readonly Pick<FormIssue, "path" | "message">[]): FieldMessages {
  const result: FieldMessages = {};
  for (const issue of issues) result[issue.path] = [...(result[issue.path] ?? []), issue.message];
  return result;
}

/**
 * The expert's score sheet in the browser: the values, the server revision they build on, and an
 * autosave every few seconds while something changed. A version conflict (the sheet saved in
 * another window) stops autosaving: nothing is overwritten silently.
 */
export function useSheet(assignmentId: string, opened: OpenedAssignment) {
  const [sheet, setSheet] = useState<SheetInput>(() => ({
    scores: opened.sheet?.scores ?? {},
    rationales: opened.sheet?.rationales ?? {},
    overall: opened.sheet?.overall ?? "",
  }));
  const [state, setState] = useState<SaveState>(
    opened.sheet ? { kind: "saved", at: opened.sheet.savedAt } : { kind: "idle" },
  );
  const [serverMessages, setServerMessages] = useState<FieldMessages>({});
  const revision = useRef(opened.sheet?.revision ?? 0);
  const dirty = useRef(false);
  const latest = useRef(sheet);
  const inFlight = useRef<Promise<void> | null>(null);
  const stopped = useRef(opened.sheet?.status === "submitted");
  latest.current = sheet;

  const update = useCallback((change: (prev: SheetInput) => SheetInput) => {
    dirty.current = true;
    setSheet(change);
    setState((prev) => (prev.kind === "failed" && prev.fatal ? prev : { kind: "dirty" }));
  }, []);

  const flush = useCallback(async () => {
    if (inFlight.current) await inFlight.current;
    if (!dirty.current || stopped.current) return;
    dirty.current = false;
    const body = latest.current;
    setState({ kind: "saving" });
    inFlight.current = (async () => {
      try {
        const saved = await saveSheet(assignmentId, { ...body, revision: revision.current });
        revision.current = saved.revision;
        setServerMessages({});
        setState(dirty.current ? { kind: "dirty" } : { kind: "saved", at: saved.savedAt });
      } catch (error) {
        const fatal = isApiError(error, "VERSION_CONFLICT") || isApiError(error, "REVIEW_CLOSED");
        if (fatal) stopped.current = true;
        // Retry by itself only when the network or server failed; a refused draft waits for a change.
        else dirty.current = !isApiError(error) || error.status === 0 || error.status >= 500;
        setServerMessages(messagesOf(error));
        setState({ kind: "failed", message: errorText(error), fatal });
      } finally {
        inFlight.current = null;
      }
    })();
    await inFlight.current;
  }, [assignmentId]);

  useEffect(() => {
    const timer = window.setInterval(() => {
      if (dirty.current) void flush();
    }, AUTOSAVE_MS);
    return () => window.clearInterval(timer);
  }, [flush]);

  /** Stops autosaving for good (after submission) and hands over the revision to submit on. */
  const finish = useCallback(async () => {
    if (inFlight.current) await inFlight.current;
    if (stopped.current && state.kind === "failed")
      throw new ApiError(409, "VERSION_CONFLICT", state.message);
    return revision.current;
  }, [state]);

  const markSubmitted = useCallback((next: number) => {
    revision.current = next;
    stopped.current = true;
    dirty.current = false;
  }, []);

  return { sheet, update, state, flush, finish, markSubmitted, serverMessages, setServerMessages };
}
