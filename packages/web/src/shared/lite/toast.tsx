import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from "react";
import "./lite.css";

type Toast = { id: number; kind: "success" | "error" | "info"; text: string };
type ToastApi = {
  success: (text: string) => void;
  error: (text: string) => void;
  info: (text: string) => void;
};

const ToastContext = createContext<ToastApi | null>(null);

/**
 * Short messages at the top of the page ("已安全退出"), gone after three seconds, read out by a
 * live region — what antd's `message` does, for pages drawn without antd.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const show = useCallback((kind: Toast["kind"], text: string) => {
    const id = nextId.current++;
    setToasts((shown) => [...shown, { id, kind, text }]);
    window.setTimeout(() => setToasts((shown) => shown.filter((toast) => toast.id !== id)), 3000);
  }, []);
  const api = useMemo<ToastApi>(
    () => ({
      success: (text) => show("success", text),
      error: (text) => show("error", text),
      info: (text) => show("info", text),
    }),
    [show],
  );
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="lite-toasts" role="status" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className={`lite-toast lite-toast-${toast.kind}`}>
            {toast.text}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error("useToast needs a ToastProvider above it");
  return api;
}
