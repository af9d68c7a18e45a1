import type { ReactNode } from "react";

/** A table too wide for a phone scrolls sideways; below 768 px a line above it says so. */
export function WideTable({ children }: { children: ReactNode }) {
  return (
    <div className="lx-wide-table">
      <p className="lx-wide-table-hint" aria-hidden="true">
        表格较宽，可左右滑动查看全部列 →
      </p>
      {children}
    </div>
  );
}
