import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", "generated/**", "node_modules/**", "playwright-report/**", "test-results/**", "next-env.d.ts"] },
  {
    // One validated env module (lib/env.ts); tooling (scripts, configs, tests) is exempt.
    files: ["app/**", "lib/**", "components/**", "emails/**", "proxy.ts"],
    ignores: ["lib/env.ts", "instrumentation.ts"],
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Import env from @/lib/env instead." }],
    },
  },
];

export default config;
