import type { InstitutionSummary } from "@linxuan/domain";
import { roleMayRun } from "@linxuan/domain";
import { Button, Card, Input, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useSession } from "../../app/session";
import { inShanghai } from "../../shared/dates";
import { errorText } from "../../shared/form-errors";
import { CorrectRegionModal } from "./correct-region-modal";
import { type InstitutionFilters, useInstitutions } from "./queries";

/**
 * /workbench/institutions — 申报单位 for the 工程指导协调小组办公室: the region each institution's
 * applications are routed by and why, and 更正所在地区 where the credit code does not tell it.
 */
export function InstitutionsPage() {
  const [filters, setFilters] = useState<InstitutionFilters>({ page: 1, pageSize: 20 });
  const [search, setSearch] = useState("");
  const [correcting, setCorrecting] = useState<InstitutionSummary | null>(null);
  const institutions = useInstitutions(filters);
  const { data: me } = useSession();
  const mayCorrect = roleMayRun(me?.role ?? null, "institution.correctRegion");

  return (
    <>
      <div className="lx-page-heading">
        <div>
          <h1>申报单位</h1>
          <Typography.Text type="secondary">
            申报单位的所在地区决定其申报去向。在京中央单位、行业组织所属培训机构由北京市人力资源和社会保障局负责遴选；无法从统一社会信用代码确定所在地区的，请核实后更正。
          </Typography.Text>
        </div>
      </div>
      <Card styles={{ body: { paddingBottom: 0 } }}>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            aria-label="搜索申报单位"
            placeholder="单位名称或统一社会信用代码"
            allowClear
            style={{ width: 320 }}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            onSearch={(q) => setFilters({ ...filters, q: q.trim() || undefined, page: 1 })}
            enterButton="查询"
          />
        </Space>
        <Table<InstitutionSummary>
          rowKey="id"
          size="middle"
          loading={institutions.isFetching}
          dataSource={institutions.data?.items ?? []}
          locale={{
            emptyText: institutions.isError ? errorText(institutions.error) : "没有符合条件的申报单位",
          }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: institutions.data?.total ?? 0,
            showTotal: (total) => `共 ${total} 家申报单位`,
            showSizeChanger: true,
            onChange: (page, pageSize) => setFilters({ ...filters, page, pageSize }),
          }}
          columns={[
            { title: "单位名称", dataIndex: "name" },
            {
              title: "统一社会信用代码",
              dataIndex: "creditCode",
              width: 200,
              render: (value: string) => <code style={{ whiteSpace: "nowrap" }}>{value}</code>,
            },
            {
              title: "单位隶属情况",
              dataIndex: "centralAffiliationName",
              width: 180,
              render: (value: string | null) => value ?? "—",
            },
            {
              title: "所在地区",
              key: "region",
              width: 260,
              render: (_, item) => (
                <Space direction="vertical" size={0}>
                  {item.regionName ? <span>{item.regionName}</span> : <Tag color="orange">未确定</Tag>}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {item.regionBasis}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: "注册日期",
              dataIndex: "createdAt",
              width: 130,
              render: (value: string) => inShanghai(value).format("YYYY年M月D日"),
            },
            ...(mayCorrect
              ? [
                  {
                    title: "操作",
                    key: "actions",
                    width: 120,
                    render: (_: unknown, item: InstitutionSummary) => (
                      <Button type="link" size="small" onClick={() => setCorrecting(item)}>
                        更正所在地区
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <CorrectRegionModal institution={correcting} onClose={() => setCorrecting(null)} />
    </>
  );
}
