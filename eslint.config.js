import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "dist/",
      "node_modules/",
      "test-output/",
      "events/",
      "docs/",
      "src/report/browser/bundle.generated.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  prettier,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  {
    // The report page's script is bundled into every page: besides its own folder it may run
    // only the data's format and the shared status search; types may come from anywhere.
    files: ["src/report/browser/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex:
                "^(?!\\.)|^\\.\\./(?!reportDataFormat\\.js$|\\.\\./query/intervalSearch\\.js$)",
              allowTypeImports: true,
              message:
                "The page's script bundles what it imports: import only types from outside src/report/browser, apart from reportDataFormat and intervalSearch.",
            },
          ],
        },
      ],
    },
  },
  {
    // Shared with the page's script, hence bundled into it: they import nothing but types.
    files: ["src/report/reportDataFormat.ts", "src/query/intervalSearch.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: ".",
              allowTypeImports: true,
              message: "The report page's script bundles this module: import only types here.",
            },
          ],
        },
      ],
    },
  },
  {
    // The rest of src runs in Node: it takes the page's script only as its bundle.
    files: ["src/**/*.ts"],
    ignores: ["src/report/browser/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "/browser/(?!bundle\\.generated\\.js$)",
              message:
                "src/report/browser is the page's script: use its bundle, bundle.generated.js.",
            },
          ],
        },
      ],
    },
  },
);
