import { Tag } from "antd";
import type { PublicBatchSummary } from "../app/api-types";
import { kindLabel, regionLabel } from "./labels";

/** 演示 first and loud: nobody may mistake a demo batch for a real notice. */
export function DemoTag({ isDemo }: { isDemo: boolean }) {
  if (!isDemo) return null;
  return (
    <Tag color="orange" title="系统演示用批次，不具任何效力">
      演示
    </Tag>
  );
}

export function PhaseTag({ phase }: { phase: PublicBatchSummary["phase"] }) {
  return phase === "open" ? <Tag color="blue">申报中</Tag> : <Tag>已截止</Tag>;
}

export function ScopeText({ scope }: { scope: PublicBatchSummary["scope"] }) {
  return <>{scope.level === "national" ? "全国" : regionLabel(scope.regionCode)}</>;
}

export function KindTags({ kinds }: { kinds: PublicBatchSummary["kinds"] }) {
  return (
    <>
      {kinds.map((kind) => (
        <Tag key={kind} color={kind === "training" ? "geekblue" : "cyan"}>
          {kindLabel(kind)}
        </Tag>
      ))}
    </>
  );
}
