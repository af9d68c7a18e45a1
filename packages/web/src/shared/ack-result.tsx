import { Alert, Button, Result, Space, Typography } from "antd";
import { ButtonLink } from "./button-link";

/**
 * The acknowledgement after an objection or a complaint: the 受理编号, large and copyable, with
 * what to do with it. The number and the phone given are the only way to follow the case.
 */
export function AckResult({
  what,
  ackNumber,
  institutionName,
  statusPath,
  onAnother,
}: {
  what: "异议" | "投诉举报";
  ackNumber: string;
  institutionName: string;
  statusPath: string;
  onAnother?: () => void;
}) {
  return (
    <Result
      status="success"
      title={`您的${what}已受理`}
      subTitle={
        <>
          针对：<Typography.Text strong>{institutionName}</Typography.Text>
        </>
      }
      extra={
        <Space direction="vertical" size={16} style={{ width: "100%", maxWidth: 560 }}>
          <div>
            <div>受理编号</div>
            <Typography.Text
              className="lx-ack-number"
              copyable={{ text: ackNumber, tooltips: ["复制受理编号", "已复制"] }}
              data-testid="ack-number"
            >
              {ackNumber}
            </Typography.Text>
          </div>
          <Alert
            type="warning"
            showIcon
            style={{ textAlign: "left" }}
            title="请记下受理编号"
            description={
              <ol style={{ margin: 0, paddingLeft: 20 }}>
                <li>受理编号只显示这一次，请抄写、截图或复制保存。</li>
                <li>凭受理编号和您填写的联系电话，可随时查询办理进度和处理意见。</li>
                <li>办理过程中，工作人员可能通过您留下的联系方式与您核实情况，请保持电话畅通。</li>
              </ol>
            }
          />
          <Space wrap style={{ justifyContent: "center", width: "100%" }}>
            <ButtonLink type="primary" to={`${statusPath}?ack=${encodeURIComponent(ackNumber)}`}>
              查询办理进度
            </ButtonLink>
            {onAnother && <Button onClick={onAnother}>返回</Button>}
          </Space>
        </Space>
      }
    />
  );
}
