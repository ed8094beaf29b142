import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createSession } from "@/lib/auth/sessions";
import { runAsSession } from "@/lib/auth/guard";

// The factories take a client; tests use the app's own (lib/db) so both see the same data.
export { db } from "@/lib/db";

export function newClient(url = process.env.DATABASE_URL!) {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
}

/** Calls `fn` as `userId` through a real session row, as a signed-in browser would. */
export async function as<T>(userId: string | null, fn: () => Promise<T>): Promise<T> {
  if (!userId) return runAsSession(null, fn);
  const token = await createSession(userId);
  return runAsSession(token, fn);
}
