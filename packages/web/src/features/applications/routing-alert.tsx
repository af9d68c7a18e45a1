import { Alert, Typography } from "antd";
import type { Application } from "./types";

const targetLabels: Record<Application["routing"]["target"], string> = {
  recommender: "推荐单位",
  receivingCentre: "接收单位",
  office: "报送单位",
  unresolved: "推荐单位",
};

/**
 * 申报去向: where the application goes — its recommender or the receiving centre — shown from the
 * moment it is started, with why, and the choice the batch offers where it offers one.
 */
export function RoutingAlert({ application }: { application: Application }) {
  const { routing } = application;
  const unresolved = routing.target === "unresolved";
  return (
    <section aria-labelledby="lx-routing-title" style={{ marginBottom: 16 }}>
      <Alert
        type={unresolved ? "warning" : "info"}
        showIcon
        title={
          <span id="lx-routing-title">
            申报去向：{targetLabels[routing.target]}{" "}
            {routing.name ? <Typography.Text strong>{routing.name}</Typography.Text> : "尚无法确定"}
          </span>
        }
        description={
          <>
            <div>{routing.basis}</div>
            {routing.choice && <div style={{ marginTop: 4 }}>{routing.choice}</div>}
          </>
        }
      />
    </section>
  );
}
