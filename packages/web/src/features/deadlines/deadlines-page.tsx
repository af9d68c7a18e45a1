import { Alert, Checkbox, Segmented, Skeleton, Space, Typography } from "antd";
import { useState } from "react";
import { errorText } from "../../shared/form-errors";
import { DeadlineCalendar } from "./deadline-calendar";
import { DeadlineList } from "./deadline-list";
import { useDeadlines } from "./queries";
import { SubscribeCard } from "./subscribe-card";
import "./deadlines.css";

/** /deadlines — 关键日期: every published batch's dates in a month calendar and a list, and the .ics feed. */
export function DeadlinesPage() {
  const deadlines = useDeadlines();
  const [showDemo, setShowDemo] = useState(true);
  const [range, setRange] = useState<"upcoming" | "all">("upcoming");
  const all = deadlines.data ?? [];
  const shown = all.filter((item) => showDemo || !item.isDemo);
  const listed = range === "all" ? shown : shown.filter((item) => Date.parse(item.at) >= Date.now());
  const hasDemo = all.some((item) => item.isDemo);

  return (
    <>
      <div className="lx-section-title">
        <h1 className="lx-section-heading">关键日期</h1>
      </div>
      <Typography.Paragraph type="secondary">
        各遴选批次的网上申报截止、纸质材料报送截止以及审核推荐、形式审查等环节的起止日期，均为北京时间。具体要求以各批次通知为准。
      </Typography.Paragraph>
      {deadlines.isError && (
        <Alert type="error" showIcon title={errorText(deadlines.error)} style={{ marginBottom: 16 }} />
      )}
      <SubscribeCard />
      <section className="lx-panel lx-dl-calendar-panel" aria-label="关键日期月历">
        <Space size={16} wrap className="lx-dl-legend">
          <span>
            <span className="lx-dl-dot lx-dl-open" aria-hidden="true" /> 环节开始
          </span>
          <span>
            <span className="lx-dl-dot lx-dl-close" aria-hidden="true" /> 截止日期
          </span>
          {hasDemo && (
            <span>
              <span className="lx-dl-demo">演示</span> 系统演示批次，不具任何效力
            </span>
          )}
          {hasDemo && (
            <Checkbox checked={showDemo} onChange={(event) => setShowDemo(event.target.checked)}>
              显示演示批次
            </Checkbox>
          )}
        </Space>
        {deadlines.isPending ? (
          <Skeleton active paragraph={{ rows: 10 }} />
        ) : (
          <DeadlineCalendar items={shown} />
        )}
      </section>
      <section className="lx-panel" style={{ marginTop: 24 }} aria-labelledby="deadline-list-heading">
        <div className="lx-dl-list-head">
          <h2 id="deadline-list-heading" className="lx-dl-side-title">
            日期列表
          </h2>
          <Segmented
            aria-label="显示哪些日期"
            value={range}
            onChange={(value) => setRange(value as "upcoming" | "all")}
            options={[
              { value: "upcoming", label: "即将到来" },
              { value: "all", label: "全部日期" },
            ]}
          />
        </div>
        <DeadlineList items={listed} />
      </section>
    </>
  );
}
