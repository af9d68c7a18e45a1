import type { CalendarYear } from "../../app/api-types";

const months = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const weekdays = ["一", "二", "三", "四", "五", "六", "日"];
const pad = (value: number) => String(value).padStart(2, "0");

type DayMark = { kind: "holiday" | "adjustedWorkday"; name: string | null; source: string };

function Month({
  year,
  month,
  marks,
  overrides,
}: {
  year: number;
  month: number;
  marks: Map<string, DayMark>;
  overrides: Set<string>;
}) {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const lead = (first.getUTCDay() + 6) % 7; // Monday first, as Chinese calendars are printed
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  type Cell = { key: string; day: number | null; weekday: number };
  const cells: Cell[] = [];
  for (let i = 0; i < lead; i++) cells.push({ key: `lead-${i}`, day: null, weekday: i });
  for (let day = 1; day <= length; day++) cells.push({ key: `day-${day}`, day, weekday: cells.length % 7 });
  while (cells.length % 7 !== 0)
    cells.push({ key: `trail-${cells.length}`, day: null, weekday: cells.length % 7 });
  const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));

  return (
    <div className="lx-month">
      <table>
        <caption>{month}月</caption>
        <thead>
          <tr>
            {weekdays.map((day) => (
              <th key={day} scope="col">
                {day}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]?.key}>
              {week.map(({ key, day, weekday }) => {
                if (day === null) return <td key={key} />;
                const date = `${year}-${pad(month)}-${pad(day)}`;
                const mark = marks.get(date);
                const weekend = weekday >= 5;
                const classes = [
                  mark?.kind === "holiday" ? "lx-day-holiday" : "",
                  mark?.kind === "adjustedWorkday" ? "lx-day-adjusted" : "",
                  !mark && weekend ? "lx-day-weekend" : "",
                  overrides.has(date) ? "lx-day-override" : "",
                ].join(" ");
                const kindText =
                  mark?.kind === "holiday" ? "休息日" : mark?.kind === "adjustedWorkday" ? "调休上班" : "";
                const title = mark
                  ? `${month}月${day}日 ${mark.name ?? ""} ${kindText}（${mark.source}）`
                  : undefined;
                return (
                  <td key={date} className={classes} title={title} aria-label={title}>
                    {day}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export const sourceLabels = { package: "内置数据", override: "人工维护" } as const;

/** The year at a glance: statutory holidays in red, adjusted working days (调休上班) in blue. */
export function MonthGrid({ calendar }: { calendar: CalendarYear }) {
  const marks = new Map<string, DayMark>(
    calendar.days.map((day) => [
      day.date,
      { kind: day.kind, name: day.name, source: sourceLabels[day.source] },
    ]),
  );
  const overrides = new Set(calendar.overrides.map((override) => override.date));
  return (
    <>
      <div style={{ display: "flex", gap: 16, fontSize: 12, marginBottom: 12 }} aria-hidden="true">
        <span>
          <span className="lx-day-holiday" style={{ padding: "0 6px" }}>
            1
          </span>{" "}
          法定节假日（休息）
        </span>
        <span>
          <span className="lx-day-adjusted" style={{ padding: "0 6px" }}>
            1
          </span>{" "}
          调休上班
        </span>
        <span>
          <span className="lx-day-weekend" style={{ padding: "0 6px" }}>
            1
          </span>{" "}
          周末
        </span>
        <span>
          <span className="lx-day-override" style={{ padding: "0 6px" }}>
            1
          </span>{" "}
          人工维护
        </span>
      </div>
      <div className="lx-months">
        {months.map((month) => (
          <Month key={month} year={calendar.year} month={month} marks={marks} overrides={overrides} />
        ))}
      </div>
    </>
  );
}
