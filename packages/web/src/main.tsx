import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router";
import "./app/app.css";
import { Providers } from "./app/providers";
import { router } from "./app/router";
import { quietIcons } from "./shared/icon-labels";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
// Modals and dropdowns are drawn outside #root: watch the whole page.
quietIcons(document.body);

createRoot(root).render(
  <StrictMode>
    <Providers>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);
