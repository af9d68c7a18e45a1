import { Table, type TableColumnsType } from "antd";
import { Link } from "react-router";
import { DemoTag } from "../../shared/batch-tags";
import { PAGE_SIZES } from "./catalog-filter-options";
import { CatalogStatusTag, dateOf } from "./catalog-labels";
import type { CatalogEntry } from "./types";

// The workbench's cards import it from here.
export { dateOf };

/**
 * The catalog as an antd table with the server's pagination, for the office's 目录管理: it filters
 * by batch, so the batch column makes room for its `actions` (动态调整). The public query draws
 * catalog-query-table.tsx.
 */
export function CatalogTable({
  items,
  total,
  page,
  pageSize,
  loading,
  onPage,
  actions,
}: {
  items: CatalogEntry[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
  actions: TableColumnsType<CatalogEntry>[number];
}) {
  const columns: TableColumnsType<CatalogEntry> = [
    {
      title: "机构名称 / 统一社会信用代码",
      dataIndex: "institutionName",
      render: (name: string, entry) => (
        <>
          <Link to={`/catalog/${entry.id}`}>{name}</Link>
          {entry.isDemo && (
            <span style={{ marginLeft: 6 }}>
              <DemoTag isDemo />
            </span>
          )}
          <div className="lx-muted lx-nowrap" style={{ fontFamily: "monospace", fontSize: 12 }}>
            {entry.creditCode}
          </div>
        </>
      ),
    },
    { title: "机构类型", dataIndex: "kindName", width: 90 },
    { title: "职业", dataIndex: "occupationName", width: 170 },
    {
      title: "专业技术等级",
      dataIndex: "levelNames",
      width: 120,
      render: (names: string[]) => names.join("、"),
    },
    { title: "所在地区", dataIndex: "regionName", width: 90, render: (name: string | null) => name ?? "—" },
    {
      title: "有效期至",
      dataIndex: "validUntil",
      width: 140,
      render: (validUntil: string) => dateOf(validUntil),
    },
    {
      title: "状态",
      dataIndex: "status",
      width: 90,
      render: (status: CatalogEntry["status"]) => <CatalogStatusTag status={status} />,
    },
    actions,
  ];
  return (
    <Table<CatalogEntry>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      columns={columns}
      scroll={{ x: 1020 }}
      locale={{ emptyText: "没有符合条件的机构" }}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: PAGE_SIZES,
        showTotal: (count) => `共 ${count} 条`,
        onChange: onPage,
      }}
    />
  );
}
