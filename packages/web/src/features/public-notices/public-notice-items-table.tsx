import { levelNamesText, type VisitorPublicNoticeItem } from "@linxuan/domain";
import { LiteTag } from "../../shared/lite/display";
import "../../shared/lite/lite.css";
import "./public-notices.css";

/** An item as the public sees it; the office's view adds why it was removed. */
type Item = VisitorPublicNoticeItem & { removedReason?: string | null };

const columns = [
  { title: "序号", width: 56 },
  { title: "机构名称", width: 260 },
  { title: "统一社会信用代码", width: 180 },
  { title: "机构类型", width: 90 },
  { title: "职业", width: 180 },
  { title: "专业技术等级", width: 120 },
  { title: "地区", width: 80 },
  { title: "状态", width: 130 },
];

/**
 * The notice's list. An item taken off after an upheld objection stays on the page, struck
 * through and marked, so the public sees what changed during the notice. A plain table (no antd):
 * the public notice is a page anyone opens.
 */
export function PublicNoticeItemsTable({
  items,
  confirmed,
  showReasons = false,
}: {
  items: Item[];
  confirmed: boolean;
  /** The office sees why an item was removed; the public page shows only that it was. */
  showReasons?: boolean;
}) {
  const strike = (text: string | null) => <span className="lx-strike">{text ?? "—"}</span>;
  return (
    <div className="lite-table-wrap">
      <table className="lite-table lx-public-notice-table" aria-label="公示名单">
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.title} scope="col" style={{ width: column.width }}>
                {column.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="lite-empty">
                公示名单为空
              </td>
            </tr>
          ) : (
            items.map((item, index) => (
              <tr key={item.id} className={item.status === "removed" ? "lx-row-removed" : undefined}>
                <td className="lx-center">{index + 1}</td>
                <td>
                  {strike(item.institutionName)}
                  {showReasons && item.removedReason && (
                    <div className="lx-user-text lx-removed-reason">{item.removedReason}</div>
                  )}
                </td>
                <td>
                  <code className="lx-strike lx-nowrap">{item.creditCode}</code>
                </td>
                <td>{strike(item.kindName)}</td>
                <td>{strike(item.occupationName)}</td>
                <td>{strike(levelNamesText(item.levels))}</td>
                <td>{strike(item.regionName)}</td>
                <td>
                  {item.status === "removed" ? (
                    <LiteTag color="red">异议成立已移出</LiteTag>
                  ) : confirmed ? (
                    <LiteTag color="green">已纳入目录</LiteTag>
                  ) : (
                    <LiteTag color="blue">拟纳入目录</LiteTag>
                  )}
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
