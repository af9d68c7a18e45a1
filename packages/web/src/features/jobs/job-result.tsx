import { Alert, Button, Modal, Space, Table, Typography } from "antd";
import { useState } from "react";
import { JobFileLink, jobFileName } from "../notifications/job-progress";
import type { Job } from "../notifications/types";

/*
 * What a finished job left, per type (the results of packages/server/src/jobs/handlers.ts). Only
 * the fields shown here are read; anything else in a result is ignored.
 */

/** initialPassword is null once the server's housekeeping erased it (7 days after the import). */
type ImportedExpert = { username: string; name: string; initialPassword: string | null };
type ExpertImportResult = { imported?: ImportedExpert[]; passwordsErased?: boolean };
type AutoAssignResult = { assignments?: unknown[]; unstaffed?: unknown[]; applied?: number | null };
type BatchExportResult = { count?: number };

/** The 结果 cell of the jobs table. */
export function JobResult({ job }: { job: Job }) {
  if (job.status === "failed")
    return <Typography.Text type="danger">{job.lastError ?? "执行失败"}</Typography.Text>;
  if (job.status !== "done") return <Typography.Text type="secondary">—</Typography.Text>;
  if (job.type === "experts.import") {
    const result = (job.result as ExpertImportResult | null) ?? {};
    const imported = result.imported ?? [];
    if (result.passwordsErased)
      return (
        <Typography.Text type="secondary">
          已导入{imported.length}个账号（初始密码已按规定清除；如需重新发放，请联系系统管理员重置密码）
        </Typography.Text>
      );
    return <ImportedExperts accounts={imported} />;
  }
  if (job.type === "review.autoAssign") {
    const result = (job.result as AutoAssignResult | null) ?? {};
    const proposed = result.assignments?.length ?? 0;
    const unstaffed = result.unstaffed?.length ?? 0;
    return (
      <Space orientation="vertical" size={0}>
        <span>
          拟分配 {proposed} 人次 /{" "}
          {result.applied === null || result.applied === undefined
            ? "仅计算方案，未保存"
            : `已保存 ${result.applied} 人次`}
        </span>
        {unstaffed > 0 && <Typography.Text type="warning">{unstaffed}份申报专家人数不足</Typography.Text>}
      </Space>
    );
  }
  if (job.hasFile) {
    const count = (job.result as BatchExportResult | null)?.count;
    const fileName = jobFileName(job);
    return (
      <Space orientation="vertical" size={2}>
        <JobFileLink job={job} size="small" aria-label={`下载文件：${fileName ?? job.label}`} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {[fileName, typeof count === "number" ? `共${count}份申报` : null].filter(Boolean).join(" · ")}
        </Typography.Text>
      </Space>
    );
  }
  return <Typography.Text type="secondary">—</Typography.Text>;
}

/** The new expert accounts of an import and their initial passwords, behind a button. */
function ImportedExperts({ accounts }: { accounts: ImportedExpert[] }) {
  const [open, setOpen] = useState(false);
  if (accounts.length === 0) return <Typography.Text type="secondary">没有导入账号</Typography.Text>;
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        查看{accounts.length}个账号的初始密码
      </Button>
      <Modal
        open={open}
        title="导入的专家账号与初始密码"
        width={680}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        footer={
          <Button type="primary" onClick={() => setOpen(false)}>
            关闭
          </Button>
        }
      >
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="初始密码只向发起导入的您显示，7天后自动清除。请通过当面交付、加密文件等安全方式逐一转交专家本人，不要在群聊或普通邮件中发送；专家首次登录须修改密码。"
        />
        <Table<ImportedExpert>
          rowKey="username"
          size="small"
          pagination={accounts.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          dataSource={accounts}
          columns={[
            { title: "用户名", dataIndex: "username", render: (value: string) => <code>{value}</code> },
            { title: "姓名", dataIndex: "name" },
            {
              title: "初始密码",
              dataIndex: "initialPassword",
              render: (value: string | null) =>
                value ? (
                  <Typography.Text code copyable={{ text: value, tooltips: ["复制", "已复制"] }}>
                    {value}
                  </Typography.Text>
                ) : (
                  <Typography.Text type="secondary">已清除</Typography.Text>
                ),
            },
          ]}
        />
      </Modal>
    </>
  );
}
