import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** The analyst web app, built into dist/web and served by `moneytrail serve` at `/`. */
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/",
  plugins: [react()],
  build: {
    minify: process.env.DEBUG_WEB ? false : "esbuild",
    outDir: fileURLToPath(new URL("../dist/web", import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { "^/(entities|search|match|catalog|documents|openapi.json)": "http://127.0.0.1:8080" },
  },
});
