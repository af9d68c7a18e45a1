import {
  countWords,
  type Field,
  formatFieldValue,
  isComputed,
  levelOptions,
  optionsOf,
  type ScalarValue,
  type TableColumn,
} from "@linxuan/domain";
import { Checkbox, DatePicker, Input, InputNumber, Radio, Select } from "antd";
import { memo } from "react";
import type { LevelCode } from "../../app/api-types";
import { dateToPicker, dayjs, pickerToDate } from "../../shared/dates";

export type FieldInputProps = {
  field: Field | TableColumn;
  value: unknown;
  /** Value path ("address", "teachers.2.phone"); the input's DOM id derives from it. */
  path: string;
  /** The full label ("法定代表人身份证号", "培训教师第1行·姓名"): the input's accessible name. */
  label: string;
  invalid: boolean;
  readOnly: boolean;
  /** Inside a table cell: no unit suffix on narrow columns, smaller text areas. */
  compact?: boolean;
  /** The batch's levels, for the levels check boxes. */
  levels?: readonly LevelCode[];
  onChange: (path: string, value: ScalarValue) => void;
};

const industryOptions = optionsOf("industry").map((option) => ({
  value: option.value,
  label: `${option.value} ${option.label}`,
}));

function optionList(field: Extract<Field, { type: "select" }>) {
  return field.options === "industry" ? industryOptions : [...optionsOf(field.options)];
}

const text = (value: unknown) =>
  typeof value === "string" ? value : value === null || value === undefined ? "" : String(value);
const numberOrNull = (value: unknown) => (typeof value === "number" ? value : null);

/** 已输入 N / 800 字, red past the limit; counted as the server counts (countWords). */
export function WordCounter({ value, limit, id }: { value: string; limit: number; id: string }) {
  const count = countWords(value);
  const over = count > limit;
  return (
    <div id={id} className={over ? "lx-word-count lx-word-count-over" : "lx-word-count"} aria-live="polite">
      已输入 {count} / {limit} 字{over ? `，超出 ${count - limit} 字` : ""}
    </div>
  );
}

/** A value as the printed form shows it; `<script>` and the like stay text (React escapes it). */
function ReadOnlyValue({ field, value, path }: { field: Field | TableColumn; value: unknown; path: string }) {
  const shown = formatFieldValue(field, value, { maskPersonalData: false });
  return (
    <div id={path} className={field.type === "textarea" ? "lx-readonly lx-readonly-text" : "lx-readonly"}>
      {shown || <span className="lx-muted">（未填写）</span>}
    </div>
  );
}

/** One input of the form, by field type. Controlled: the page owns the values. */
export const FieldInput = memo(function FieldInput(props: FieldInputProps) {
  const { field, value, path, label, invalid, readOnly, compact, onChange } = props;
  const id = `input-${path}`;
  const status = invalid ? ("error" as const) : undefined;
  const set = (next: ScalarValue) => onChange(path, next);
  const unit = "unit" in field && field.unit && !compact ? field.unit : undefined;

  if (readOnly && field.type !== "consent") return <ReadOnlyValue field={field} value={value} path={id} />;
  if (isComputed(field)) {
    const shown = typeof value === "number" ? `${value}` : "";
    return (
      <Input
        id={id}
        aria-label={label}
        value={shown}
        readOnly
        variant="filled"
        placeholder="自动计算"
        title="由系统根据填写内容自动计算，不需填写"
        suffix={compact ? undefined : <span className="lx-muted">{unit ? `${unit} · ` : ""}自动计算</span>}
      />
    );
  }
  switch (field.type) {
    case "text":
    case "creditCode":
    case "idNumber":
    case "phone":
    case "email": {
      const upper = field.type === "creditCode" || field.type === "idNumber";
      const placeholder =
        field.type === "phone"
          ? "手机号或带区号的固定电话"
          : field.type === "email"
            ? "如 name@example.com"
            : undefined;
      return (
        <Input
          id={id}
          aria-label={label}
          status={status}
          value={text(value)}
          placeholder={placeholder}
          autoComplete="off"
          onChange={(event) => set(upper ? event.target.value.toUpperCase() : event.target.value)}
        />
      );
    }
    case "textarea":
      return (
        <>
          <Input.TextArea
            id={id}
            aria-label={label}
            aria-describedby={`${id}-count`}
            status={status}
            value={text(value)}
            autoSize={{ minRows: compact ? 2 : 6, maxRows: 30 }}
            onChange={(event) => set(event.target.value)}
          />
          <WordCounter value={text(value)} limit={field.maxWords} id={`${id}-count`} />
        </>
      );
    case "number":
    case "integer":
    case "year":
      return (
        <InputNumber
          id={id}
          aria-label={label}
          status={status}
          value={numberOrNull(value)}
          min={field.type === "year" ? undefined : 0}
          precision={field.type === "number" ? undefined : 0}
          controls={false}
          placeholder={field.type === "year" ? (compact ? "年份" : "如 2024") : undefined}
          suffix={field.type === "year" ? (compact ? undefined : "年") : unit}
          style={{ width: "100%" }}
          onChange={(next) => set(typeof next === "number" ? next : null)}
        />
      );
    case "date":
      return (
        <DatePicker
          id={id}
          aria-label={label}
          status={status}
          value={typeof value === "string" ? dateToPicker(value) : null}
          format="YYYY-MM-DD"
          placeholder="选择或输入日期，如 2010-09-01"
          disabledDate={(day) => day.isAfter(dayjs(), "day")}
          style={{ width: "100%" }}
          onChange={(day) => set(pickerToDate(day))}
        />
      );
    case "select":
      return (
        <Select
          id={id}
          aria-label={label}
          status={status}
          mode={field.multiple ? "multiple" : undefined}
          value={field.multiple ? (Array.isArray(value) ? value : []) : text(value) || undefined}
          options={optionList(field)}
          allowClear={!compact}
          popupMatchSelectWidth={!compact}
          showSearch={field.options === "industry" ? { optionFilterProp: "label" } : false}
          placeholder={field.options === "industry" ? "输入代码或名称搜索，如 65 或 软件" : "请选择"}
          style={{ width: "100%" }}
          onChange={(next: string | string[] | undefined) => set(next ?? (field.multiple ? [] : null))}
        />
      );
    case "levels":
      return (
        <fieldset id={id} aria-label={label} className="lx-choice lx-fieldset">
          <Checkbox.Group
            value={Array.isArray(value) ? (value as string[]) : []}
            options={levelOptions
              .filter((option) => !props.levels || props.levels.includes(option.value as LevelCode))
              .map((option) => ({ value: option.value, label: option.label }))}
            onChange={(next) => set(next as string[])}
          />
        </fieldset>
      );
    case "yesNo":
      return (
        <Radio.Group
          id={id}
          className="lx-choice"
          aria-label={label}
          value={typeof value === "boolean" ? value : undefined}
          options={[
            { value: true, label: "是" },
            { value: false, label: "否" },
          ]}
          onChange={(event) => set(event.target.value as boolean)}
        />
      );
    case "consent":
      return (
        <Checkbox
          id={id}
          checked={value === true}
          disabled={readOnly}
          onChange={(event) => set(event.target.checked)}
        >
          本单位已阅读并作出上述承诺
        </Checkbox>
      );
  }
});
