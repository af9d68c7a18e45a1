import { Steps } from "antd";
import type { Application } from "./types";

const STATUS = { done: "finish", current: "process", waiting: "wait", failed: "error" } as const;

/**
 * 申报进度: 提交 → 推荐/形式审查 → 专家评议 → 审定 → 公示 → 纳入目录, the current step marked with
 * what is happening there. Laid out vertically on a phone.
 */
export function ProgressSteps({ application }: { application: Application }) {
  if (application.status === "draft") return null;
  const current = application.progress.findIndex(
    (step) => step.state === "current" || step.state === "failed",
  );
  return (
    <nav aria-label="申报进度" className="lx-progress">
      <Steps
        size="small"
        responsive
        current={current < 0 ? application.progress.length : current}
        items={application.progress.map((step) => ({
          key: step.stage,
          title: step.title,
          status: STATUS[step.state],
          description: step.note ?? (step.state === "done" ? "已完成" : undefined),
        }))}
      />
    </nav>
  );
}
