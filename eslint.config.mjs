// ESLint flat config: Next's core-web-vitals + TypeScript rules, plus the architecture's
// import boundaries (docs/decisions/001): only lib/server talks to Prisma; domain rules stay pure.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const prismaImports = {
  group: ["**/generated/prisma", "**/generated/prisma/*", "**/generated/prisma-postgresql", "**/generated/prisma-postgresql/*", "@prisma/*", "better-sqlite3", "pg"],
  message: "Only lib/server may talk to the database (docs/decisions/001: one data layer).",
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", "docs/nginx/**", "lib/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
      "no-restricted-imports": ["error", { patterns: [prismaImports] }],
    },
  },
  {
    // The data layer, the CLI's migration tooling, the Prisma config and database tests.
    files: ["lib/server/**", "lib/cli/**", "prisma.config.ts", "tests/**"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    files: ["lib/domain/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            prismaImports,
            { group: ["node:*", "fs", "path", "next", "next/*", "react", "@/lib/server/*"], message: "lib/domain holds pure rules: no I/O, no framework." },
          ],
        },
      ],
    },
  },
];

export default config;
