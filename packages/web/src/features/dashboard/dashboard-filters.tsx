import { isKindCode, isRegionCode, KINDS, REGIONS } from "@linxuan/domain";
import { Button, Col, Form, Row, Select } from "antd";
import { useSearchParams } from "react-router";
import type { User } from "../../app/api-types";
import { useStaffBatches } from "../batches/queries";
import type { DashboardFilter } from "./types";

type Key = keyof DashboardFilter;

/**
 * The dashboard's filters, kept in the address (?batchId=&region=&kind=) so that a link, a reload
 * and the Excel export all show the same figures. A provincial office sees its own province only:
 * the server enforces that, and the region select shows it fixed.
 */
export function useDashboardFilter(user: User) {
  const [params, setParams] = useSearchParams();
  const fixedRegion = user.role === "provincialOffice" ? (user.regionCode ?? undefined) : undefined;
  const region = params.get("region") ?? undefined;
  const kind = params.get("kind") ?? undefined;
  const filter: DashboardFilter = {
    batchId: params.get("batchId") || undefined,
    region: fixedRegion ?? (region && isRegionCode(region) ? region : undefined),
    kind: kind && isKindCode(kind) ? kind : undefined,
  };
  const set = (key: Key, value: string | undefined) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const reset = () => setParams(new URLSearchParams(), { replace: true });
  return { filter, set, reset, regionFixed: Boolean(fixedRegion) };
}

export function DashboardFilters({
  filter,
  onChange,
  onReset,
  regionFixed,
}: {
  filter: DashboardFilter;
  onChange: (key: Key, value: string | undefined) => void;
  onReset: () => void;
  regionFixed: boolean;
}) {
  const batches = useStaffBatches();
  const batchOptions = (batches.data ?? [])
    .filter((batch) => batch.status !== "draft")
    .map((batch) => ({ value: batch.id, label: batch.shortTitle }));
  const common = { allowClear: true, popupMatchSelectWidth: false, style: { width: "100%" } } as const;
  return (
    <Form layout="vertical" component="div" className="lx-dashboard-filters">
      <Row gutter={[16, 0]} align="bottom">
        <Col xs={24} md={10} xl={9}>
          <Form.Item label="遴选批次" htmlFor="dashboard-batch">
            <Select
              {...common}
              id="dashboard-batch"
              placeholder="全部批次"
              loading={batches.isPending}
              showSearch={{ optionFilterProp: "label" }}
              value={filter.batchId}
              options={batchOptions}
              onChange={(value?: string) => onChange("batchId", value)}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={5} xl={5}>
          <Form.Item label="所在地区" htmlFor="dashboard-region">
            <Select
              {...common}
              id="dashboard-region"
              placeholder="全国"
              disabled={regionFixed}
              showSearch={{ optionFilterProp: "label" }}
              value={filter.region}
              options={REGIONS.map((region) => ({ value: region.code, label: region.name }))}
              onChange={(value?: string) => onChange("region", value)}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={5} xl={4}>
          <Form.Item label="机构类型" htmlFor="dashboard-kind">
            <Select
              {...common}
              id="dashboard-kind"
              placeholder="全部类型"
              value={filter.kind}
              options={KINDS.map((kind) => ({ value: kind.code, label: kind.name }))}
              onChange={(value?: string) => onChange("kind", value)}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={4} xl={6}>
          <Form.Item label=" " colon={false}>
            <Button onClick={onReset}>重置条件</Button>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
