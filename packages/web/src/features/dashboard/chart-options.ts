import { applicationStatuses, kindName, OCCUPATIONS } from "@linxuan/domain";
import {
  axisColor,
  countAxis,
  grid,
  hideZero,
  kindColors,
  shortOccupation,
  splitLine,
  tooltipAxis,
} from "./chart-theme";
import type { ChartOption } from "./echart";
import type {
  CoverageCell,
  ExpertLoad,
  FunnelStep,
  KindCount,
  OccupationCount,
  RegionCount,
  StatusCount,
} from "./types";

/*
 * The dashboard's charts as pure functions of the server's figures: same data, same picture.
 * The two kinds of institution are always blue / teal (chart-theme.ts).
 */

/** 按职业: a horizontal bar per occupation (all ten, in the notices' order), split by kind. */
export function occupationOption(items: OccupationCount[]): ChartOption {
  const kinds = (["training", "evaluation"] as const).filter((kind) => items.some((i) => i.kind === kind));
  const occupations = [...OCCUPATIONS].reverse();
  return {
    tooltip: tooltipAxis,
    legend: { top: 0, right: 0, data: kinds.map((kind) => kindName(kind)) },
    grid: grid(8, 40, 32, 24),
    xAxis: countAxis("申报数（份）"),
    yAxis: {
      type: "category",
      data: occupations.map((item) => shortOccupation(item.name)),
      axisLabel: { color: "#4e5969" },
      axisTick: { show: false },
    },
    series: kinds.map((kind) => ({
      type: "bar" as const,
      name: kindName(kind),
      stack: "kind",
      barMaxWidth: 18,
      itemStyle: { color: kindColors[kind] },
      label: { show: true, position: "inside" as const, color: "#fff", formatter: hideZero },
      data: occupations.map(
        (occupation) =>
          items.find((item) => item.kind === kind && item.occupation === occupation.code)?.count ?? 0,
      ),
    })),
  };
}

/** 按地区: provinces ranked by submitted applications, the largest on top. */
export function regionOption(items: RegionCount[]): ChartOption {
  return {
    tooltip: { ...tooltipAxis, valueFormatter: (value) => `${value} 份` },
    grid: grid(8, 48, 28, 24),
    xAxis: countAxis("申报数（份）"),
    yAxis: {
      type: "category",
      inverse: true,
      data: items.map((item) => item.regionName),
      axisLabel: { color: "#4e5969" },
      axisTick: { show: false },
    },
    series: [
      {
        type: "bar",
        name: "申报数",
        barMaxWidth: 16,
        itemStyle: { color: "#2f6fbf", borderRadius: [0, 2, 2, 0] },
        label: { show: true, position: "right", color: "#1f2329" },
        data: items.map((item) => item.count),
      },
    ],
  };
}

/** 按机构类型: a ring with the share of each kind. */
export function kindOption(items: KindCount[]): ChartOption {
  return {
    tooltip: { trigger: "item", formatter: "{b}：{c} 份（{d}%）" },
    legend: { bottom: 0 },
    series: [
      {
        type: "pie",
        name: "机构类型",
        radius: ["40%", "62%"],
        percentPrecision: 1,
        center: ["50%", "46%"],
        label: { formatter: "{b}\n{c} 份 · {d}%", color: "#1f2329", lineHeight: 18, overflow: "none" },
        data: items.map((item) => ({
          name: item.kindName,
          value: item.count,
          itemStyle: { color: kindColors[item.kind] },
        })),
      },
    ],
  };
}

/** 按状态: every status present, in the order an application goes through them. */
export function statusOption(items: StatusCount[]): ChartOption {
  const order = (status: string) =>
    applicationStatuses.indexOf(status as (typeof applicationStatuses)[number]);
  const sorted = [...items].sort((a, b) => order(a.status) - order(b.status));
  return {
    tooltip: { ...tooltipAxis, valueFormatter: (value) => `${value} 份` },
    grid: grid(8, 16, 36, 8),
    xAxis: {
      type: "category",
      data: sorted.map((item) => item.statusName),
      axisLabel: { color: "#4e5969", interval: 0, rotate: sorted.length > 6 ? 30 : 0 },
      axisTick: { show: false },
    },
    yAxis: {
      type: "value",
      name: "数量（份）",
      minInterval: 1,
      nameTextStyle: { color: axisColor, align: "left" },
      axisLabel: { color: axisColor },
      splitLine,
    },
    series: [
      {
        type: "bar",
        name: "数量",
        barMaxWidth: 36,
        itemStyle: { color: "#4a8bd6", borderRadius: [2, 2, 0, 0] },
        label: { show: true, position: "top", color: "#1f2329" },
        data: sorted.map((item) => item.count),
      },
    ],
  };
}

