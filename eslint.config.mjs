import officeAddins from "eslint-plugin-office-addins";
import compat from "eslint-plugin-compat";
import tsParser from "@typescript-eslint/parser";
import importX, { createNodeResolver } from "eslint-plugin-import-x";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(fileURLToPath(import.meta.url));

/**
 * The layers of src/core, bottom-up (docs/architecture.md): a file imports its own layer and the layers
 * below it, never one above. A kind's folder spans layers: its spec and data (index, labels, messages,
 * template) sit with the kinds, its locate.ts / read.ts / checks.ts and plugin.ts with the layer they
 * work in. `import type` counts too.
 */
const CORE_LAYERS = [
  ["values", ["src/core/!(plan|plugins|check|index).ts", "src/core/{parse,profiles,portable}/**"]],
  ["kinds", ["src/core/kinds/*.ts", "src/core/kinds/*/!(locate|read|checks|plugin).ts"]],
  ["locate", ["src/core/locate/**", "src/core/kinds/*/locate.ts"]],
  ["read", ["src/core/read/**", "src/core/kinds/*/read.ts"]],
  ["plan", ["src/core/plan{,/**/*}.ts"]],
  ["checks", ["src/core/checks/**", "src/core/kinds/*/{checks,plugin}.ts"]],
  ["orchestrator", ["src/core/{check,plugins,index}.ts"]],
  ["review", ["src/core/review/**"]],
];

const layerZones = CORE_LAYERS.slice(0, -1).map(([name, files], i) => ({
  target: files,
  from: CORE_LAYERS.slice(i + 1).flatMap(([, above]) => above),
  message: `the core's layers import downward only (docs/architecture.md): ${name} may not import ${CORE_LAYERS.slice(
    i + 1,
  )
    .map(([n]) => n)
    .join(" / ")}.`,
}));

const recommended = officeAddins.configs.recommended;
// The preset's TypeScript block matches *.ts only: without this, *.tsx (the pane's components) were
// silently skipped by `npm run lint` ("no matching configuration").
const typescript = recommended.find((c) => c.files?.some((f) => f.includes("ts")));

export default [
  { ignores: ["dist/**", "lib/**", "node_modules/**", "samples/**", "test-results/**"] },
  ...recommended,
  // no-undef off there as typescript-eslint advises: tsc already rejects undefined names, and knows the
  // DOM and Office globals the components use.
  { ...typescript, files: ["**/*.tsx"], rules: { ...typescript.rules, "no-undef": "off" } },
  {
    plugins: { "office-addins": officeAddins },
    languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
  },
  // Code that runs in the browser pages (the preview and the offline 绩效自评校验.html, whose baseline is
  // package.json's "browserslist": Chromium 80 and Firefox ESR): no web API those browsers lack.
  {
    plugins: { compat },
    rules: { "compat/compat": "error" },
    files: ["src/core/**/*.ts", "src/io/**/*.ts", "src/ui/**/*.{ts,tsx}", "src/preview/**/*.{ts,tsx}"],
  },
  // One-way imports: no circle anywhere in src/ (import-x/no-cycle: runtime imports), the core's layers
  // (import type included) and a pure core: nothing outside src/core but zod.
  {
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/extensions": [".ts", ".tsx", ".js"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
      "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".tsx", ".js", ".json"] })],
    },
    rules: {
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "import-x/no-restricted-paths": [
        "error",
        {
          basePath: root,
          zones: [
            ...layerZones,
            {
              target: ["src/core/**"],
              from: ["src/!(core)/**"],
              message: "src/core is pure: it imports nothing outside src/core (docs/architecture.md).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(?!\\.|zod(?:/|$))",
              message: "src/core is pure: no package but zod (no Office, DOM or Node API).",
            },
          ],
        },
      ],
    },
  },
];
