import { Alert, Radio, Space, Typography } from "antd";
import { formatInstant } from "../../shared/dates";
import { summarizeCopyPlan } from "./copy-plan-model";
import { ApplicationStatusTag } from "./status-parts";
import type { ApplicationSummary } from "./types";

type Props = {
  /** The institution's earlier applications, any batch. */
  applications: readonly ApplicationSummary[];
  /** The form the new application will be filled on (by the kind chosen), when known. */
  targetTemplateId: string | null;
  /** Controlled by the surrounding Form.Item: the chosen application's id, or "" for none. */
  value?: string;
  onChange?: (value: string) => void;
};

function listText(labels: readonly string[]): string {
  return labels.join("、");
}

/**
 * 从已有申报复制: a choice among the institution's earlier applications (batch, kind, occupation,
 * status), and before anything is created, what the copy fills and what stays empty.
 */
export function CopySourceField({ applications, targetTemplateId, value = "", onChange }: Props) {
  const source = applications.find((item) => item.id === value);
  const summary = source && targetTemplateId ? summarizeCopyPlan(source.templateId, targetTemplateId) : null;
  return (
    <Space orientation="vertical" size={12} style={{ width: "100%" }}>
      <Radio.Group value={value} onChange={(event) => onChange?.(String(event.target.value))}>
        <Space orientation="vertical">
          <Radio value="">不复制，从空白申报表开始</Radio>
          {applications.map((item) => (
            <Radio key={item.id} value={item.id}>
              <Space size={6} wrap>
                <span>
                  {item.batchTitle}·{item.kindName}·{item.occupationName}
                </span>
                <ApplicationStatusTag status={item.status} name={item.statusName} />
                <Typography.Text type="secondary">最近修改 {formatInstant(item.updatedAt)}</Typography.Text>
              </Space>
            </Radio>
          ))}
        </Space>
      </Radio.Group>
      {source && !targetTemplateId && (
        <Typography.Text type="secondary">选择机构类型后，这里会列出将复制和留空的内容。</Typography.Text>
      )}
      {summary && (
        <Alert
          type="info"
          showIcon
          title={`将从“${source?.batchTitle}·${source?.occupationName}”复制本单位的信息（原申报中已填写的）`}
          description={
            <div className="lx-copy-plan">
              <p>
                <strong>复制：</strong>
                {listText(summary.copied)}。
              </p>
              <p>
                <strong>留空，请按本次申报的职业填写：</strong>
                {listText(summary.occupationFields)}。
              </p>
              {summary.newFields.length > 0 && (
                <p>
                  <strong>本表新增、原申报表没有的项，留空：</strong>
                  {listText(summary.newFields)}。
                </p>
              )}
              <p>承诺须在本次申报中重新确认；附件不复制，请重新上传。</p>
            </div>
          }
        />
      )}
    </Space>
  );
}
