import { MinusCircleOutlined } from "@ant-design/icons";
import { REGIONS } from "@linxuan/domain";
import { Button, Card, DatePicker, Select, type SelectProps } from "antd";
import type { ReactNode } from "react";

export const regionOptions = REGIONS.map((region) => ({ value: region.code, label: region.name }));

export function RegionSelect(props: SelectProps<string>) {
  return (
    <Select<string>
      showSearch={{ optionFilterProp: "label" }}
      placeholder="请选择省级地区"
      options={regionOptions}
      {...props}
    />
  );
}

/** Date and time in Beijing time; the value is a wall clock (see instantToWallClock). */
export function InstantPicker(props: Parameters<typeof DatePicker>[0]) {
  return (
    <DatePicker
      showTime={{ format: "HH:mm:ss" }}
      format="YYYY-MM-DD HH:mm:ss"
      placeholder="选择日期和时间"
      style={{ width: "100%" }}
      {...props}
    />
  );
}

export function SectionCard({
  id,
  title,
  extra,
  children,
}: {
  id: string;
  title: string;
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card
      id={`section-${id}`}
      title={<h2 style={{ margin: 0, fontSize: 16 }}>{title}</h2>}
      extra={extra}
      style={{ marginBottom: 16, scrollMarginTop: 72 }}
    >
      {children}
    </Card>
  );
}

export function RemoveButton({
  onClick,
  label,
  inline = false,
}: {
  onClick: () => void;
  label: string;
  inline?: boolean;
}) {
  return (
    <Button
      type="text"
      danger
      icon={<MinusCircleOutlined />}
      onClick={onClick}
      aria-label={label}
      title={label}
      // Lines up with the inputs of a labelled row, unless it sits in a group that already does.
      style={inline ? undefined : { marginTop: 30 }}
    />
  );
}
