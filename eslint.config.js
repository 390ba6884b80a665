/**
 * Lint: typescript-eslint's recommended rules, plus the import boundaries of
 * the layout: shells (action, cli) -> config -> report, release -> engine ->
 * dataset, workers, preprocess -> hub, competition -> util. No folder
 * imports one above it, and only the action shell talks to @actions/*.
 */
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** Each folder and the folders it must not import (everything above it). */
const ABOVE = {
  util: ["competition", "hub", "preprocess", "workers", "dataset", "engine", "report", "release", "config", "action", "cli"],
  competition: ["hub", "preprocess", "workers", "dataset", "engine", "report", "release", "config", "action", "cli"],
  hub: ["preprocess", "workers", "dataset", "engine", "report", "release", "config", "action", "cli"],
  preprocess: ["workers", "dataset", "engine", "report", "release", "config", "action", "cli"],
  workers: ["dataset", "engine", "report", "release", "config", "action", "cli"],
  dataset: ["workers", "engine", "report", "release", "config", "action", "cli"],
  engine: ["report", "release", "config", "action", "cli"],
  report: ["release", "config", "action", "cli"],
  release: ["report", "config", "action", "cli"],
  config: ["action", "cli"],
  action: ["cli"],
  cli: ["action"],
};

const boundaries = Object.entries(ABOVE).map(([folder, above]) => ({
  files: [`src/${folder}/**/*.ts`],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          {
            group: above.map((f) => `**/${f}/*`),
            message: `src/${folder} sits below these folders: pass what it needs in, do not import upwards.`,
          },
          ...(folder === "action"
            ? []
            : [
                {
                  group: ["@actions/*"],
                  message: "Only src/action talks to the Actions runtime: the engine takes a Log and a CacheStore.",
                },
              ]),
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/", "__tests__/fixtures/", "src/preprocess/kernels-wasm.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        URL: "readonly",
        Buffer: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        performance: "readonly",
        TextDecoder: "readonly",
        TextEncoder: "readonly",
        fetch: "readonly",
        AbortController: "readonly",
        AbortSignal: "readonly",
        setInterval: "readonly",
        clearInterval: "readonly",
        WebAssembly: "readonly",
        structuredClone: "readonly",
        setImmediate: "readonly",
        queueMicrotask: "readonly",
        Response: "readonly",
        Request: "readonly",
        Headers: "readonly",
        Blob: "readonly",
        FormData: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
      "max-len": ["error", { code: 140, ignoreUrls: true, ignoreRegExpLiterals: true }],
      "no-duplicate-imports": "error",
    },
  },
  ...boundaries,
  {
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { module: "writable", require: "readonly", __dirname: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
