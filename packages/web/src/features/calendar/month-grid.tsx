import type { CalendarYear } from "../../app/api-types";

const weekdays = ["一", "二", "三", "四", "五", "六", "日"];
const pad = (value: number) => String(value).padStart(2, "0");

type DayMark = { kind: "holiday" | "adjustedWorkday"; name: string | null; source: string };

function Month({ year, month, marks, overrides }: { year: number; month: number; marks: Map<string, DayMark>; overrides: Set<string> }) {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const lead = (first.getUTCDay() + 6) % 7; // Monday first, as Chinese calendars are printed
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const cells: (number | null)[] = [...Array<null>(lead).fill(null), ...Array.from({ length }, (_, i) => i + 1)];
  while (cells.length % 7 !== 0) cells.push(null);
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
            <tr key={`${month}-${week.find((day) => day !== null)}`}>
              {week.map((day, index) => {
                if (day === null) return <td key={`blank-${index}`} />;
                const date = `${year}-${pad(month)}-${pad(day)}`;
                const mark = marks.get(date);
                const weekend = index >= 5;
                const classes = [
                  mark?.kind === "holiday" ? "lx-day-holiday" : "",
                  mark?.kind === "adjustedWorkday" ? "lx-day-adjusted" : "",
                  !mark && weekend ? "lx-day-weekend" : "",
                  overrides.has(date) ? "lx-day-override" : "",
                ].join(" ");
                const kindText = mark?.kind === "holiday" ? "休息日" : mark?.kind === "adjustedWorkday" ? "调休上班" : "";
                const title = mark ? `${month}月${day}日 ${mark.name ?? ""} ${kindText}（${mark.source}）` : undefined;
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
    calendar.days.map((day) => [day.date, { kind: day.kind, name: day.name, source: sourceLabels[day.source] }]),
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
        {Array.from({ length: 12 }, (_, i) => (
          <Month key={i + 1} year={calendar.year} month={i + 1} marks={marks} overrides={overrides} />
        ))}
      </div>
    </>
  );
}
