import type { ReactNode } from "react";
import "./auth.css";

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
    <div className="lx-auth-shell">
      <div className="lx-auth-aside">{aside}</div>
      <div className="lx-auth-main">
        <h1 className="lx-auth-title">{title}</h1>
        {children}
      </div>
    </div>
  );
}

export function AsideNotes({ heading, notes }: { heading: string; notes: string[] }) {
  return (
    <>
      <h2 className="lx-auth-aside-heading">{heading}</h2>
      <ol className="lx-auth-notes">
        {notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ol>
    </>
  );
}
