import type { ReactNode } from "react";

/** The frame around login and register: the form on white, the program's name beside it. */
export function AuthShell({ title, aside, children }: { title: string; aside?: ReactNode; children: ReactNode }) {
  return (
    <div
      style={{
        display: "grid",
        gridTemplateColumns: "minmax(0, 5fr) minmax(0, 6fr)",
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
          background: "linear-gradient(160deg, #0b4f9c 0%, #123f7a 100%)",
          color: "#fff",
          padding: "40px 36px",
          lineHeight: 1.9,
        }}
      >
        {aside}
      </div>
      <div style={{ padding: "40px 48px" }}>
        <h1 style={{ fontSize: 22, margin: "0 0 24px", color: "#1f2329" }}>{title}</h1>
        {children}
      </div>
    </div>
  );
}

export function AsideNotes({ heading, notes }: { heading: string; notes: string[] }) {
  return (
    <>
      <h2 style={{ color: "#fff", fontSize: 18, margin: "0 0 16px" }}>{heading}</h2>
      <ol style={{ paddingInlineStart: 20, margin: 0, opacity: 0.92 }}>
        {notes.map((note) => (
          <li key={note} style={{ marginBottom: 8 }}>
            {note}
          </li>
        ))}
      </ol>
    </>
  );
}
