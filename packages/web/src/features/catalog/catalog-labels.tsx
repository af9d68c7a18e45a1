import type { CatalogStatus } from "@linxuan/domain";
import { catalogStatusNames } from "@linxuan/domain";
import { formatInstant } from "../../shared/dates";
import "../../shared/lite/lite.css";
import "./catalog-labels.css";

/*
 * Plain markup (no antd): the public catalog pages are drawn without it; the workbench's cards
 * show the same tags.
 */

const statusColors: Record<CatalogStatus, string> = {
  valid: "green",
  expiring: "gold",
  expired: "gray",
  suspended: "orange",
  removed: "red",
};

export function CatalogStatusTag({ status }: { status: CatalogStatus }) {
  return <span className={`lite-tag lite-tag-${statusColors[status]}`}>{catalogStatusNames[status]}</span>;
}

/** yyyy年m月d日 of an instant, in Beijing time. */
export function dateOf(instant: string): string {
  return formatInstant(instant).split(" ")[0] ?? "—";
}

/** What each version of an entry's history records. */
export const changeLabels: Record<string, string> = {
  listed: "纳入目录",
  suspended: "暂停",
  restored: "恢复",
  removed: "移出目录",
  renewed: "考核通过续期",
  contact: "联系方式变更",
};
