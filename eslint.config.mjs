import js from "@eslint/js";
import nextVitals from "eslint-config-next/core-web-vitals";
import tseslint from "typescript-eslint";

// Imports of the database and its query builder.
const databaseImports = {
  // @/db, ../db/schema, ./db/client…; drizzle-orm and its entry points.
  regex: "^(@/db|(\\.\\.?/)+db|drizzle-orm)(/.*)?$",
  message: "Only lib/data/ touches the database: call a function of lib/data/ instead.",
};

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      ".data*/**",
      "db/migrations/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  js.configs.recommended,
  ...nextVitals,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/only-throw-error": [
        "error",
        { allow: [{ from: "package", package: "next", name: "redirect" }] },
      ],
    },
  },
  { files: ["**/*.mjs"], ...tseslint.configs.disableTypeChecked },
  // The data boundary: only the data access layer touches the database (README, "How it is
  // built"). db/ itself, the scripts and the tests, which arrange rows directly, are its other users.
  {
    ignores: ["lib/data/**", "db/**", "scripts/**", "tests/**", "drizzle.config.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [databaseImports] }] },
  },
  // The public pages' forms carry no schema and no zod, so a first visit loads little JavaScript
  // (README, "Load and memory"): they take lib/forms/state.ts, which imports nothing.
  {
    files: [
      "app/login/login-form.tsx",
      "app/sspr/**/*-form.tsx",
      "app/components/new-password-form.tsx",
      "app/components/password-checklist.tsx",
      "app/components/use-form-action.ts",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "zod", message: "The public pages' browser code carries no zod." }],
          patterns: [
            databaseImports,
            {
              regex: "^@/lib/forms(?!/state$)(/.*)?$",
              message: "Take lib/forms/state.ts only: the schemas stay on the server.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/forms/state.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["*"], message: "state.ts imports nothing: the public pages' browser code takes it." },
          ],
        },
      ],
    },
  },
  // Every browser test fails when the Content Security Policy refuses something on a page
  // (tests/e2e/test.ts): the specs take `test` from there, not from Playwright directly.
  {
    files: ["tests/e2e/**/*.ts"],
    ignores: ["tests/e2e/test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@playwright/test",
              importNames: ["test"],
              message: "Take test from tests/e2e/test.ts: it fails a test on any CSP refusal.",
            },
          ],
        },
      ],
    },
  },
);
