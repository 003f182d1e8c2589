/// <reference types="vitest/config" />
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The gateway serves the API and the SPA from one origin; in development Vite stands in for the SPA half.
const gateway = process.env.TIENDO_GATEWAY_URL ?? "http://127.0.0.1:8000";
const proxy = {
  "/api": { target: gateway, changeOrigin: false },
  "/.well-known": { target: gateway, changeOrigin: false },
};

export default defineConfig({
  plugins: [react()],
  base: "/",
  server: { proxy },
  preview: { proxy },
  build: { outDir: "dist" },
  test: {
    environment: "jsdom",
    setupFiles: ["./src/test/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    css: false,
    restoreMocks: true,
    unstubGlobals: true,
  },
});
