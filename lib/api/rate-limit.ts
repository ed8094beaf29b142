import "server-only";
import { hit } from "@/lib/auth/rate-limit";
import { AppError } from "@/lib/errors";

// Per-token fixed windows in the shared "RateLimit" table (lib/auth/rate-limit.ts): one upsert per
// request, the same counter for every app instance. Settings are read per request so an operator
// (or a test) can change them without a restart.
export function apiRateLimit(): { limit: number; windowSeconds: number } {
  const limit = Number(process.env.KEEL_API_RATE_LIMIT ?? 600);
  const windowSeconds = Number(process.env.KEEL_API_RATE_WINDOW_SECONDS ?? 60);
  return {
    limit: Number.isFinite(limit) && limit > 0 ? Math.floor(limit) : 600,
    windowSeconds: Number.isFinite(windowSeconds) && windowSeconds > 0 ? Math.floor(windowSeconds) : 60,
  };
}

export type RateLimitHeaders = Record<"X-RateLimit-Limit" | "X-RateLimit-Remaining" | "X-RateLimit-Reset", string>;

/** Counts one request of a token; throws RATE_LIMITED (429 with Retry-After) past the limit. */
export async function countApiRequest(tokenId: string): Promise<RateLimitHeaders> {
  const { limit, windowSeconds } = apiRateLimit();
  const state = await hit(`api:${tokenId}`, windowSeconds);
  const resetSeconds = Math.max(1, Math.ceil((state.resetAt.getTime() - Date.now()) / 1000));
  if (state.count > limit) {
    throw new AppError("RATE_LIMITED", `Too many requests: this token may make ${limit} per ${windowSeconds} seconds. Retry after ${resetSeconds} s.`, {
      retryAfterSeconds: resetSeconds,
    });
  }
  return {
    "X-RateLimit-Limit": String(limit),
    "X-RateLimit-Remaining": String(Math.max(0, limit - state.count)),
    "X-RateLimit-Reset": String(resetSeconds),
  };
}
