import { Alert, Button, Card, DatePicker, Form, InputNumber, Space } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { formatDate, formatInstant, inShanghai, pickerToDate } from "../../shared/dates";
import { errorText } from "../../shared/form-errors";
import { isApiError } from "../../shared/http";
import { addWorkdays, type WorkdaySum } from "./queries";

/** The server's end is exclusive (the next midnight); a person reads it as the last day at 24:00. */
function endText(result: WorkdaySum): string {
  const end = inShanghai(result.endsAt);
  const lastDayMidnight =
    end.format("HH:mm:ss") === "00:00:00" && end.subtract(1, "day").format("YYYY-MM-DD") === result.end;
  return lastDayMidnight ? `${formatDate(result.end)} 24:00` : formatInstant(result.endsAt);
}

type ToolValues = { start: Dayjs | null; days: number | null };

/** 工作日计算: what a public notice's end date will be, using the same service the workflow uses. */
export function WorkdayTool() {
  const [result, setResult] = useState<WorkdaySum | null>(null);
  const [failure, setFailure] = useState<{ title: string; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const onFinish = async (values: ToolValues) => {
    const start = pickerToDate(values.start);
    if (!start || values.days === null) return;
    setBusy(true);
    setResult(null);
    setFailure(null);
    try {
      setResult(await addWorkdays(start, values.days));
    } catch (error) {
      setFailure({
        title: isApiError(error, "CALENDAR_YEAR_UNKNOWN") ? "日历数据不足，无法计算" : "计算失败",
        text: errorText(error),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>工作日计算</h2>} style={{ marginBottom: 16 }}>
      <Form<ToolValues> layout="inline" onFinish={onFinish} initialValues={{ days: 5 }}>
        <Form.Item label="起始日期" name="start" rules={[{ required: true, message: "请选择" }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item label="工作日数" name="days" rules={[{ required: true, message: "请填写" }]}>
          <InputNumber min={1} max={60} precision={0} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          计算
        </Button>
      </Form>
      <div aria-live="polite" style={{ marginTop: 16 }}>
        {result && (
          <Alert
            type="success"
            showIcon
            title={
              <Space wrap>
                <span>
                  自 {formatDate(result.start)} 起 {result.days} 个工作日，截至{" "}
                  <strong>{formatDate(result.end)}</strong>
                </span>
                <span>（{endText(result)}结束）</span>
              </Space>
            }
          />
        )}
        {failure && <Alert type="error" showIcon title={failure.title} description={failure.text} />}
      </div>
    </Card>
  );
}
