import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AutosaveEvent,
  type AutosaveState,
  autosavePaused,
  autosaveReducer,
  initialAutosave,
} from "./autosave";
import type { SavedDraft } from "./types";

const loaded = initialAutosave({ draftRevision: 3, draftSavedAt: "2026-04-01T02:00:00.000Z" });

const elsewhere = (draftRevision: number): SavedDraft => ({
  values: { institutionName: `另一窗口保存的名称 ${draftRevision}` },
  draftRevision,
  draftSavedAt: `2026-04-01T03:${String(draftRevision).padStart(2, "0")}:00.000Z`,
  draftSavedBy: "申报负责人",
});

/** Runs the events from `state`, as the hook would dispatch them. */
function run(state: AutosaveState, ...events: AutosaveEvent[]): AutosaveState {
  return events.reduce(autosaveReducer, state);
}

const edited: AutosaveEvent = { type: "edited" };
const started: AutosaveEvent = { type: "save-started" };
const succeeded = (revision: number, dirty = false): AutosaveEvent => ({
  type: "save-succeeded",
  revision,
  savedAt: `2026-04-01T02:${String(revision).padStart(2, "0")}:00.000Z`,
  dirty,
});

describe("the autosave reducer", () => {
  it("starts idle on the loaded draft's revision", () => {
    expect(loaded).toEqual({
      status: "idle",
      revision: 3,
      savedAt: "2026-04-01T02:00:00.000Z",
      conflict: null,
      message: null,
      retry: null,
    });
    expect(autosavePaused(loaded)).toBe(false);
  });

  it("idle → dirty on an edit, → saving when the save leaves, → saved on the next revision", () => {
    const dirty = run(loaded, edited);
    expect(dirty.status).toBe("dirty");
    const saving = run(dirty, started);
    expect(saving).toMatchObject({ status: "saving", revision: 3 });
    const saved = run(saving, succeeded(4));
    expect(saved).toMatchObject({ status: "saved", revision: 4, savedAt: "2026-04-01T02:04:00.000Z" });
  });

  it("keeps showing 保存中 while typing goes on, then dirty once the save lands", () => {
    const saving = run(loaded, edited, started, edited);
    expect(saving.status).toBe("saving");
    const after = run(saving, succeeded(4, true));
    expect(after).toMatchObject({ status: "dirty", revision: 4 });
  });

  it("saved → dirty on the next edit", () => {
    expect(run(loaded, edited, started, succeeded(4), edited)).toMatchObject({
      status: "dirty",
      revision: 4,
    });
  });

  it("ignores an answer for an older revision than the one acknowledged", () => {
    const state = run(loaded, edited, started, succeeded(5));
    expect(run(state, succeeded(4))).toBe(state);
  });

  describe("a failed save", () => {
    const failed = (retry: "later" | "on-edit" | "manual") =>
      run(loaded, edited, started, { type: "save-failed", message: "服务器暂时无法处理请求（503）", retry });

    it("shows the message and keeps the revision", () => {
      expect(failed("later")).toMatchObject({
        status: "error",
        message: "服务器暂时无法处理请求（503）",
        retry: "later",
        revision: 3,
      });
    });

    it("retried by itself or on the next edit: autosave goes on, an edit makes it dirty again", () => {
      for (const retry of ["later", "on-edit"] as const) {
        expect(autosavePaused(failed(retry))).toBe(false);
        expect(run(failed(retry), edited)).toMatchObject({ status: "dirty", message: null, retry: null });
      }
    });

    it("that only 重试 brings back pauses autosave, edits included, until 重试", () => {
      const state = failed("manual");
      expect(autosavePaused(state)).toBe(true);
      expect(run(state, edited)).toBe(state);
      const retried = run(state, { type: "retry" });
      expect(retried).toMatchObject({ status: "error", retry: null });
      expect(autosavePaused(retried)).toBe(false);
      expect(run(retried, started, succeeded(4))).toMatchObject({
        status: "saved",
        revision: 4,
        message: null,
      });
    });

    it("a new save clears the failure", () => {
      expect(run(failed("later"), started)).toMatchObject({ status: "saving", message: null, retry: null });
    });
  });

  it("重试 outside an error changes nothing", () => {
    const dirty = run(loaded, edited);
    expect(run(dirty, { type: "retry" })).toBe(dirty);
  });

  describe("a conflict", () => {
    const conflicted = run(loaded, edited, started, { type: "conflicted", current: elsewhere(5) });

    it("pauses autosave and holds the version saved elsewhere", () => {
      expect(conflicted).toMatchObject({ status: "conflict", revision: 3, conflict: elsewhere(5) });
      expect(autosavePaused(conflicted)).toBe(true);
    });

    it("survives edits, saves, failures and 重试", () => {
      const events: AutosaveEvent[] = [
        edited,
        started,
        succeeded(9),
        { type: "save-failed", message: "请求失败（400）", retry: "manual" },
        { type: "retry" },
      ];
      for (const event of events) expect(run(conflicted, event)).toBe(conflicted);
    });

    it("a newer conflict replaces it, an older one does not", () => {
      expect(run(conflicted, { type: "conflicted", current: elsewhere(6) }).conflict).toEqual(elsewhere(6));
      expect(run(conflicted, { type: "conflicted", current: elsewhere(4) })).toBe(conflicted);
    });

    it("保留我的修改 continues on the saved version's revision, dirty with the merged values", () => {
      expect(run(conflicted, { type: "kept-mine", dirty: true })).toMatchObject({
        status: "dirty",
        revision: 5,
        conflict: null,
      });
    });

    it("保留我的修改 when both sides typed the same is saved already", () => {
      expect(run(conflicted, { type: "kept-mine", dirty: false })).toMatchObject({
        status: "saved",
        revision: 5,
        savedAt: elsewhere(5).draftSavedAt,
        conflict: null,
      });
    });

    it("使用已保存的版本 loads the saved version as saved", () => {
      const took = run(conflicted, { type: "took-saved" });
      expect(took).toMatchObject({
        status: "saved",
        revision: 5,
        savedAt: elsewhere(5).draftSavedAt,
        conflict: null,
      });
      expect(autosavePaused(took)).toBe(false);
    });

    it("a restored copy typed on the current revision keeps that revision", () => {
      const restored = run(
        loaded,
        { type: "conflicted", current: elsewhere(3) },
        { type: "kept-mine", dirty: true },
      );
      expect(restored).toMatchObject({ status: "dirty", revision: 3 });
    });
  });

  it("a choice without a conflict changes nothing", () => {
    const dirty = run(loaded, edited);
    expect(run(dirty, { type: "kept-mine", dirty: true })).toBe(dirty);
    expect(run(dirty, { type: "took-saved" })).toBe(dirty);
  });
});

