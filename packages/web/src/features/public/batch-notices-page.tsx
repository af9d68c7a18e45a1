import { Alert, Breadcrumb, Skeleton } from "antd";
import { Link } from "react-router";
import { errorText } from "../../shared/form-errors";
import { SectionTitle } from "../../shared/section-title";
import { BatchNoticeList } from "./batch-notice-list";
import { usePublicBatches } from "./queries";

export function BatchNoticesPage() {
  const batches = usePublicBatches();
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={[{ title: <Link to="/">首页</Link> }, { title: "通知公告" }]}
      />
      <div className="lx-panel">
        <SectionTitle title="通知公告" as="h1" />
        {batches.isPending && <Skeleton active />}
        {batches.isError && <Alert type="error" showIcon title={errorText(batches.error)} />}
        {batches.isSuccess && <BatchNoticeList items={batches.data} detailed />}
      </div>
    </>
  );
}
