import type { KindCode } from "@linxuan/domain";

/* The dashboard charts' shared look: the platform's blue, muted axes, room for axis names. */

export const kindColors: Record<KindCode, string> = { training: "#0b4f9c", evaluation: "#14a0a0" };
export const axisColor = "#86909c";
export const splitLine = { lineStyle: { color: "#eef0f3" } };

/** "人工智能工程技术人员" → "人工智能": the axis has room for the distinctive part only. */
export function shortOccupation(name: string): string {
  return name.replace(/工程技术人员$/, "");
}

/** A horizontal count axis, its name centred under the numbers. */
export const countAxis = (name: string) => ({
  type: "value" as const,
  name,
  nameLocation: "middle" as const,
  nameGap: 28,
  minInterval: 1,
  nameTextStyle: { color: axisColor },
  axisLabel: { color: axisColor },
  splitLine,
});

/** Margins inside which everything, axis names included, is laid out (ECharts 6 outer bounds). */
export const grid = (left: number, right: number, top: number, bottom: number) => ({
  left,
  right,
  top,
  bottom,
  outerBoundsMode: "same" as const,
  outerBoundsContain: "all" as const,
});

export const tooltipAxis = { trigger: "axis" as const, axisPointer: { type: "shadow" as const } };

/** A bar label that stays blank for zero. */
export function hideZero(params: { value?: unknown }): string {
  return Number(params.value) > 0 ? String(params.value) : "";
}
