// ESLint flat config: @eslint/js + typescript-eslint recommended rules over the TypeScript sources, tests and scripts.
// Type checking itself is `tsc --noEmit` (npm run lint runs both).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test-results/**", "bench/tmp/**", "**/*.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: "module",
      globals: {
        ...globals.browser,
        ...globals.node,
        Office: "readonly",
        Excel: "readonly",
        OfficeExtension: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      "no-console": "off",
    },
  },
  {
    // UI and domain code must not log (the CLI and scripts print on purpose).
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/cli/**"],
    rules: { "no-console": "error" },
  },
  {
    // The domain is pure: no Office, DOM or Node imports (types from the port are fine).
    files: ["src/domain/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["node:*", "react", "react-dom", "@fluentui/*", "exceljs"],
              message: "src/domain — чистый TypeScript.",
            },
            {
              group: ["**/workbook/*", "**/workbook/**"],
              allowTypeImports: true,
              message: "src/domain не вызывает адаптеры книги.",
            },
          ],
        },
      ],
    },
  },
);
