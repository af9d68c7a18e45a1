import { Card, Empty, Segmented, Table, type TableColumnsType } from "antd";
import { type ReactNode, useId, useState } from "react";
import { type ChartOption, EChart } from "./echart";

type Props<Row> = {
  title: string;
  /** One line under the title: what is counted. */
  note?: string;
  /** Shown instead of the chart when there is nothing to draw. */
  emptyText: string;
  isEmpty: boolean;
  option: ChartOption;
  height: number;
  rows: Row[];
  columns: TableColumnsType<Row>;
  rowKey: (row: Row) => string;
  /** Drawn above the chart (e.g. an overall progress bar). */
  before?: ReactNode;
  loading?: boolean;
};

/**
 * A chart with its title, and a 表格 view of the same figures: for screen readers, for copying
 * numbers, and for anyone who reads a table faster than a picture.
 */
export function ChartCard<Row extends object>(props: Props<Row>) {
  const [view, setView] = useState<"chart" | "table">("chart");
  const headingId = useId();
  return (
    <Card
      className="lx-chart-card"
      loading={props.loading}
      title={
        <div>
          <h2 id={headingId} className="lx-chart-title">
            {props.title}
          </h2>
          {props.note && <div className="lx-chart-note">{props.note}</div>}
        </div>
      }
      extra={
        props.isEmpty ? null : (
          <Segmented
            size="small"
            aria-label={`${props.title}的显示方式`}
            value={view}
            onChange={(value) => setView(value as "chart" | "table")}
            options={[
              { value: "chart", label: "图表" },
              { value: "table", label: "表格" },
            ]}
          />
        )
      }
    >
      {props.before}
      {props.isEmpty ? (
        <div className="lx-chart-empty" style={{ minHeight: Math.min(props.height, 240) }}>
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={props.emptyText} />
        </div>
      ) : view === "chart" ? (
        <EChart option={props.option} height={props.height} label={props.title} />
      ) : (
        <Table<Row>
          size="small"
          rowKey={props.rowKey}
          dataSource={props.rows}
          columns={props.columns}
          pagination={props.rows.length > 10 ? { pageSize: 10, size: "small" } : false}
          aria-labelledby={headingId}
        />
      )}
    </Card>
  );
}
