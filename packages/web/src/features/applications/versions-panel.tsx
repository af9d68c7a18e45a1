import { DiffOutlined, EyeOutlined } from "@ant-design/icons";
import { Alert, Button, Drawer, Empty, Select, Skeleton, Space, Table, Typography } from "antd";
import { useState } from "react";
import { formatInstant } from "../../shared/dates";
import { errorText } from "../../shared/form-errors";
import { DocumentButtons } from "./document-buttons";
import { OutcomeTag } from "./eligibility-panel";
import type { SheetEnv } from "./field-cell";
import { FormSheet } from "./form-sheet";
import { useApplicationVersion, useVersionDiff } from "./queries";
import type { Application, ValueChangeRow, VersionSummary } from "./types";

const noop = () => undefined;

function VersionDrawer({
  application,
  env,
  number,
  onClose,
}: {
  application: Application;
  env: SheetEnv;
  number: number | null;
  onClose: () => void;
}) {
  const version = useApplicationVersion(application.id, number);
  return (
    <Drawer
      open={number !== null}
      width={1080}
      onClose={onClose}
      title={`第${number ?? ""}版（已提交，不可修改）`}
    >
      {version.isPending ? (
        <Skeleton active paragraph={{ rows: 12 }} />
      ) : version.isError ? (
        <Alert type="error" showIcon title={errorText(version.error)} />
      ) : (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            <span>提交时间：{formatInstant(version.data.submittedAt, true)}</span>
            <span>提交账号：{version.data.submittedBy}</span>
            <span>
              资格条件：
              <OutcomeTag outcome={version.data.eligibility.outcome} />
            </span>
            <DocumentButtons applicationId={application.id} version={version.data.number} />
          </Space>
          <FormSheet env={{ ...env, readOnly: true }} values={version.data.values} />
        </>
      )}
    </Drawer>
  );
}

/** 版本对比: what changed between two submitted versions, or between a version and the draft. */
function DiffView({ application }: { application: Application }) {
  const numbers = application.versions.map((version) => String(version.number));
  const canDraft = application.permissions.canEdit;
  const options = [
    ...numbers.map((n) => ({ value: n, label: `第${n}版` })),
    ...(canDraft ? [{ value: "draft", label: "当前草稿（已保存的内容）" }] : []),
  ];
  const [from, setFrom] = useState<string | null>(
    numbers.length > 1 ? (numbers.at(-2) ?? null) : (numbers[0] ?? null),
  );
  const [to, setTo] = useState<string | null>(
    numbers.length > 1 ? (numbers.at(-1) ?? null) : canDraft ? "draft" : null,
  );
  const diff = useVersionDiff(application.id, from, to);
  if (options.length < 2) return null;
  return (
    <div style={{ marginTop: 24 }}>
      <Typography.Title level={5}>
        <DiffOutlined /> 版本对比
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label="对比的原版本"
          value={from}
          options={options}
          onChange={setFrom}
          style={{ width: 220 }}
        />
        <span>对比</span>
        <Select
          aria-label="对比的新版本"
          value={to}
          options={options}
          onChange={setTo}
          style={{ width: 220 }}
        />
      </Space>
      {from === to ? (
        <Alert type="info" showIcon title="请选择两个不同的版本" />
      ) : diff.isError ? (
        <Alert type="error" showIcon title={errorText(diff.error)} />
      ) : (
        <Table<ValueChangeRow>
          rowKey="path"
          size="small"
          loading={diff.isPending}
          pagination={false}
          dataSource={diff.data ?? []}
          locale={{ emptyText: "两个版本的内容相同" }}
          columns={[
            { title: "项目", dataIndex: "label", width: 260 },
            {
              title: "修改前",
              dataIndex: "before",
              render: (text: string) => text || <span className="lx-muted">（空）</span>,
            },
            {
              title: "修改后",
              dataIndex: "after",
              render: (text: string) => text || <span className="lx-muted">（空）</span>,
            },
          ]}
        />
      )}
    </div>
  );
}

/** 版本记录: every submitted version stays readable as it was submitted, with its documents. */
export function VersionsPanel({ application, env }: { application: Application; env: SheetEnv }) {
  const [open, setOpen] = useState<number | null>(null);
  if (application.versions.length === 0) {
    return <Empty description="尚未提交。提交后，每次提交都会保存为一个不可修改的版本。" />;
  }
  return (
    <>
      <Table<VersionSummary>
        rowKey="number"
        size="small"
        pagination={false}
        dataSource={application.versions}
        columns={[
          { title: "版本", dataIndex: "number", width: 80, render: (n: number) => `第${n}版` },
          { title: "提交时间", dataIndex: "submittedAt", render: (at: string) => formatInstant(at, true) },
          { title: "提交账号", dataIndex: "submittedBy" },
          { title: "说明", dataIndex: "note", render: (note: string | null) => note ?? "—" },
          {
            title: "操作",
            key: "actions",
            render: (_, version) => (
              <Space wrap size={4}>
                <Button size="small" icon={<EyeOutlined />} onClick={() => setOpen(version.number)}>
                  查看
                </Button>
                <DocumentButtons applicationId={application.id} version={version.number} size="small" />
              </Space>
            ),
          },
        ]}
      />
      <DiffView application={application} />
      <VersionDrawer
        application={application}
        env={{ ...env, onChange: noop, onRows: noop, onImport: undefined }}
        number={open}
        onClose={() => setOpen(null)}
      />
    </>
  );
}
