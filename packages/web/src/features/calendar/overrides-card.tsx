import { PlusOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
} from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import type { CalendarOverride } from "../../app/api-types";
import { dateToPicker, formatDate, formatInstant, pickerToDate } from "../../shared/dates";
import { applyFieldErrors, errorText } from "../../shared/form-errors";
import { useDeleteOverride, useSaveOverride } from "./queries";

type OverrideValues = { date: Dayjs | null; kind: CalendarOverride["kind"]; name?: string };

const kindText: Record<CalendarOverride["kind"], string> = { workday: "上班", holiday: "休息" };

function OverrideModal({
  editing,
  year,
  onClose,
}: {
  editing: CalendarOverride | "new" | null;
  year: number;
  onClose: () => void;
}) {
  const [form] = Form.useForm<OverrideValues>();
  const save = useSaveOverride();
  const { message } = App.useApp();
  const [failure, setFailure] = useState<string | null>(null);
  const existing = editing !== null && editing !== "new" ? editing : null;

  const close = () => {
    setFailure(null);
    onClose();
  };

  const onFinish = async (values: OverrideValues) => {
    const date = pickerToDate(values.date);
    if (!date) return;
    setFailure(null);
    try {
      await save.mutateAsync({ date, kind: values.kind, name: values.name?.trim() || null });
      message.success(`已保存 ${formatDate(date)} 的日历调整`);
      close();
    } catch (error) {
      setFailure(applyFieldErrors(form, error).length > 0 ? null : errorText(error));
    }
  };

  return (
    <Modal
      open={editing !== null}
      title={existing ? `修改 ${formatDate(existing.date)}` : "添加日历调整"}
      okText="保存"
      cancelText="取消"
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
    >
      {failure && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={failure} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        preserve={false}
        initialValues={
          existing
            ? { date: dateToPicker(existing.date), kind: existing.kind, name: existing.name ?? "" }
            : { date: null, kind: "holiday", name: "" }
        }
      >
        <Form.Item label="调整日期" name="date" rules={[{ required: true, message: "请选择日期" }]}>
          <DatePicker
            style={{ width: "100%" }}
            disabled={existing !== null}
            defaultPickerValue={dateToPicker(`${year}-01-01`) ?? undefined}
          />
        </Form.Item>
        <Form.Item label="当天安排" name="kind" rules={[{ required: true, message: "请选择" }]}>
          <Select
            options={[
              { value: "holiday", label: "休息（法定节假日或放假）" },
              { value: "workday", label: "上班（调休上班或取消放假）" },
            ]}
          />
        </Form.Item>
        <Form.Item label="名称" name="name" extra="如 国庆节、国庆节调休">
          <Input maxLength={40} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Days the administrator set by hand, overriding the built-in holiday data. */
export function OverridesCard({ year, overrides }: { year: number; overrides: CalendarOverride[] }) {
  const [editing, setEditing] = useState<CalendarOverride | "new" | null>(null);
  const remove = useDeleteOverride();
  const { message } = App.useApp();
  return (
    <Card
      title={<h2 style={{ margin: 0, fontSize: 16 }}>人工维护的日期</h2>}
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setEditing("new")}>
          添加调整
        </Button>
      }
      style={{ marginBottom: 16 }}
    >
      <Table<CalendarOverride>
        size="small"
        rowKey="date"
        dataSource={overrides}
        pagination={false}
        locale={{ emptyText: `${year}年没有人工维护的日期` }}
        columns={[
          { title: "日期", dataIndex: "date", render: (date: string) => formatDate(date) },
          {
            title: "安排",
            dataIndex: "kind",
            render: (kind: CalendarOverride["kind"]) => (
              <Tag color={kind === "holiday" ? "red" : "blue"}>{kindText[kind]}</Tag>
            ),
          },
          { title: "名称", dataIndex: "name", render: (name: string | null) => name ?? "—" },
          { title: "修改人", dataIndex: "updatedBy" },
          { title: "修改时间", dataIndex: "updatedAt", render: (at: string) => formatInstant(at) },
          {
            title: "操作",
            key: "actions",
            render: (_, override) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing(override)}>
                  修改
                </Button>
                <Popconfirm
                  title="删除该日期的人工调整？"
                  description="删除后恢复为内置数据或一般周末规则。"
                  okText="删除"
                  cancelText="取消"
                  onConfirm={() =>
                    remove
                      .mutateAsync(override.date)
                      .then(() => message.success("已删除"))
                      .catch((error: unknown) => message.error(errorText(error)))
                  }
                >
                  <Button type="link" size="small" danger>
                    删除
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <OverrideModal editing={editing} year={year} onClose={() => setEditing(null)} />
    </Card>
  );
}
