import { DownloadOutlined, UploadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Modal, Space, Steps, Table, Typography, Upload } from "antd";
import { useEffect, useState } from "react";
import { errorText } from "../../shared/form-errors";
import { apiUrl } from "../../shared/http";
import { followJob } from "../notifications/followed-jobs";
import { JobProgress } from "../notifications/job-progress";
import { importJobLabel, useImportJob } from "./import-job";
import { type ImportResult, type InitialAccount, useImportExperts } from "./queries";

/**
 * 导入专家: download the template, upload the filled file, look at the parsed rows and every
 * error (nothing is stored), then import all at once. The accounts are created by a background
 * job (`jobId`, owned by the page so that it is still watched when this dialog is closed); the
 * page shows the new accounts' passwords once it is done.
 */
export function ImportModal({
  open,
  jobId,
  onClose,
  onStarted,
  onImported,
  onRetry,
}: {
  open: boolean;
  /** The import job running or just failed, if any. */
  jobId: string | null;
  onClose: () => void;
  onStarted: (jobId: string) => void;
  /** Accounts created at once (a server that imports synchronously). */
  onImported: (accounts: InitialAccount[]) => void;
  /** The office starts again after a failed job. */
  onRetry: () => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const mutation = useImportExperts();
  const job = useImportJob(jobId);
  const { message } = App.useApp();
  const running = jobId !== null && job.data?.status !== "failed";
  const failedJob = jobId !== null && job.data?.status === "failed" ? job.data : null;

  // Closing forgets the file and its check; a running job goes on and is watched by the page.
  useEffect(() => {
    if (!open) {
      setFile(null);
      setPreview(null);
      setFailure(null);
    }
  }, [open]);

  const check = async (chosen: File) => {
    if (failedJob) onRetry();
    setFailure(null);
    setPreview(null);
    try {
      setPreview(await mutation.mutateAsync({ file: chosen, dryRun: true }));
    } catch (error) {
      setFailure(errorText(error));
    }
  };

  const apply = async () => {
    if (!file || !preview) return;
    try {
      const result = await mutation.mutateAsync({ file, dryRun: false });
      if (result.errors.length > 0) {
        setPreview(result);
        return;
      }
      if (result.jobId) {
        followJob(result.jobId, importJobLabel(preview.preview.length));
        onStarted(result.jobId);
        return;
      }
      if (result.imported.length > 0) {
        message.success(`已导入专家 ${result.imported.length} 名`);
        onClose();
        onImported(result.imported);
        return;
      }
      setFailure("服务器没有返回导入结果，请在专家库中核对后重试");
    } catch (error) {
      setFailure(errorText(error));
    }
  };

  const ready = !running && preview !== null && preview.errors.length === 0 && preview.preview.length > 0;
  return (
    <Modal
      open={open}
      title="从 Excel 导入专家"
      width={760}
      onCancel={onClose}
      destroyOnHidden
      footer={
        running ? (
          <Button onClick={onClose}>关闭</Button>
        ) : (
          <Space>
            <Button onClick={onClose}>取消</Button>
            <Button type="primary" disabled={!ready} loading={mutation.isPending && ready} onClick={apply}>
              确认导入{ready ? ` ${preview.preview.length} 名专家` : ""}
            </Button>
          </Space>
        )
      }
    >
      <Steps
        size="small"
        style={{ marginBottom: 16 }}
        current={running || ready || failedJob ? 2 : file ? 1 : 0}
        status={failedJob ? "error" : undefined}
        items={[{ title: "下载模板并填写" }, { title: "上传并检查" }, { title: "确认导入" }]}
      />
      <Space direction="vertical" style={{ width: "100%" }}>
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={apiUrl("/experts/template.xlsx")} download>
            下载导入模板
          </Button>
          <Upload
            disabled={running}
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(chosen) => {
              setFile(chosen);
              void check(chosen);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} disabled={running} loading={mutation.isPending && !ready}>
              选择已填写的 Excel 文件
            </Button>
          </Upload>
          {file && <Typography.Text type="secondary">{file.name}</Typography.Text>}
        </Space>
        <Typography.Text type="secondary">
          全部行正确才会导入；导入时在后台为每位专家创建账号，完成后显示各账号的初始密码。
        </Typography.Text>
        {failure && <Alert type="error" showIcon role="alert" title={failure} />}
        {running && jobId && (
          <Alert
            type="info"
            title="正在后台创建账号…，可以离开本页，完成后在右上角通知中查看"
            description={<JobProgress jobId={jobId} title="创建专家账号" size="small" />}
          />
        )}
        {failedJob && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={`导入未完成：${failedJob.lastError ?? "后台任务执行失败"}`}
            description="未创建任何账号。请按提示修改 Excel 后重新上传。"
          />
        )}
        {preview && preview.errors.length > 0 && (
          <Alert
            type="error"
            showIcon
            title={`有 ${preview.errors.length} 处错误，请修改 Excel 后重新上传（未导入任何专家）`}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {preview.errors.map((error) => (
                  <li key={`${error.row}-${error.message}`}>
                    第{error.row}行：{error.message}
                  </li>
                ))}
              </ul>
            }
          />
        )}
        {preview && preview.preview.length > 0 && (
          <Table
            rowKey="username"
            size="small"
            pagination={false}
            scroll={{ y: 280 }}
            title={() => `将导入 ${preview.preview.length} 名专家`}
            dataSource={preview.preview}
            columns={[
              { title: "姓名", dataIndex: "name" },
              { title: "工作单位", dataIndex: "employer" },
              { title: "用户名", dataIndex: "username", render: (value: string) => <code>{value}</code> },
            ]}
          />
        )}
      </Space>
    </Modal>
  );
}
