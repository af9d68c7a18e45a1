import { DownloadOutlined, PaperClipOutlined } from "@ant-design/icons";
import { Button, Card, List, Typography } from "antd";
import { attachmentUrl, type OpenedAssignment } from "./queries";

const sizeText = (bytes: number) =>
  bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** The application's attachments, each a download for the assigned expert (recorded in the audit log). */
export function AttachmentsCard({
  assignmentId,
  opened,
}: {
  assignmentId: string;
  opened: OpenedAssignment;
}) {
  return (
    <Card
      title="申报附件"
      size="small"
      style={{ marginBottom: 16 }}
      extra={<Typography.Text type="secondary">仅供本次评议使用，每次下载均记入审计日志</Typography.Text>}
    >
      <List
        size="small"
        dataSource={opened.attachments}
        locale={{ emptyText: "该申报没有上传附件" }}
        renderItem={(item) => (
          <List.Item
            actions={[
              <Button
                key="download"
                size="small"
                icon={<DownloadOutlined />}
                href={attachmentUrl(assignmentId, item.id)}
                download
                aria-label={`下载${item.label}`}
              >
                下载
              </Button>,
            ]}
          >
            <List.Item.Meta
              avatar={<PaperClipOutlined />}
              title={item.label}
              description={`${item.fileName} · ${sizeText(item.size)}`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
