import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// `npm run test:reliability` (scripts/reliability.mjs) runs these against the real database: the
// authorization matrix (an integration test) and the fuzzing suite. Not part of `npm test`.
const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: { alias: { "@/": root, "server-only": `${root}tests/support/empty.ts` } },
  test: {
    server: { deps: { inline: ["next-auth", "@auth/core"] } },
    include: ["tests/reliability/**/*.test.ts", "tests/integration/authorization-matrix.test.ts"],
    globalSetup: ["tests/integration/global-setup.ts"],
    setupFiles: ["tests/integration/setup.ts"],
    testTimeout: 1_800_000,
    hookTimeout: 120_000,
  },
});
