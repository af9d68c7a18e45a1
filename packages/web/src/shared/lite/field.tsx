import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
  useState,
} from "react";
import "./lite.css";

/** What a control inside a field needs to be named by its label and described by its messages. */
export type FieldControl = {
  id: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
  "aria-required"?: true;
};

/**
 * One form field: the label (the control's accessible name, without the required mark, which CSS
 * draws), the control, a hint and the error, both read out with the control. `children` gets the
 * props to spread on the control.
 */
export function LiteField({
  label,
  required,
  error,
  extra,
  children,
}: {
  label: string;
  required?: boolean;
  /** The message to show, or nothing when the value is fine. */
  error?: string | null;
  extra?: ReactNode;
  children: (control: FieldControl) => ReactNode;
}) {
  const id = useId();
  const extraId = `${id}-extra`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : null, extra ? extraId : null].filter(Boolean).join(" ");
  return (
    <div className="lite-field">
      <label htmlFor={id} className={required ? "lite-field-label lite-field-required" : "lite-field-label"}>
        {label}
      </label>
      {children({
        id,
        ...(error ? { "aria-invalid": true as const } : {}),
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        ...(required ? { "aria-required": true as const } : {}),
      })}
      {error && (
        <div id={errorId} className="lite-field-error" role="alert">
          {error}
        </div>
      )}
      {extra && (
        <div id={extraId} className="lite-field-extra">
          {extra}
        </div>
      )}
    </div>
  );
}

export function LiteInput({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={className ? `lite-input ${className}` : "lite-input"} {...props} />;
}

/**
 * A password box with a 显示 / 隐藏 switch after it, so a person can check what they typed (long
 * passwords on a phone). The switch is named by its own text, not as a label of the box.
 */
export function LitePasswordInput({
  className,
  ...props
}: Omit<InputHTMLAttributes<HTMLInputElement>, "type">) {
  const [shown, setShown] = useState(false);
  return (
    <span className="lite-password">
      <LiteInput {...props} className={className} type={shown ? "text" : "password"} />
      <button
        type="button"
        className="lite-password-switch"
        aria-pressed={shown}
        aria-controls={props.id}
        onClick={() => setShown((now) => !now)}
      >
        {shown ? "隐藏" : "显示"}
      </button>
    </span>
  );
}

export function LiteTextArea({ className, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea className={className ? `lite-textarea ${className}` : "lite-textarea"} {...props} />;
}

export type LiteOption = { value: string; label: string };

/** A native select: light, and usable with every phone's own picker. */
export function LiteSelect({
  options,
  placeholder,
  className,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & { options: LiteOption[]; placeholder?: string }) {
  return (
    <select className={className ? `lite-select ${className}` : "lite-select"} {...props}>
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
