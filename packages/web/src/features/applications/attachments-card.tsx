import { CheckCircleFilled, DeleteOutlined, PaperClipOutlined, UploadOutlined } from "@ant-design/icons";
import type { AttachmentFileKind } from "@linxuan/domain";
import { Alert, App, Button, Popconfirm, Space, Tag, Typography, Upload } from "antd";
import { useState } from "react";
import { formatInstant } from "../../shared/dates";
import { errorText } from "../../shared/form-errors";
import { apiUrl } from "../../shared/http";
import { fieldDomId } from "./form-model";
import { deleteAttachment, uploadAttachment, useRefreshApplication } from "./queries";
import type { Application, AttachmentCode, RequiredAttachment } from "./types";

/** What the file chooser offers for each kind a slot takes (the server checks the content). */
const ACCEPT: Record<AttachmentFileKind, string> = {
  pdf: ".pdf,application/pdf",
  jpg: ".jpg,.jpeg,image/jpeg",
  png: ".png,image/png",
};
const ALL_KINDS: readonly AttachmentFileKind[] = ["pdf", "jpg", "png"];

/** Codes that hold several files; every other code holds one, and a new upload replaces it. */
const MULTI_FILE_CODES: readonly AttachmentCode[] = ["supportingMaterials", "extraPages"];

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * 附件材料: each attachment the batch asks for, with its files. PDF, JPG or PNG, checked by content
 * on the server; its refusals (too large, not a PDF whatever the name says) are shown as given.
 */
export function AttachmentsCard({ application, editable }: { application: Application; editable: boolean }) {
  const { message } = App.useApp();
  const refresh = useRefreshApplication(application.id);
  const [errors, setErrors] = useState<Partial<Record<AttachmentCode, string>>>({});
  const [busy, setBusy] = useState<AttachmentCode | null>(null);

  const upload = async (code: AttachmentCode, file: File) => {
    setBusy(code);
    setErrors((prev) => ({ ...prev, [code]: undefined }));
    try {
      const { attachment } = await uploadAttachment(
        application.id,
        code,
        file,
        !MULTI_FILE_CODES.includes(code),
      );
      message.success(`已上传：${attachment.fileName}`);
      await refresh();
    } catch (error) {
      setErrors((prev) => ({ ...prev, [code]: errorText(error) }));
      message.error(errorText(error));
      throw error;
    } finally {
      setBusy(null);
    }
  };

  const remove = async (attachmentId: string, fileName: string) => {
    try {
      await deleteAttachment(application.id, attachmentId);
      message.success(`已删除：${fileName}`);
      await refresh();
    } catch (error) {
      message.error(errorText(error));
    }
  };

  // The batch's attachments, then the form's own 另附页 (注6) unless the batch lists it already.
  const slots: RequiredAttachment[] = [
    ...application.batch.requiredAttachments,
    ...application.formAttachments.filter(
      (slot) => !application.batch.requiredAttachments.some((item) => item.code === slot.code),
    ),
  ];
  return (
    <div className="lx-attachments">
      {editable && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="上传要求"
          description="仅接受 PDF、JPG、PNG 文件（标有“仅接受PDF文件”的只接受 PDF；系统按文件内容识别，修改扩展名无效），单个文件不超过 20MB。申报表盖章扫描件请先在“下载申报表”中下载 PDF，打印盖章后扫描上传。"
        />
      )}
      {slots.map((item) => {
        const files = application.attachments.filter((file) => file.code === item.code);
        const multi = MULTI_FILE_CODES.includes(item.code);
        const kinds = item.fileKinds ?? ALL_KINDS;
        // After submission, the stamped copy of the submitted version may still be uploaded.
        const late = editable ? undefined : application.lateUploads.find((slot) => slot.code === item.code);
        const canUpload = editable || late !== undefined;
        return (
          <section
            key={item.code}
            id={fieldDomId(`attachments.${item.code}`)}
            className="lx-attachment"
            aria-label={item.name}
          >
            <div className="lx-attachment-head">
              <Space wrap size={8}>
                <strong>{item.name}</strong>
                {item.required ? <Tag color="red">必传</Tag> : <Tag>选传</Tag>}
                {item.fileKinds && (
                  <Tag color="blue">
                    仅接受{item.fileKinds.map((kind) => kind.toUpperCase()).join("、")}文件
                  </Tag>
                )}
                {files.length > 0 ? (
                  <Tag color="green" icon={<CheckCircleFilled />}>
                    已上传{multi ? ` ${files.length} 个文件` : ""}
                  </Tag>
                ) : (
                  <Tag color={item.required ? "orange" : "default"}>未上传</Tag>
                )}
              </Space>
              {canUpload && (
                <Upload
                  accept={kinds.map((kind) => ACCEPT[kind]).join(",")}
                  showUploadList={false}
                  multiple={multi}
                  disabled={busy !== null}
                  customRequest={({ file, onSuccess, onError }) => {
                    upload(item.code, file as File).then(
                      () => onSuccess?.({}),
                      (error: Error) => onError?.(error),
                    );
                  }}
                >
                  <Button icon={<UploadOutlined />} loading={busy === item.code}>
                    {files.length > 0 && !multi ? "重新上传" : "上传文件"}
                  </Button>
                </Upload>
              )}
            </div>
            {late && (
              <Alert
                type="warning"
                showIcon
                style={{ margin: "8px 0" }}
                title={`请于${formatInstant(late.until)}前上传`}
                description={`下载已提交的申报表（带申报编号${application.number ?? ""}，无“草稿”水印），打印并加盖公章后扫描为PDF上传。材料接收中心收到后才能通过形式审查。`}
              />
            )}
            {item.note && (
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {item.note}
              </Typography.Text>
            )}
            {errors[item.code] && (
              <Alert type="error" showIcon role="alert" style={{ marginTop: 8 }} title={errors[item.code]} />
            )}
            {files.length > 0 && (
              <ul className="lx-file-list">
                {files.map((file) => (
                  <li key={file.id}>
                    <PaperClipOutlined />
                    <a
                      href={apiUrl(
                        `/applications/${encodeURIComponent(application.id)}/attachments/${encodeURIComponent(file.id)}`,
                      )}
                      download={file.fileName}
                    >
                      {file.fileName}
                    </a>
                    <span className="lx-muted">
                      {formatSize(file.size)} · 上传于 {formatInstant(file.uploadedAt)}
                    </span>
                    {editable && (
                      <Popconfirm
                        title={`删除附件“${file.fileName}”？`}
                        okText="删除"
                        cancelText="取消"
                        onConfirm={() => remove(file.id, file.fileName)}
                      >
                        <Button type="text" danger size="small" icon={<DeleteOutlined />}>
                          删除
                        </Button>
                      </Popconfirm>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
