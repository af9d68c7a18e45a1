import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { precompress } from "./precompress";

const root = fileURLToPath(new URL(".", import.meta.url));
const require = createRequire(import.meta.url);
const reactRouterRoot = require.resolve("react-router").replace(/[\\/]dist[\\/].*$/, "");

export default defineConfig(({ command }) => ({
  root,
  plugins: [react(), precompress()],
  resolve: {
    alias:
      command === "build"
        ? [
            // React Router's package exports resolve to its development build, warnings included,
            // whatever the mode (remix-run/react-router#12532); a production bundle takes the
            // production build it ships beside it.
            {
              find: /^react-router$/,
              replacement: path.join(reactRouterRoot, "dist/production/index.mjs"),
            },
          ]
        : [],
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // antd alone is larger than the default warning limit; split vendors instead of warning.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // Every page needs React and the router, and they change only with an upgrade: one
            // chunk that a browser keeps across releases of the platform's own code.
            {
              name: "react",
              test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
              priority: 2,
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { "/api": { target: "http://127.0.0.1:3000", changeOrigin: false } },
  },
  preview: {
    proxy: { "/api": { target: "http://127.0.0.1:3000", changeOrigin: false } },
  },
}));
