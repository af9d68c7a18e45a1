import type { PublicBatchSummary } from "../app/api-types";
import { kindLabel, regionLabel } from "./labels";
import { LiteTag } from "./lite/display";

/*
 * Plain tags (no antd): the public pages anyone opens draw them, and the workbench shows the same
 * ones, so a batch looks alike on both sides.
 */

/** 演示 first and loud: nobody may mistake a demo batch for a real notice. */
export function DemoTag({ isDemo }: { isDemo: boolean }) {
  if (!isDemo) return null;
  return (
    <span title="系统演示用批次，不具任何效力">
      <LiteTag color="orange">演示</LiteTag>
    </span>
  );
}

export function PhaseTag({ phase }: { phase: PublicBatchSummary["phase"] }) {
  return phase === "open" ? <LiteTag color="blue">申报中</LiteTag> : <LiteTag>已截止</LiteTag>;
}

export function ScopeText({ scope }: { scope: PublicBatchSummary["scope"] }) {
  return <>{scope.level === "national" ? "全国" : regionLabel(scope.regionCode)}</>;
}

export function KindTags({ kinds }: { kinds: PublicBatchSummary["kinds"] }) {
  return (
    <>
      {kinds.map((kind) => (
        <LiteTag key={kind} color={kind === "training" ? "blue" : "green"}>
          {kindLabel(kind)}
        </LiteTag>
      ))}
    </>
  );
}
