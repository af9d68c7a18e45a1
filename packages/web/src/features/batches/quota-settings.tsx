import type { QuotaSettingRow, QuotaSettings } from "@linxuan/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Form, Input, InputNumber, Modal, Skeleton, Table, Typography } from "antd";
import { useState } from "react";
import { formatInstant } from "../../shared/dates";
import { applyFieldErrors, errorText } from "../../shared/form-errors";
import { api } from "../../shared/http";

const settingsKey = (batchId: string) => ["quota-settings", batchId] as const;

type Entry = { limit: number | null; basis: string };

function QuotaModal({
  batchId,
  area,
  onClose,
}: {
  batchId: string;
  area: QuotaSettingRow;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Entry>();
  const { message } = App.useApp();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (entry: Entry) =>
      api.put<QuotaSettings>(`/batches/${encodeURIComponent(batchId)}/quota-settings`, {
        kind: area.kind,
        areaKey: area.areaKey,
        limit: entry.limit,
        basis: entry.basis,
      }),
    onSuccess: (settings) => {
      client.setQueryData(settingsKey(batchId), settings);
      void client.invalidateQueries({ queryKey: ["recommendation-queue"] });
    },
  });
  const submit = (entry: Entry) =>
    save.mutate(entry, {
      onSuccess: () => {
        message.success(`已设定${area.name}${area.kindName}名额`);
        onClose();
      },
      onError: (error) => {
        if (applyFieldErrors(form, error).length === 0) message.error(errorText(error));
      },
    });
  return (
    <Modal
      open
      title={`设定名额：${area.name}（${area.kindName}）`}
      okText="保存"
      cancelText="取消"
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">通知依据：{area.batchNoticeBasis}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ limit: area.limit, basis: area.basis ?? "" }}
        onFinish={submit}
      >
        <Form.Item
          label="每个职业名额（家）"
          name="limit"
          rules={[{ required: true, message: "请填写名额" }]}
        >
          <InputNumber min={1} max={999} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          label="依据（通知原文或主管部门的决定）"
          name="basis"
          rules={[{ required: true, whitespace: true, message: "请填写依据" }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={300}
            showCount
            placeholder="例：工程指导协调小组办公室会议决定"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 名额设定: the places whose number the notice leaves open (北京、上海、粤港澳大湾区“可适当扩大
 * 规模”; a province's own decision), each entered by the office with its basis.
 */
export function QuotaSettingsPanel({ batchId }: { batchId: string }) {
  const query = useQuery({
    queryKey: settingsKey(batchId),
    queryFn: () => api.get<QuotaSettings>(`/batches/${encodeURIComponent(batchId)}/quota-settings`),
  });
  const [editing, setEditing] = useState<QuotaSettingRow | null>(null);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <Alert type="error" showIcon title={errorText(query.error)} />;
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="以下地方的名额通知未给出具体数额，由主管部门设定并注明依据"
        description="未设定前，推荐单位看到“名额待定”及其依据，暂不能推荐该地方的机构。每次设定和修改都记入审计日志。"
      />
      <Table<QuotaSettingRow>
        rowKey={(row) => `${row.kind}-${row.areaKey}`}
        dataSource={query.data.areas}
        pagination={false}
        className="lx-quota-settings"
        columns={[
          { title: "地方", dataIndex: "name", width: 120 },
          { title: "机构类型", dataIndex: "kindName", width: 100 },
          {
            title: "名额（每个职业）",
            width: 130,
            render: (_, row) =>
              row.limit === null ? (
                <Typography.Text type="warning">名额待定</Typography.Text>
              ) : (
                `${row.limit} 家`
              ),
          },
          {
            title: "依据",
            render: (_, row) =>
              row.basis ? (
                <span>{row.basis}</span>
              ) : (
                <Typography.Text type="secondary">通知：{row.batchNoticeBasis}</Typography.Text>
              ),
          },
          {
            title: "设定",
            width: 170,
            render: (_, row) =>
              row.setAt ? (
                <Typography.Text type="secondary">
                  {row.setByName ?? row.setBy} · {formatInstant(row.setAt)}
                </Typography.Text>
              ) : (
                "—"
              ),
          },
          {
            title: "操作",
            width: 90,
            render: (_, row) => (
              <Button size="small" onClick={() => setEditing(row)} aria-label={`设定${row.name}名额`}>
                {row.limit === null ? "设定" : "修改"}
              </Button>
            ),
          },
        ]}
      />
      {editing && <QuotaModal batchId={batchId} area={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
