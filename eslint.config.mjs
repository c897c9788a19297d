import officeAddins from "eslint-plugin-office-addins";
import compat from "eslint-plugin-compat";
import tsParser from "@typescript-eslint/parser";

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
];
