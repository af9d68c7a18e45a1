import { ImportOutlined, PlusOutlined } from "@ant-design/icons";
import { OCCUPATIONS } from "@linxuan/domain";
import { useQueryClient } from "@tanstack/react-query";
import { Button, Card, Input, Select, Space, Table, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import type { OccupationCode } from "../../app/api-types";
import { errorText } from "../../shared/form-errors";
import { ExpertDrawer } from "./expert-drawer";
import { importedAccounts, useImportJob } from "./import-job";
import { ImportModal } from "./import-modal";
import { InitialPasswordsModal } from "./initial-passwords-modal";
import { type Expert, type ExpertFilter, expertsKey, type InitialAccount, useExperts } from "./queries";

/** /workbench/experts — 专家库: the pool the office assigns reviewers from. */
export function ExpertsPage() {
  const [filter, setFilter] = useState<ExpertFilter>({});
  const [search, setSearch] = useState("");
  const experts = useExperts(filter);
  const [drawer, setDrawer] = useState<{ open: boolean; expert: Expert | null }>({
    open: false,
    expert: null,
  });
  const [importing, setImporting] = useState(false);
  const [importJobId, setImportJobId] = useState<string | null>(null);
  const [shown, setShown] = useState<{ accounts: InitialAccount[]; fromImportJob: boolean } | null>(null);
  const importJob = useImportJob(importJobId);
  const client = useQueryClient();

  // The import started here ends: its passwords at once, or its failure in the dialog if open
  // (the header's bell announces either way).
  const ended = importJob.data?.id === importJobId ? importJob.data : undefined;
  useEffect(() => {
    if (ended?.status === "done") {
      setImporting(false);
      setImportJobId(null);
      setShown({ accounts: importedAccounts(ended), fromImportJob: true });
      void client.invalidateQueries({ queryKey: expertsKey });
    } else if (ended?.status === "failed" && !importing) setImportJobId(null);
  }, [ended, importing, client]);

  return (
    <>
      <div className="lx-page-heading">
        <div>
          <h1>专家库</h1>
          <Typography.Text type="secondary">
            评议专家的工作单位、职称、评议职业和所在地区；工作单位用于识别利益冲突，所在地区用于异地评议。
          </Typography.Text>
        </div>
        <Space>
          <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
            导入
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDrawer({ open: true, expert: null })}
          >
            新增专家
          </Button>
        </Space>
      </div>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select<OccupationCode>
            aria-label="评议职业"
            allowClear
            placeholder="全部评议职业"
            style={{ width: 220 }}
            value={filter.occupation}
            options={OCCUPATIONS.map((item) => ({ value: item.code, label: item.name }))}
            onChange={(occupation) => setFilter({ ...filter, occupation })}
          />
          <Select<"true" | "false">
            aria-label="评议状态"
            allowClear
            placeholder="全部状态"
            style={{ width: 140 }}
            value={filter.active}
            options={[
              { value: "true", label: "可参加评议" },
              { value: "false", label: "已停用" },
            ]}
            onChange={(active) => setFilter({ ...filter, active })}
          />
          <Input.Search
            aria-label="搜索专家"
            placeholder="姓名、工作单位或用户名"
            allowClear
            style={{ width: 280 }}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            onSearch={(q) => setFilter({ ...filter, q: q.trim() || undefined })}
            enterButton="查询"
          />
        </Space>
        <Table<Expert>
          rowKey="id"
          size="middle"
          loading={experts.isFetching}
          dataSource={experts.data ?? []}
          scroll={{ x: 1300 }}
          locale={{ emptyText: experts.isError ? errorText(experts.error) : "专家库中还没有符合条件的专家" }}
          pagination={{ pageSize: 20, showTotal: (total) => `共 ${total} 名专家`, hideOnSinglePage: true }}
          columns={[
            { title: "姓名", dataIndex: "name", width: 100 },
            {
              title: "工作单位",
              key: "employer",
              width: 230,
              render: (_, expert) => (
                <div>
                  <div>{expert.employer}</div>
                  {expert.employerCreditCode && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {expert.employerCreditCode}
                    </Typography.Text>
                  )}
                </div>
              ),
            },
            { title: "职称", dataIndex: "title", width: 120 },
            {
              title: "评议职业",
              dataIndex: "occupationNames",
              width: 250,
              render: (names: string[]) => (
                <Space size={[4, 4]} wrap>
                  {names.map((name) => (
                    <Tag key={name}>{name}</Tag>
                  ))}
                </Space>
              ),
            },
            { title: "所在地区", dataIndex: "regionName", width: 110 },
            {
              title: "联系方式",
              key: "contact",
              width: 200,
              render: (_, expert) => (
                <div>
                  <div>{expert.phone ?? "—"}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {expert.email ?? ""}
                  </Typography.Text>
                </div>
              ),
            },
            {
              title: "用户名",
              dataIndex: "username",
              width: 120,
              render: (value: string | null) => (value ? <code>{value}</code> : "—"),
            },
            {
              title: "状态",
              dataIndex: "active",
              width: 100,
              render: (active: boolean) => (active ? <Tag color="green">可参加评议</Tag> : <Tag>已停用</Tag>),
            },
            {
              title: "操作",
              key: "actions",
              width: 80,
              render: (_, expert) => (
                <Button type="link" size="small" onClick={() => setDrawer({ open: true, expert })}>
                  编辑
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <ExpertDrawer
        open={drawer.open}
        expert={drawer.expert}
        onClose={() => setDrawer({ open: false, expert: null })}
        onCreated={(account) => setShown({ accounts: [account], fromImportJob: false })}
      />
      <ImportModal
        open={importing}
        jobId={importJobId}
        onClose={() => {
          setImporting(false);
          // A failed (or unreadable) job has been read in the dialog; a running one is still watched.
          if (importJob.isError || importJob.data?.status === "failed") setImportJobId(null);
        }}
        onStarted={setImportJobId}
        onImported={(accounts) => setShown({ accounts, fromImportJob: false })}
        onRetry={() => setImportJobId(null)}
      />
      <InitialPasswordsModal
        accounts={shown?.accounts ?? null}
        fromImportJob={shown?.fromImportJob}
        onClose={() => setShown(null)}
      />
    </>
  );
}
