// ESLint flat config: typescript-eslint's recommended rules for all TypeScript, Microsoft's
// office-addins rules (Office.js load/sync mistakes) for the code that calls Excel, and no
// formatting rules at all: formatting is prettier's (`prettier --check .` in `npm run lint`).
import js from "@eslint/js";
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "coverage/", "node_modules/", "tmp/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // Published coefficients (AS241, Cody, Jaeckel) and published reference values are quoted
      // with every digit their source prints, more than a double holds: that is the citation.
      "no-loss-of-precision": "off",
      // `_name` marks a parameter kept for its position (a callback's signature).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    // Custom functions take `any` on purpose: custom-functions-metadata then declares the
    // parameter as "any", Excel hands over exactly what the cell holds, and excel.ts words the error.
    files: ["src/functions/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // Code that talks to Excel through Office.js.
    files: ["src/taskpane/**/*.ts"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  {
    // Tests mock Office and Excel objects loosely, and load files found at run time with require().
    files: ["test/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // The bench loads untyped CommonJS peers with require().
    files: ["bench/**/*.ts"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Node scripts and configs in CommonJS.
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: globals.node },
    // `const crypto = require("crypto")` is the usual way, though Node also has a global `crypto`.
    rules: { "@typescript-eslint/no-require-imports": "off", "no-redeclare": ["error", { builtinGlobals: false }] },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { globals: globals.node },
  },
);
