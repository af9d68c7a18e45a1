import type { CatalogStatus } from "@linxuan/domain";
import { catalogStatusNames } from "@linxuan/domain";
import { Tag } from "antd";

const statusColors: Record<CatalogStatus, string> = {
  valid: "green",
  expiring: "gold",
  expired: "default",
  suspended: "orange",
  removed: "red",
};

export function CatalogStatusTag({ status }: { status: CatalogStatus }) {
  return <Tag color={statusColors[status]}>{catalogStatusNames[status]}</Tag>;
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
