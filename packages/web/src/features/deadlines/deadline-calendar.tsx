import { Calendar, Tooltip } from "antd";
import type { Dayjs } from "dayjs";
import { useEffect, useMemo, useState } from "react";
import { dayjs, formatInstant, inShanghai } from "../../shared/dates";
import { byDay, deadlineDay, isClosing } from "./queries";
import type { Deadline } from "./types";

const PER_CELL = 6;

/** "【演示】上海第三批培训机构遴选" → "上海第三批": enough to tell batches apart in a cell. */
function shortBatch(title: string): string {
  return title.replace(/^【演示】/, "").replace(/(培训机构|评价机构|培训机构和评价机构)?遴选$/, "");
}

/**
 * A month calendar with each batch's dates in their Beijing day's cell (opening dates in blue,
 * deadlines in red, 演示 batches marked). It opens on the month of the next date to come.
 */
export function DeadlineCalendar({ items }: { items: Deadline[] }) {
  const days = useMemo(() => byDay(items), [items]);
  const [value, setValue] = useState<Dayjs>(() => dayjs());
  const [moved, setMoved] = useState(false);
  const firstUpcoming = items.find((item) => Date.parse(item.at) >= Date.now());
  useEffect(() => {
    if (!moved && firstUpcoming) setValue(dayjs(deadlineDay(firstUpcoming)));
  }, [moved, firstUpcoming]);

  const today = inShanghai().format("YYYY-MM-DD");
  return (
    <Calendar
      className="lx-deadline-calendar"
      value={value}
      onChange={(next) => {
        setMoved(true);
        setValue(next);
      }}
      cellRender={(current, info) => {
        if (info.type === "month") {
          const month = current.format("YYYY-MM");
          const count = [...days]
            .filter(([day]) => day.startsWith(month))
            .reduce((n, [, list]) => n + list.length, 0);
          return count > 0 ? <div className="lx-dl-month-count">{count} 个关键日期</div> : null;
        }
        if (info.type !== "date") return info.originNode;
        const list = days.get(current.format("YYYY-MM-DD")) ?? [];
        if (list.length === 0) return null;
        return (
          <ul className="lx-dl-cell">
            {list.slice(0, PER_CELL).map((item) => (
              <li key={`${item.batchId}-${item.kind}`}>
                <Tooltip title={`${item.batchTitle}：${item.name}（${formatInstant(item.at)}）`}>
                  <span
                    className={`lx-dl-item ${isClosing(item) ? "lx-dl-close" : "lx-dl-open"} ${
                      deadlineDay(item) < today ? "lx-dl-past" : ""
                    }`}
                  >
                    {item.isDemo && <span className="lx-dl-demo">演示</span>}
                    {shortBatch(item.batchTitle)} {item.name.replace(/（.*）$/, "")}
                  </span>
                </Tooltip>
              </li>
            ))}
            {list.length > PER_CELL && <li className="lx-dl-more">另有 {list.length - PER_CELL} 项</li>}
          </ul>
        );
      }}
    />
  );
}
