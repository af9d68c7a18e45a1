import { SafetyCertificateOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Checkbox, Skeleton, Space, Typography } from "antd";
import { useState } from "react";
import { errorText } from "../../shared/form-errors";
import { useAcceptPledge, usePledge } from "./queries";

/**
 * 评审承诺: shown instead of the application until the expert accepts it for the batch; opening,
 * downloading and scoring are refused by the server until then.
 */
export function PledgeCard({ assignmentId, extra }: { assignmentId: string; extra: React.ReactNode }) {
  const pledge = usePledge(assignmentId);
  const accept = useAcceptPledge(assignmentId);
  const [read, setRead] = useState(false);
  if (pledge.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (pledge.isError) return <Alert type="error" showIcon title={errorText(pledge.error)} />;
  const { title, paragraphs, batchTitle } = pledge.data;
  return (
    <Card
      style={{ maxWidth: 820, margin: "0 auto" }}
      title={
        <Space>
          <SafetyCertificateOutlined />
          {title}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {batchTitle}。打开本批次的第一份评议材料之前，请阅读并接受以下承诺；接受后记录在案。
      </Typography.Paragraph>
      <section aria-label={title} className="lx-pledge-text">
        {paragraphs.map((paragraph) => (
          <Typography.Paragraph key={paragraph}>{paragraph}</Typography.Paragraph>
        ))}
      </section>
      <Checkbox checked={read} onChange={(event) => setRead(event.target.checked)}>
        我已阅读并承诺遵守上述评审承诺
      </Checkbox>
      {accept.isError && (
        <Alert type="error" showIcon role="alert" style={{ marginTop: 12 }} title={errorText(accept.error)} />
      )}
      <Space style={{ marginTop: 16 }}>
        <Button type="primary" disabled={!read} loading={accept.isPending} onClick={() => accept.mutate()}>
          接受承诺并开始评议
        </Button>
        {extra}
      </Space>
    </Card>
  );
}
