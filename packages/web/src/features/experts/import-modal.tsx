import { DownloadOutlined, UploadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Modal, Space, Steps, Table, Typography, Upload } from "antd";
import { useState } from "react";
import { errorText } from "../../app/form-errors";
import { apiUrl } from "../applications/http";
import { type ImportResult, type InitialAccount, useImportExperts } from "./queries";

/**
 * 导入专家: download the template, upload the filled file, look at the parsed rows and every
 * error (nothing is stored), then import all at once; the new accounts' passwords are shown once.
 */
export function ImportModal({
  open,
  onClose,
  onImported,
}: {
  open: boolean;
  onClose: () => void;
  onImported: (accounts: InitialAccount[]) => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const mutation = useImportExperts();
  const { message } = App.useApp();

  const reset = () => {
    setFile(null);
    setPreview(null);
    setFailure(null);
  };

  const check = async (chosen: File) => {
    setFailure(null);
    setPreview(null);
    try {
      setPreview(await mutation.mutateAsync({ file: chosen, dryRun: true }));
    } catch (error) {
      setFailure(errorText(error));
    }
  };

  const apply = async () => {
    if (!file) return;
    try {
      const result = await mutation.mutateAsync({ file, dryRun: false });
      if (result.errors.length > 0) {
        setPreview(result);
        return;
      }
      message.success(`已导入专家 ${result.imported.length} 名`);
      reset();
      onClose();
      onImported(result.imported);
    } catch (error) {
      setFailure(errorText(error));
    }
  };

  const ready = preview !== null && preview.errors.length === 0 && preview.preview.length > 0;
  return (
    <Modal
      open={open}
      title="从 Excel 导入专家"
      width={760}
      onCancel={() => {
        reset();
        onClose();
      }}
      destroyOnHidden
      footer={
        <Space>
          <Button
            onClick={() => {
              reset();
              onClose();
            }}
          >
            取消
          </Button>
          <Button type="primary" disabled={!ready} loading={mutation.isPending && ready} onClick={apply}>
            确认导入{ready ? ` ${preview.preview.length} 名专家` : ""}
          </Button>
        </Space>
      }
    >
      <Steps
        size="small"
        style={{ marginBottom: 16 }}
        current={ready ? 2 : file ? 1 : 0}
        items={[{ title: "下载模板并填写" }, { title: "上传并检查" }, { title: "确认导入" }]}
      />
      <Space direction="vertical" style={{ width: "100%" }}>
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={apiUrl("/experts/template.xlsx")} download>
            下载导入模板
          </Button>
          <Upload
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(chosen) => {
              setFile(chosen);
              void check(chosen);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={mutation.isPending && !ready}>
              选择已填写的 Excel 文件
            </Button>
          </Upload>
          {file && <Typography.Text type="secondary">{file.name}</Typography.Text>}
        </Space>
        <Typography.Text type="secondary">
          全部行正确才会导入；导入时为每位专家创建账号，初始密码只显示一次。
        </Typography.Text>
        {failure && <Alert type="error" showIcon role="alert" title={failure} />}
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
