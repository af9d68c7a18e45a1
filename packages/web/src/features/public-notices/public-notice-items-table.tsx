import { levelNamesText, type VisitorPublicNoticeItem } from "@linxuan/domain";
import { Table, Tag } from "antd";

/** An item as the public sees it; the office's view adds why it was removed. */
type Item = VisitorPublicNoticeItem & { removedReason?: string | null };

/**
 * The notice's list. An item taken off after an upheld objection stays on the page, struck
 * through and marked, so the public sees what changed during the notice.
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
  const rows = items.map((item, index) => ({ ...item, index: index + 1 }));
  const strike = (text: string | null) => <span className="lx-strike">{text ?? "—"}</span>;
  return (
    <Table
      size="small"
      bordered
      rowKey="id"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 1100 }}
      rowClassName={(item) => (item.status === "removed" ? "lx-row-removed" : "")}
      locale={{ emptyText: "公示名单为空" }}
      columns={[
        { title: "序号", dataIndex: "index", width: 56, align: "center" },
        {
          title: "机构名称",
          dataIndex: "institutionName",
          width: 260,
          render: (name: string, item) => (
            <>
              {strike(name)}
              {showReasons && item.removedReason && (
                <div className="lx-user-text" style={{ fontSize: 12, marginTop: 4, color: "#c4262e" }}>
                  {item.removedReason}
                </div>
              )}
            </>
          ),
        },
        {
          title: "统一社会信用代码",
          dataIndex: "creditCode",
          width: 180,
          render: (code: string) => <code className="lx-strike lx-nowrap">{code}</code>,
        },
        { title: "机构类型", dataIndex: "kindName", width: 90, render: strike },
        { title: "职业", dataIndex: "occupationName", width: 180, render: strike },
        {
          title: "专业技术等级",
          dataIndex: "levels",
          width: 120,
          render: (levels: Item["levels"]) => strike(levelNamesText(levels)),
        },
        { title: "地区", dataIndex: "regionName", width: 80, render: strike },
        {
          title: "状态",
          dataIndex: "status",
          width: 130,
          render: (status: Item["status"]) =>
            status === "removed" ? (
              <Tag color="red">异议成立已移出</Tag>
            ) : confirmed ? (
              <Tag color="green">已纳入目录</Tag>
            ) : (
              <Tag color="blue">拟纳入目录</Tag>
            ),
        },
      ]}
    />
  );
}
