import { useEffect, useId, useRef } from "react";
import { LiteButton } from "../../shared/lite/button";

/**
 * 请核对统一社会信用代码: the server's doubt about a check character, asked in a native modal
 * dialog (focus kept inside, Esc closes it) instead of antd's Modal.confirm. Mounted only while
 * asking, so that its name is not found on the page otherwise.
 */
export function CreditCodeConfirm({
  message,
  onConfirm,
  onCancel,
}: {
  /** The server's words. */
  message: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="lx-auth-dialog"
      aria-labelledby={titleId}
      // Esc: the browser closes the dialog; the page learns it here.
      onClose={onCancel}
    >
      <h2 id={titleId}>请核对统一社会信用代码</h2>
      <p>{message}</p>
      <div className="lx-auth-dialog-actions">
        <LiteButton onClick={onCancel}>返回修改</LiteButton>
        <LiteButton variant="primary" onClick={onConfirm}>
          我已核对，该代码与营业执照一致
        </LiteButton>
      </div>
    </dialog>
  );
}
