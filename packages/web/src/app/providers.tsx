import { QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import "../shared/dates";
import { ToastProvider } from "../shared/lite/toast";
import { queryClient } from "./query-client";

/** What every page needs. Ant Design's providers wrap only the parts drawn with it (`AntdRoot`). */
export function Providers({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>{children}</ToastProvider>
    </QueryClientProvider>
  );
}