const anEvent: fc.Arbitrary<AutosaveEvent> = fc.oneof(
  fc.constant<AutosaveEvent>({ type: "edited" }),
  fc.constant<AutosaveEvent>({ type: "save-started" }),
  fc
    .record({ revision: fc.integer({ min: 0, max: 40 }), dirty: fc.boolean() })
    .map(({ revision, dirty }) => succeeded(revision, dirty)),
  fc
    .constantFrom("later" as const, "on-edit" as const, "manual" as const)
    .map((retry): AutosaveEvent => ({ type: "save-failed", message: "保存失败", retry })),
  fc
    .integer({ min: 0, max: 40 })
    .map((revision): AutosaveEvent => ({ type: "conflicted", current: elsewhere(revision) })),
  fc.boolean().map((dirty): AutosaveEvent => ({ type: "kept-mine", dirty })),
  fc.constant<AutosaveEvent>({ type: "took-saved" }),
  fc.constant<AutosaveEvent>({ type: "retry" }),
);

const resolves = (event: AutosaveEvent) => event.type === "kept-mine" || event.type === "took-saved";

describe("the autosave reducer under any sequence of events", () => {
  it("never moves the acknowledged revision back", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), fc.array(anEvent, { maxLength: 60 }), (start, events) => {
        let state = initialAutosave({ draftRevision: start, draftSavedAt: "2026-04-01T02:00:00.000Z" });
        for (const event of events) {
          const next = autosaveReducer(state, event);
          expect(next.revision).toBeGreaterThanOrEqual(state.revision);
          state = next;
        }
      }),
    );
  });

  it("never loses a conflict: it stays until the applicant chooses, replaced only by a newer one", () => {
    fc.assert(
      fc.property(fc.array(anEvent, { maxLength: 60 }), (events) => {
        let state = loaded;
        for (const event of events) {
          const next = autosaveReducer(state, event);
          if (state.conflict) {
            if (resolves(event)) {
              expect(next.conflict).toBeNull();
              expect(next.revision).toBeGreaterThanOrEqual(state.conflict.draftRevision);
            } else {
              expect(next.status).toBe("conflict");
              expect(next.conflict?.draftRevision).toBeGreaterThanOrEqual(state.conflict.draftRevision);
            }
          }
          if (event.type === "conflicted") expect(next.conflict).not.toBeNull();
          // The conflict and the conflict status go together.
          expect(next.status === "conflict").toBe(next.conflict !== null);
          state = next;
        }
      }),
    );
  });

  it("shows a failure's message exactly while the status is error", () => {
    fc.assert(
      fc.property(fc.array(anEvent, { maxLength: 60 }), (events) => {
        let state = loaded;
        for (const event of events) {
          state = autosaveReducer(state, event);
          expect(state.message !== null).toBe(state.status === "error");
        }
      }),
    );
  });
});
