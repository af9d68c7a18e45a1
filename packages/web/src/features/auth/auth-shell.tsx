import type { ReactNode } from "react";

/** The frame around login and register: the form on white, the program's name beside it. */
export function AuthShell({
  title,
  aside,
  children,
}: {
  title: string;
  aside?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div
      className="lx-auth-shell"
      style={{
        display: "grid",
        background: "#fff",
        border: "1px solid #e5e6eb",
        borderRadius: 4,
        overflow: "hidden",
        maxWidth: 1000,
        margin: "0 auto",
      }}
    >
      <div
        style={{
          background: "#f3f7fc",
          borderRight: "1px solid #e5e6eb",
          borderTop: "4px solid #0b4f9c",
          color: "#4e5969",
          padding: "40px 36px",
          lineHeight: 1.9,
        }}
      >
        {aside}
      </div>
      <div style={{ padding: "40px 48px", borderTop: "4px solid #0b4f9c" }}>
        <h1 style={{ fontSize: 22, margin: "0 0 24px", color: "#1f2329" }}>{title}</h1>
        {children}
      </div>
    </div>
  );
}

export function AsideNotes({ heading, notes }: { heading: string; notes: string[] }) {
  return (
    <>
      <h2 style={{ color: "#0b4f9c", fontSize: 18, margin: "0 0 16px" }}>{heading}</h2>
      <ol style={{ paddingInlineStart: 20, margin: 0, fontSize: 14 }}>
        {notes.map((note) => (
          <li key={note} style={{ marginBottom: 8 }}>
            {note}
          </li>
        ))}
      </ol>
    </>
  );
}