/** 流程漏斗: what reached each stage, with its share of all submitted. */
export function funnelOption(steps: FunnelStep[]): ChartOption {
  const first = steps[0]?.count ?? 0;
  const share = (count: number) => (first > 0 ? `${Math.round((count / first) * 1000) / 10}%` : "—");
  const blues = ["#0b4f9c", "#1f66b3", "#3b82d6", "#6aa3e3", "#9cc2ee"];
  return {
    tooltip: {
      trigger: "item",
      formatter: (params) => {
        const item = Array.isArray(params) ? params[0] : params;
        const value = Number(item?.value ?? 0);
        return `${item?.name}：${value} 份<br/>占已提交 ${share(value)}`;
      },
    },
    series: [
      {
        type: "funnel",
        name: "流程漏斗",
        sort: "none",
        left: "4%",
        width: "56%",
        top: 12,
        bottom: 12,
        min: 0,
        max: Math.max(first, 1),
        minSize: "6%",
        gap: 3,
        label: {
          position: "right",
          color: "#1f2329",
          formatter: (params) => `${params.name}  ${params.value} 份（${share(Number(params.value))}）`,
        },
        labelLine: { lineStyle: { color: "#c9cdd4" } },
        data: steps.map((step, index) => ({
          name: step.name,
          value: step.count,
          itemStyle: { color: blues[index % blues.length] },
        })),
      },
    ],
  };
}

/** 目录覆盖: provinces (rows, most covered first) × occupations (columns); a cell counts institutions. */
export function coverageOption(cells: CoverageCell[]): ChartOption {
  const totals = new Map<string, number>();
  for (const cell of cells) totals.set(cell.regionName, (totals.get(cell.regionName) ?? 0) + cell.count);
  const regions = [...totals].sort((a, b) => b[1] - a[1]).map(([name]) => name);
  const max = Math.max(1, ...cells.map((cell) => cell.count));
  return {
    tooltip: {
      position: "top",
      formatter: (params) => {
        const item = Array.isArray(params) ? params[0] : params;
        const [x, y, count] = (item?.value ?? []) as [number, number, number];
        return `${regions[y]} · ${OCCUPATIONS[x]?.name}<br/>目录内机构 ${count} 家`;
      },
    },
    grid: grid(8, 16, 8, 56),
    xAxis: {
      type: "category",
      data: OCCUPATIONS.map((item) => shortOccupation(item.name)),
      axisLabel: { color: "#4e5969", interval: 0 },
    },
    yAxis: {
      type: "category",
      inverse: true,
      data: regions,
      axisLabel: { color: "#4e5969" },
    },
    visualMap: {
      min: 0,
      max,
      calculable: false,
      orient: "horizontal",
      left: "center",
      bottom: 0,
      text: ["多", "少"],
      inRange: { color: ["#f5f7fa", "#c6daf2", "#0b4f9c"] },
    },
    series: [
      {
        type: "heatmap",
        name: "目录内机构数",
        label: { show: true, formatter: hideZeroHeat },
        itemStyle: { borderColor: "#fff", borderWidth: 2 },
        // Every cell drawn, the empty ones in the lightest shade: a gap is a finding, not a hole.
        data: regions.flatMap((region, y) =>
          OCCUPATIONS.map((occupation, x) => [
            x,
            y,
            cells.find((cell) => cell.regionName === region && cell.occupation === occupation.code)?.count ??
              0,
          ]),
        ),
      },
    ],
  };
}

function hideZeroHeat(params: { value?: unknown }): string {
  const value = Array.isArray(params.value) ? Number(params.value[2]) : 0;
  return value > 0 ? String(value) : "";
}

/** 专家工作量: assigned and submitted score sheets per expert, the busiest on top. */
export function expertLoadOption(items: ExpertLoad[]): ChartOption {
  return {
    tooltip: { ...tooltipAxis, valueFormatter: (value) => `${value} 份` },
    legend: { top: 0, right: 0 },
    grid: grid(8, 40, 32, 24),
    xAxis: countAxis("评分表（份）"),
    yAxis: {
      type: "category",
      inverse: true,
      data: items.map((item) => item.name),
      axisLabel: { color: "#4e5969" },
      axisTick: { show: false },
    },
    series: [
      {
        type: "bar",
        name: "已分配",
        barMaxWidth: 12,
        itemStyle: { color: "#9cc2ee" },
        label: { show: true, position: "right", color: "#4e5969" },
        data: items.map((item) => item.assigned),
      },
      {
        type: "bar",
        name: "已提交",
        barMaxWidth: 12,
        itemStyle: { color: "#0b4f9c" },
        label: { show: true, position: "right", color: "#1f2329" },
        data: items.map((item) => item.submitted),
      },
    ],
  };
}
