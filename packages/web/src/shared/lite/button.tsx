import type { ButtonHTMLAttributes, MouseEvent, ReactNode } from "react";
import { useHref, useNavigate } from "react-router";
import "./lite.css";

export type LiteButtonLook = {
  variant?: "primary" | "default" | "link";
  size?: "small" | "middle" | "large";
  block?: boolean;
};

/** The class list of a button (or a link drawn as one). */
export function buttonClass({ variant = "default", size = "middle", block }: LiteButtonLook): string {
  return [
    "lite-button",
    variant !== "default" && `lite-button-${variant}`,
    size !== "middle" && `lite-button-${size}`,
    block && "lite-button-block",
  ]
    .filter(Boolean)
    .join(" ");
}

/** A spinner that says nothing to assistive technology (the button's text and aria-busy do). */
export function Spinner() {
  return <span className="lite-spinner" aria-hidden="true" />;
}

/**
 * A button. `loading` keeps its text, adds a spinner and refuses clicks (announced as busy), as
 * antd's does, so a double click never sends a form twice.
 */
export function LiteButton({
  variant,
  size,
  block,
  loading = false,
  type = "button",
  className,
  disabled,
  children,
  ...props
}: LiteButtonLook & ButtonHTMLAttributes<HTMLButtonElement> & { loading?: boolean }) {
  return (
    <button
      type={type}
      className={[buttonClass({ variant, size, block }), className].filter(Boolean).join(" ")}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      {...props}
    >
      {loading && <Spinner />}
      {children}
    </button>
  );
}

/**
 * A real link (opens in a new tab, announced as a link) drawn as a button, that navigates inside
 * the SPA on a plain click.
 */
export function LiteButtonLink({
  to,
  variant,
  size,
  block,
  children,
}: LiteButtonLook & { to: string; children: ReactNode }) {
  const navigate = useNavigate();
  const href = useHref(to);
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={href} className={buttonClass({ variant, size, block })} onClick={onClick}>
      {children}
    </a>
  );
}
