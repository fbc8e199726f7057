// ESLint flat config: @eslint/js + typescript-eslint recommended rules over the TypeScript sources, tests and scripts,
// the layering of src/ (docs/architecture.md) and no import cycles. Type checking is `tsc --noEmit` and the format is
// Prettier's; `npm run lint` runs all three.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";
import importX, { createNodeResolver } from "eslint-plugin-import-x";

/** Packages that tie code to a UI, a host or Node: only the UI, the adapters and the CLI may use them. */
const UI_PACKAGES = ["react", "react-dom", "react/*", "react-dom/*", "@fluentui/*", "@tanstack/*"];
const HOST_PACKAGES = ["exceljs", "@e965/xlsx", "node:*", "commander", "fflate"];

/**
 * Layers of src/ (one direction: ui/cli → app → documents → domain; app → workbook port ← adapters).
 * Each zone: files in `target` may not import from `from`, except the listed folders/files.
 */
const LAYERS = [
  {
    target: "./src/util",
    from: "./src",
    except: ["./util"],
    message: "src/util — нейтральные утилиты, без зависимостей.",
  },
  {
    target: "./src/domain",
    from: "./src",
    except: ["./domain"],
    message: "src/domain — чистое ядро: импортирует только src/domain.",
  },
  {
    target: "./src/documents",
    from: "./src",
    except: ["./documents", "./domain"],
    message: "src/documents строит документы из данных домена: импортирует только src/domain.",
  },
  {
    target: "./src/workbook",
    from: "./src",
    except: ["./workbook", "./domain", "./util"],
    message: "src/workbook (порт и адаптеры) знает только общие типы домена.",
  },
  {
    target: "./src/app",
    from: "./src",
    except: ["./app", "./domain", "./documents", "./util", "./workbook/port.ts", "./workbook/errors.ts"],
    message: "src/app — сценарии: домен, документы и порт книги; без адаптеров, UI, CLI и текстов панели.",
  },
  {
    target: "./src/i18n",
    from: "./src",
    except: ["./i18n", "./domain"],
    message: "src/i18n — тексты панели; не зависит от сценариев и UI.",
  },
  {
    target: "./src/cli",
    from: "./src",
    except: ["./cli", "./app", "./domain", "./documents", "./util", "./workbook"],
    message: "CLI не использует панель и автономную страницу.",
  },
  {
    target: ["./src/taskpane", "./src/standalone", "./src/commands"],
    from: "./src/cli",
    message: "UI не импортирует CLI.",
  },
];

const restrictPackages = (groups, message) => ({
  "@typescript-eslint/no-restricted-imports": ["error", { patterns: [{ group: groups, message }] }],
});

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "node_modules/**",
      "coverage/**",
      "test-results/**",
      "bench/tmp/**",
      "**/*.d.ts",
      "test/lint/fixtures/**",
    ],
  },
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
    // The layering of src/ and no cycles between its modules.
    files: ["src/**/*.{ts,tsx}", "test/lint/**/*.{ts,tsx}"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/extensions": [".ts", ".tsx", ".js", ".mjs"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
      "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".tsx", ".js", ".mjs"] })],
    },
    rules: {
      "import-x/no-restricted-paths": ["error", { zones: LAYERS }],
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    files: ["src/domain/**/*.ts", "src/documents/**/*.ts", "src/util/**/*.ts"],
    rules: restrictPackages(
      [...UI_PACKAGES, ...HOST_PACKAGES.filter((p) => p !== "fflate")],
      "Чистый слой: без Office, DOM-библиотек, Node и UI.",
    ),
  },
  {
    files: ["src/app/**/*.ts"],
    rules: restrictPackages(
      [...UI_PACKAGES, "exceljs", "@e965/xlsx", "node:*", "commander"],
      "src/app не зависит от UI, адаптеров и Node.",
    ),
  },
);
