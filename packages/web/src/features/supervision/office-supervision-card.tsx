import { Card, Col, Row, Statistic } from "antd";
import { Link } from "react-router";
import { usePublicNotices } from "../public-notices/queries";
import { useComplaints, useReminders } from "./queries";

/** The office home's 公示与目录 card: what is waiting, each figure a link to where it is handled. */
export function OfficeSupervisionCard() {
  const publicNotices = usePublicNotices();
  const reminders = useReminders();
  const complaints = useComplaints();
  const open = (publicNotices.data ?? []).filter((publicNotice) => publicNotice.phase === "open").length;
  const toConfirm = (publicNotices.data ?? []).filter(
    (publicNotice) => publicNotice.phase === "ended",
  ).length;
  const pending = (complaints.data ?? []).filter((item) => item.status !== "closed").length;
  const due = reminders.data?.assessmentsDue ?? [];
  const figures = [
    {
      label: "公示中",
      value: open,
      unit: "个",
      to: "/workbench/public-notices",
      loading: publicNotices.isPending,
    },
    {
      label: "期满待确认纳入目录",
      value: toConfirm,
      unit: "个",
      to: "/workbench/public-notices",
      loading: publicNotices.isPending,
    },
    {
      label: "即将到期（90天内）",
      value: reminders.data?.expiring.length ?? 0,
      unit: "家",
      to: "/workbench/catalog-admin?status=expiring",
      loading: reminders.isPending,
    },
    {
      label: `待完成考核评估${due.some((item) => item.overdue) ? `（逾期${due.filter((item) => item.overdue).length}）` : ""}`,
      value: due.length,
      unit: "项",
      to: "/workbench/assessments",
      loading: reminders.isPending,
    },
    {
      label: "待办结投诉举报",
      value: pending,
      unit: "件",
      to: "/workbench/complaints",
      loading: complaints.isPending,
    },
  ];
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>公示与目录监督</h2>} style={{ marginBottom: 16 }}>
      <Row gutter={[16, 16]}>
        {figures.map((figure) => (
          <Col key={figure.label} xs={12} md={8} xl={4}>
            <Link to={figure.to} style={{ display: "block", color: "inherit" }}>
              <Statistic
                loading={figure.loading}
                title={figure.label}
                value={figure.value}
                suffix={figure.unit}
              />
            </Link>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
