import type { ReactNode } from "react";

/** A page section's heading with its actions on the right (public pages). */
export function SectionTitle({
  title,
  extra,
  as: Heading = "h2",
}: {
  title: string;
  extra?: ReactNode;
  as?: "h1" | "h2";
}) {
  return (
    <div className="lx-section-title">
      <Heading className="lx-section-heading">{title}</Heading>
      {extra}
    </div>
  );
}
