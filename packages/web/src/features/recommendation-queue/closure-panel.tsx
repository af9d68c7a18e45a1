import { FilePdfOutlined, FileWordOutlined, SafetyCertificateOutlined } from "@ant-design/icons";
import { phoneSchema } from "@linxuan/domain";
import { Alert, App, Button, Card, Form, Input, Modal, Space, Statistic, Typography } from "antd";
import { useState } from "react";
import { formatInstant } from "../../shared/dates";
import { applyFieldErrors, errorText } from "../../shared/form-errors";
import { apiUrl } from "../../shared/http";
import { useCloseRecommendation } from "./queries";
import type { CloseInput, Queue } from "./types";

type Values = Omit<CloseInput, "batchId">;

function LetterLinks({ batchId }: { batchId: string }) {
  return (
    <Space wrap>
      <Button
        type="primary"
        icon={<FilePdfOutlined />}
        href={apiUrl("/recommendation/letter.pdf", { batchId })}
        download
      >
        下载推荐函（PDF）
      </Button>
      <Button icon={<FileWordOutlined />} href={apiUrl("/recommendation/letter.docx", { batchId })} download>
        下载推荐函（Word）
      </Button>
    </Space>
  );
}

/**
 * 确认推荐名单: once every application is recommended, declined or returned, the recommender
 * confirms its list (负责人, 联系人, 联系电话) and the 推荐函 is issued; after that nothing in the list can change.
 */
export function ClosurePanel({ queue }: { queue: Queue }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const close = useCloseRecommendation();
  const { message } = App.useApp();
  const recommended = queue.quotas.reduce((sum, quota) => sum + quota.used, 0);
  const stageOpen = queue.stage?.open ?? false;

  const submit = async () => {
    const values = await form.validateFields();
    try {
      await close.mutateAsync({ batchId: queue.batch.id, ...values });
      message.success("推荐名单已确认，可以下载推荐函");
      setOpen(false);
    } catch (error) {
      applyFieldErrors(form, error);
      message.error(errorText(error));
    }
  };

  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={
        <Space>
          <SafetyCertificateOutlined />
          确认推荐名单
        </Space>
      }
    >
      <Space size={40} wrap align="start">
        <Statistic title="待审核" value={queue.pending} suffix="份" />
        <Statistic title="已推荐" value={recommended} suffix="家" />
        <div style={{ maxWidth: 620 }}>
          {queue.closed ? (
            <Space direction="vertical">
              <Alert
                type="success"
                showIcon
                title={`本单位已于${formatInstant(queue.closed.closedAt)}确认推荐名单（负责人：${queue.closed.leaderName}），名单不能再修改。`}
              />
              <LetterLinks batchId={queue.batch.id} />
            </Space>
          ) : (
            <Space direction="vertical">
              <Typography.Text type="secondary">
                对全部申报作出推荐、不予推荐或退回的决定后，确认名单并出具推荐函。确认后名单不能再修改。
              </Typography.Text>
              {queue.pending > 0 && (
                <Typography.Text type="warning">还有{queue.pending}份申报尚未作出决定。</Typography.Text>
              )}
              <Button
                type="primary"
                disabled={!stageOpen || queue.pending > 0}
                title={
                  !stageOpen ? "审核推荐环节已截止" : queue.pending > 0 ? "还有申报尚未作出决定" : undefined
                }
                onClick={() => setOpen(true)}
              >
                确认名单并出具推荐函
              </Button>
            </Space>
          )}
        </div>
      </Space>
      <Modal
        open={open}
        title="确认名单并出具推荐函"
        okText="确认名单"
        cancelText="取消"
        confirmLoading={close.isPending}
        onOk={submit}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`本单位共推荐${recommended}家机构。确认后名单即为最终结果，不能再推荐、不予推荐或撤销。`}
        />
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="leaderName"
            label="负责人"
            rules={[
              { required: true, whitespace: true, min: 2, max: 30, message: "请填写负责人姓名（2–30字）" },
            ]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="contactName"
            label="联系人"
            rules={[
              { required: true, whitespace: true, min: 2, max: 30, message: "请填写联系人姓名（2–30字）" },
            ]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="contactPhone"
            label="联系电话"
            rules={[
              { required: true, message: "请填写联系电话" },
              {
                validator: async (_rule, value: string | undefined) => {
                  if (!value) return;
                  const parsed = phoneSchema.safeParse(value);
                  if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? "电话格式不正确");
                },
              },
            ]}
          >
            <Input placeholder="手机号或带区号的固定电话" autoComplete="off" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
