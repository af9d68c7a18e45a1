import { type FormEvent, useEffect, useState } from "react";
import { LiteButton } from "../../shared/lite/button";
import { LiteField, LiteInput, LiteSelect } from "../../shared/lite/field";
import { usePublicBatches } from "../public/queries";
import { catalogSelects, catalogSortOptions } from "./catalog-filter-options";
import type { CatalogFilters, CatalogSort } from "./types";
import "./catalog.css";

/**
 * The public query's filters, as native controls (light, and every phone's own picker). Selections
 * apply at once; the keyword applies on 查询 or Enter, or at once when emptied. Every control has a
 * visible label (people query this with a screen reader too).
 */
export function CatalogQueryFilters({
  value,
  onChange,
}: {
  value: CatalogFilters;
  /**
   * Receives an update of the filters, not the filters: applied to the newest state, so a choice
   * made while the previous one still renders is not lost.
   */
  onChange: (update: (current: CatalogFilters) => CatalogFilters) => void;
}) {
  const batches = usePublicBatches();
  const [keyword, setKeyword] = useState(value.q ?? "");
  useEffect(() => setKeyword(value.q ?? ""), [value.q]);

  const set = (patch: CatalogFilters) => onChange((current) => ({ ...current, ...patch }));
  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    set({ q: keyword.trim() || undefined });
  };

  return (
    <div className="lx-catalog-query-filters">
      <form className="lx-catalog-keyword" onSubmit={search}>
        <LiteField label="关键词">
          {(control) => (
            <div className="lx-catalog-search">
              <LiteInput
                {...control}
                type="search"
                placeholder="机构名称或统一社会信用代码"
                maxLength={100}
                value={keyword}
                onChange={(event) => {
                  setKeyword(event.target.value);
                  // Emptying the box (its ✕ included) shows every institution again, as antd's did.
                  if (!event.target.value && value.q) set({ q: undefined });
                }}
              />
              <LiteButton type="submit" variant="primary">
                查询
              </LiteButton>
            </div>
          )}
        </LiteField>
      </form>
      {catalogSelects(batches.data ?? []).map((select) => (
        <LiteField key={select.key} label={select.label}>
          {(control) => (
            <LiteSelect
              {...control}
              placeholder="全部"
              options={select.options}
              value={value[select.key] ?? ""}
              onChange={(event) => set({ [select.key]: event.target.value || undefined })}
            />
          )}
        </LiteField>
      ))}
      <LiteField label="排序">
        {(control) => (
          <LiteSelect
            {...control}
            options={catalogSortOptions}
            value={value.sort ?? "name"}
            onChange={(event) => {
              const sort = event.target.value as CatalogSort;
              set({ sort: sort === "name" ? undefined : sort });
            }}
          />
        )}
      </LiteField>
      <div className="lx-catalog-clear">
        <LiteButton onClick={() => onChange(() => ({}))}>清空条件</LiteButton>
      </div>
    </div>
  );
}
