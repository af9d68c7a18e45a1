import { Button, Col, Form, Input, Row, Select } from "antd";
import { useEffect, useState } from "react";
import { usePublicBatches } from "../public/queries";
import { catalogSelects, catalogSortOptions } from "./catalog-filter-options";
import type { CatalogFilters, CatalogSort } from "./types";

/**
 * The catalog's filters in the office's 目录管理, drawn with antd (the public query draws its own,
 * catalog-query-filters.tsx). Selections apply at once; the keyword applies on 查询 or Enter. Every
 * control has a visible label (people query this with a screen reader too).
 */
export function CatalogFiltersBar({
  value,
  onChange,
  idPrefix = "admin-catalog",
}: {
  value: CatalogFilters;
  /**
   * Receives an update of the filters, not the filters: applied to the newest state, so a choice
   * made while the previous one still renders is not lost.
   */
  onChange: (update: (current: CatalogFilters) => CatalogFilters) => void;
  idPrefix?: string;
}) {
  const batches = usePublicBatches();
  const [keyword, setKeyword] = useState(value.q ?? "");
  useEffect(() => setKeyword(value.q ?? ""), [value.q]);

  const selects = catalogSelects(batches.data ?? []);

  const set = (patch: CatalogFilters) => onChange((current) => ({ ...current, ...patch }));
  return (
    <Form layout="vertical" component="div" className="lx-catalog-filters">
      <Row gutter={[16, 0]}>
        <Col xs={24} md={12} xl={8}>
          <Form.Item label="关键词" htmlFor={`${idPrefix}-q`}>
            <Input.Search
              id={`${idPrefix}-q`}
              placeholder="机构名称或统一社会信用代码"
              allowClear
              enterButton="查询"
              maxLength={100}
              value={keyword}
              onChange={(event) => setKeyword(event.target.value)}
              onSearch={(text) => set({ q: text.trim() || undefined })}
            />
          </Form.Item>
        </Col>
        {selects.map((select) => (
          <Col key={select.key} xs={12} md={6} xl={4}>
            <Form.Item label={select.label} htmlFor={`${idPrefix}-${select.key}`}>
              <Select
                id={`${idPrefix}-${select.key}`}
                allowClear
                placeholder="全部"
                showSearch={{ optionFilterProp: "label" }}
                value={value[select.key] || undefined}
                options={select.options}
                onChange={(next?: string) => set({ [select.key]: next || undefined })}
                popupMatchSelectWidth={false}
              />
            </Form.Item>
          </Col>
        ))}
        <Col xs={12} md={6} xl={4}>
          <Form.Item label="排序" htmlFor={`${idPrefix}-sort`}>
            <Select
              id={`${idPrefix}-sort`}
              value={value.sort ?? "name"}
              options={catalogSortOptions}
              onChange={(sort: CatalogSort) => set({ sort: sort === "name" ? undefined : sort })}
              popupMatchSelectWidth={false}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Form.Item label=" " colon={false}>
            <Button onClick={() => onChange(() => ({}))}>清空条件</Button>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
