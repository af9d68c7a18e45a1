import { errorText } from "../../shared/form-errors";
import { LiteAlert, LiteLoading } from "../../shared/lite/display";
import { LiteBreadcrumb } from "../../shared/lite/page-parts";
import { SectionTitle } from "../../shared/section-title";
import { BatchNoticeList } from "./batch-notice-list";
import { usePublicBatches } from "./queries";
import "./public.css";

export function BatchNoticesPage() {
  const batches = usePublicBatches();
  return (
    <>
      <LiteBreadcrumb items={[{ title: "首页", to: "/" }, { title: "通知公告" }]} />
      <div className="lx-panel">
        <SectionTitle title="通知公告" as="h1" />
        {batches.isPending && <LiteLoading />}
        {batches.isError && <LiteAlert type="error" title={errorText(batches.error)} />}
        {batches.isSuccess && <BatchNoticeList items={batches.data} detailed />}
      </div>
    </>
  );
}
