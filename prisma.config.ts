import { defineConfig } from "prisma/config";

// Prisma's CLI is used here only for `prisma generate` (see scripts/prisma-generate.mjs).
// Migrations are applied by scripts/lib/migrator.mjs; machines that can download Prisma's schema
// engine may run `prisma migrate deploy` against the same database, since the bookkeeping matches.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx --tsconfig scripts/tsconfig.json prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/keel" },
});
