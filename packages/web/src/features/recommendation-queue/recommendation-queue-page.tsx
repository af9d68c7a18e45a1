import {
  type ApplicationStatus,
  applicationStatuses,
  applicationStatusNames,
  type EligibilityOutcome,
  KINDS,
  LEVELS,
  OCCUPATIONS,
} from "@linxuan/domain";
import { Alert, Card, Empty, Input, Select, Space, Typography } from "antd";
import { useState } from "react";
import type { KindCode, LevelCode, OccupationCode } from "../../app/api-types";
import { useSession } from "../../app/session";
import { formatInstant } from "../../shared/dates";
import { errorText } from "../../shared/form-errors";
import { outcomeLabels } from "../applications/eligibility-panel";
import { BatchExportButton } from "../jobs/batch-export-button";
import { ClosurePanel } from "./closure-panel";
import { NumberLookup } from "./number-lookup";
import { useQueue } from "./queries";
import { QueueTable } from "./queue-table";
import { QuotaBar } from "./quota-bar";
import { BatchSelect, useBatchParam, useStageBatches } from "./stage-batches";
import type { QueueFilter } from "./types";

type Filters = Omit<QueueFilter, "batchId">;

const statusOptions = applicationStatuses
  .filter((status) => status !== "draft")
  .map((status) => ({ value: status, label: applicationStatusNames[status] }));

const sortOptions: { value: NonNullable<Filters["sort"]>; label: string }[] = [
  { value: "submittedAt", label: "按提交时间" },
  { value: "institution", label: "按单位名称" },
  { value: "eligibility", label: "按资格条件" },
  { value: "rank", label: "按推荐排名" },
];

/** /workbench/recommendation-queue — 推荐审核队列 of a recommender or the receiving centre. */
export function RecommendationQueuePage() {
  const { data: user } = useSession();
  if (!user) return null;
  return <QueueView user={user} />;
}

function QueueView({ user }: { user: NonNullable<ReturnType<typeof useSession>["data"]> }) {
  const centre = user.role === "receivingCentre";
  const stages = useStageBatches(user, centre ? "formalCheck" : "recommendation");
  const { batchId, choose, batch } = useBatchParam(stages.batches);
  const [filters, setFilters] = useState<Filters>({ sort: "submittedAt" });
  const [search, setSearch] = useState("");
  const queue = useQueue(batchId ? { batchId, ...filters } : null);
  const data = queue.data;
  const set = (patch: Filters) => setFilters((prev) => ({ ...prev, ...patch }));

  return (
    <>
      <div className="lx-page-heading">
        <div>
          <h1>审核队列</h1>
          <Typography.Text type="secondary">
            {centre
              ? "登记申报单位报送的纸质材料，材料齐全后通过形式审查。"
              : "审核本单位受理的申报，择优推荐（名额内，写明推荐理由和排名），不符合要求的退回修改或不予推荐。"}
          </Typography.Text>
        </div>
        <Space orientation="vertical" align="end">
          <BatchSelect
            batches={stages.batches}
            value={batchId}
            onChange={choose}
            loading={stages.isPending}
          />
          {batchId && <BatchExportButton batchId={batchId} batchTitle={batch?.shortTitle} align="end" />}
        </Space>
      </div>
      {stages.error && (
        <Alert type="error" showIcon title={errorText(stages.error)} style={{ marginBottom: 16 }} />
      )}
      {!stages.isPending && stages.batches.length === 0 ? (
        <Card>
          <Empty description="目前没有涉及本单位的已发布批次" />
        </Card>
      ) : (
        <>
          {queue.isError && !data && <Alert type="error" showIcon title={errorText(queue.error)} />}
          {data && <StageAlert queue={data} centre={centre} />}
          {centre && (
            <Card size="small" style={{ marginBottom: 16 }}>
              <NumberLookup batchId={batchId} />
            </Card>
          )}
          {data && !centre && <QuotaBar quotas={data.quotas} />}
          {data && !centre && <ClosurePanel queue={data} />}
          <Card>
            <Space wrap style={{ marginBottom: 16 }}>
              <Select<KindCode>
                aria-label="机构类型"
                allowClear
                placeholder="全部机构类型"
                style={{ width: 140 }}
                value={filters.kind}
                options={KINDS.map((kind) => ({ value: kind.code, label: kind.name }))}
                onChange={(kind) => set({ kind })}
              />
              <Select<OccupationCode>
                aria-label="职业"
                allowClear
                placeholder="全部职业"
                style={{ width: 220 }}
                value={filters.occupation}
                options={OCCUPATIONS.map((item) => ({ value: item.code, label: item.name }))}
                onChange={(occupation) => set({ occupation })}
              />
              <Select<LevelCode>
                aria-label="等级"
                allowClear
                placeholder="全部等级"
                style={{ width: 110 }}
                value={filters.level}
                options={LEVELS.map((level) => ({ value: level.code, label: level.name }))}
                onChange={(level) => set({ level })}
              />
              <Select<ApplicationStatus>
                aria-label="状态"
                allowClear
                placeholder="全部状态"
                style={{ width: 140 }}
                value={filters.status}
                options={statusOptions}
                onChange={(status) => set({ status })}
              />
              <Select<EligibilityOutcome>
                aria-label="资格条件"
                allowClear
                placeholder="资格条件"
                style={{ width: 120 }}
                value={filters.eligibility}
                options={(["pass", "review", "fail"] as const).map((value) => ({
                  value,
                  label: outcomeLabels[value].text,
                }))}
                onChange={(eligibility) => set({ eligibility })}
              />
              <Input.Search
                aria-label="搜索单位名称或统一社会信用代码"
                placeholder="单位名称或统一社会信用代码"
                allowClear
                style={{ width: 280 }}
                value={search}
                onChange={(event) => setSearch(event.target.value)}
                onSearch={(q) => set({ q: q.trim() || undefined })}
                enterButton="查询"
              />
              <Select
                aria-label="排序"
                style={{ width: 140 }}
                value={filters.sort}
                options={sortOptions}
                onChange={(sort) => set({ sort })}
              />
            </Space>
            <QueueTable
              items={data?.items ?? []}
              loading={queue.isFetching || stages.isPending}
              error={queue.error}
              centre={centre}
              paperCopies={data?.batch.paperCopies ?? 0}
              batchId={batchId ?? ""}
            />
          </Card>
        </>
      )}
    </>
  );
}

/** Says plainly when nothing can be changed any more, and why. */
export function StageAlert({
  queue,
  centre,
}: {
  queue: NonNullable<ReturnType<typeof useQueue>["data"]>;
  centre: boolean;
}) {
  const name = centre ? "纸质材料接收与形式审查环节" : "审核推荐环节";
  if (queue.stage && !queue.stage.open) {
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={`${name}已于${formatInstant(queue.stage.closesAt)}截止，不能再操作。`}
      />
    );
  }
  if (queue.stage?.closesAt) {
    return (
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={`${name}截止时间：${formatInstant(queue.stage.closesAt)}${centre ? `；纸质材料应为一式${queue.batch.paperCopies}份` : ""}`}
      />
    );
  }
  if (centre) {
    return (
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={`纸质材料应为一式${queue.batch.paperCopies}份；登记足够份数后才能通过形式审查。`}
      />
    );
  }
  return null;
}
