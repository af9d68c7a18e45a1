import { useQuery } from "@tanstack/react-query";
import { inShanghai } from "../../shared/dates";
import { api } from "../../shared/http";
import type { Deadline } from "./types";

export function useDeadlines() {
  return useQuery({
    queryKey: ["public", "deadlines"],
    queryFn: () => api.get<{ items: Deadline[] }>("/public/deadlines").then((body) => body.items),
  });
}

/** The Beijing calendar date of a deadline, YYYY-MM-DD: the cell it belongs in. */
export function deadlineDay(deadline: Deadline): string {
  return inShanghai(deadline.at).format("YYYY-MM-DD");
}

/** Deadlines by Beijing calendar date. */
export function byDay(items: Deadline[]): Map<string, Deadline[]> {
  const days = new Map<string, Deadline[]>();
  for (const item of items) {
    const day = deadlineDay(item);
    days.set(day, [...(days.get(day) ?? []), item]);
  }
  return days;
}

/** Whether a deadline marks an end (截止) rather than a start: ends are shown in red. */
export function isClosing(deadline: Deadline): boolean {
  return !deadline.kind.endsWith(".opens");
}

/** The .ics feed's absolute address, for calendar apps that subscribe by URL. */
export const icsPath = "/api/public/deadlines.ics";
