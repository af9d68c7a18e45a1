import { useEffect, useState } from "react";
import { fieldDomId } from "./form-model";

export type WorkspaceTab = "form" | "attachments" | "eligibility" | "precheck" | "versions";

/** The tab a problem's path lives on. */
export function tabOf(path: string): WorkspaceTab {
  if (path.startsWith("attachments")) return "attachments";
  if (path.startsWith("eligibility")) return "eligibility";
  if (path === "recommender") return "precheck";
  return "form";
}

/** The nearest element for a path: "teachers.3.phone", else "teachers.3", else "teachers". */
function targetOf(path: string): HTMLElement | null {
  const parts = path.split(".");
  while (parts.length > 0) {
    const element = document.getElementById(fieldDomId(parts.join(".")));
    if (element) return element;
    parts.pop();
  }
  return null;
}

const FOCUSABLE =
  "textarea, input:not([type=hidden]):not([readonly]), input[role=combobox], input[type=radio], input[type=checkbox], button, a[href]";

/**
 * Jumping from the pre-submit list to a field: switch to its tab, wait until the field is on
 * screen (a tab shows its pane only after rendering), scroll to it, focus it and flash it.
 */
export function useJump(setTab: (tab: WorkspaceTab) => void) {
  const [pending, setPending] = useState<string | null>(null);

  useEffect(() => {
    if (!pending) return;
    let tries = 0;
    let timer = 0;
    const attempt = () => {
      const target = targetOf(pending);
      if (target && target.offsetParent !== null) {
        target.scrollIntoView({ behavior: "smooth", block: "center" });
        const input = target.matches(FOCUSABLE) ? target : target.querySelector<HTMLElement>(FOCUSABLE);
        input?.focus({ preventScroll: true });
        target.classList.add("lx-flash");
        window.setTimeout(() => target.classList.remove("lx-flash"), 1600);
        setPending(null);
        return;
      }
      if (tries++ < 40) timer = window.setTimeout(attempt, 50);
      else setPending(null);
    };
    attempt();
    return () => window.clearTimeout(timer);
  }, [pending]);

  return (path: string) => {
    if (path.startsWith("eligibility")) {
      setTab("eligibility");
      return;
    }
    setTab(tabOf(path));
    setPending(path);
  };
}
