import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The layers: components/ render what they are given and never reach the database (type-only
// imports of generated enums are fine: they carry no code); lib/ is plain domain code that never
// depends on pages or UI.
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
];

const config = [
  ...nextVitals,
  ...nextTs,
  ...layerRules,
  {
    ignores: [
      ".next/**",
      ".data/**",
      "lib/db/generated/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
];

export default config;
