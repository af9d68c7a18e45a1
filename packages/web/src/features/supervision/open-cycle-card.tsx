import { Alert, Button, Card, DatePicker, Form, Input, Space } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { dayjs, wallClockToInstant } from "../../shared/dates";
import { applyFieldErrors, errorText } from "../../shared/form-errors";
import { useOpenCycle } from "./queries";

type Values = { name: string; dueAt: Dayjs; before?: Dayjs | null };

/** 开启考核评估: every listed entry whose validity ends before the date gets an assessment. */
export function OpenCycleCard() {
  const [form] = Form.useForm<Values>();
  const open = useOpenCycle();
  const [opened, setOpened] = useState<number | null>(null);
  const submit = (values: Values) => {
    setOpened(null);
    open.mutate(
      {
        name: values.name.trim(),
        dueAt: wallClockToInstant(values.dueAt.endOf("day")) ?? "",
        before: values.before ? wallClockToInstant(values.before.endOf("day")) : null,
      },
      {
        onSuccess: (result) => {
          setOpened(result.opened);
          form.resetFields();
        },
        onError: (error) => applyFieldErrors(form, error),
      },
    );
  };
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>开启考核评估</h2>} style={{ marginBottom: 16 }}>
      {opened !== null && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={`已为 ${opened} 家机构开启考核评估`}
        />
      )}
      {open.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={errorText(open.error)}
        />
      )}
      <Form<Values> form={form} layout="inline" onFinish={submit} style={{ rowGap: 12 }}>
        <Form.Item
          name="name"
          label="考核名称"
          rules={[{ required: true, whitespace: true, min: 2, message: "请填写考核名称" }]}
        >
          <Input maxLength={100} placeholder={`如：${dayjs().year()}年度考核评估`} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="dueAt" label="报告截止日期" rules={[{ required: true, message: "请选择截止日期" }]}>
          <DatePicker disabledDate={(day) => day.isBefore(dayjs(), "day")} />
        </Form.Item>
        <Form.Item name="before" label="有效期届满早于" tooltip="不填时，为90天内有效期届满的机构开启。">
          <DatePicker placeholder="默认：90天内到期" style={{ width: 180 }} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={open.isPending}>
            开启
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
