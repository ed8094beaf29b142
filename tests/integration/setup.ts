import { inject, vi } from "vitest";

// Before any test file imports lib/db: point Prisma at this run's throwaway database.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
process.env.KEEL_BCRYPT_COST = "4";
process.env.KEEL_WORKER = "off"; // tests drain jobs themselves, deterministically (runJobsUntilIdle)

// Outside a Next request there is no page cache to revalidate; everything else is real.
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {} }));
