import type { BatchDefinition, StageCode } from "@linxuan/domain";
import { useQueries } from "@tanstack/react-query";
import { Select, Space, Tag } from "antd";
import { useEffect } from "react";
import { useSearchParams } from "react-router";
import type { StaffBatch, StaffBatchSummary, User } from "../../app/api-types";
import { api } from "../../shared/http";
import { batchesKey, useStaffBatches } from "../batches/queries";

/** A published batch with its definition: what the back-office pages of one stage pick from. */
export type StageBatch = StaffBatchSummary & { definition: BatchDefinition };

/**
 * Whether a published batch reaches the signed-in account at `stage`: the batch has the stage, and
 * its scope is the account's (national batches reach every province; regional ones their region; an
 * industry department only batches whose evaluation institutions may go through it).
 */
export function reachesUser(user: User, definition: BatchDefinition, stage: StageCode): boolean {
  if (!definition.stages.some((item) => item.code === stage)) return false;
  const scope = definition.scope;
  const ownRegion = scope.level === "region" && scope.regionCode === user.regionCode;
  switch (user.role) {
    case "nationalOffice":
      return true;
    case "provincialOffice":
    case "receivingCentre":
      return ownRegion;
    case "provincialRecommender":
      return scope.level === "national" || ownRegion;
    case "industryRecommender":
      return (
        definition.kinds.includes("evaluation") &&
        definition.recommenderChoice.evaluation === "regionOrIndustry"
      );
    default:
      return false;
  }
}

/** Published batches with `stage` that reach the user, open ones (and demo copies) first. */
export function useStageBatches(user: User, stage: StageCode) {
  const list = useStaffBatches();
  const published = (list.data ?? []).filter((batch) => batch.status === "published");
  const details = useQueries({
    queries: published.map((batch) => ({
      queryKey: [...batchesKey, batch.id],
      queryFn: () =>
        api.get<{ batch: StaffBatch }>(`/batches/${encodeURIComponent(batch.id)}`).then((body) => body.batch),
      staleTime: 60_000,
    })),
  });
  const batches: StageBatch[] = published.flatMap((summary, index) => {
    const definition = details[index]?.data?.definition;
    return definition && reachesUser(user, definition, stage) ? [{ ...summary, definition }] : [];
  });
  batches.sort(
    (a, b) =>
      Number(b.phase === "open") - Number(a.phase === "open") ||
      Number(b.isDemo) - Number(a.isDemo) ||
      b.publishedOn.localeCompare(a.publishedOn),
  );
  const error = list.error ?? details.find((detail) => detail.error)?.error ?? null;
  const isPending = list.isPending || details.some((detail) => detail.isPending);
  return { batches, isPending, error };
}

/**
 * The batch a page works on, kept in `?batchId=` so that a link or a reload shows the same batch;
 * without one the first batch is chosen (and written to the address).
 */
export function useBatchParam(batches: readonly StageBatch[]) {
  const [params, setParams] = useSearchParams();
  const asked = params.get("batchId");
  const fallback = batches[0]?.id ?? null;
  const batchId = asked ?? fallback;
  useEffect(() => {
    if (!asked && fallback) {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.set("batchId", fallback);
          return next;
        },
        { replace: true },
      );
    }
  }, [asked, fallback, setParams]);
  const choose = (id: string) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      next.set("batchId", id);
      return next;
    });
  return { batchId, choose, batch: batches.find((batch) => batch.id === batchId) ?? null };
}

export function BatchSelect({
  batches,
  value,
  onChange,
  loading,
}: {
  batches: readonly StageBatch[];
  value: string | null;
  onChange: (id: string) => void;
  loading?: boolean;
}) {
  return (
    <Select<string>
      aria-label="遴选批次"
      style={{ width: 460, maxWidth: "100%" }}
      loading={loading}
      placeholder="请选择遴选批次"
      value={value ?? undefined}
      onChange={onChange}
      optionLabelProp="title"
      options={batches.map((batch) => ({
        value: batch.id,
        title: batch.shortTitle,
        label: (
          <Space size={6}>
            <span>{batch.shortTitle}</span>
            {batch.phase === "open" ? <Tag color="green">受理中</Tag> : <Tag>已截止申报</Tag>}
          </Space>
        ),
      }))}
    />
  );
}
