import "server-only";
import { db } from "@/lib/db";
import { verifyPassword, TIMING_DUMMY_HASH } from "@/lib/auth/password";
import { blockedFor, clear, hit } from "@/lib/auth/rate-limit";

// Failed sign-ins allowed per account and per network address in one window.
export const LOGIN_LIMITS = { perAccount: 5, perAddress: 30, windowSeconds: 15 * 60 } as const;

export type SignInAttempt =
  | { status: "ok"; user: { id: string; email: string; name: string } }
  | { status: "invalid" }
  | { status: "rate_limited"; retryAfterSeconds: number };

const accountKey = (email: string) => `login:account:${email}`;
const addressKey = (address: string) => `login:address:${address}`;

export async function loginBlockedFor(email: string, address: string): Promise<number> {
  const [account, addr] = await Promise.all([
    blockedFor(accountKey(email), LOGIN_LIMITS.perAccount),
    blockedFor(addressKey(address), LOGIN_LIMITS.perAddress),
  ]);
  return Math.max(account, addr);
}

/** Checks e-mail and password, counting failures per account and per address. */
export async function attemptSignIn(input: {
  email: string;
  password: string;
  address: string;
}): Promise<SignInAttempt> {
  const email = input.email.trim().toLowerCase();
  const wait = await loginBlockedFor(email, input.address);
  if (wait > 0) return { status: "rate_limited", retryAfterSeconds: wait };

  const user = await db.user.findUnique({ where: { email } });
  const valid = await verifyPassword(input.password, user?.passwordHash ?? TIMING_DUMMY_HASH);
  if (!user || !user.active || !valid) {
    await Promise.all([
      hit(accountKey(email), LOGIN_LIMITS.windowSeconds),
      hit(addressKey(input.address), LOGIN_LIMITS.windowSeconds),
    ]);
    return { status: "invalid" };
  }
  await clear(accountKey(email));
  return { status: "ok", user: { id: user.id, email: user.email, name: user.name } };
}

/** The caller's network address, as far as the proxy in front of Keel tells it. */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "unknown";
}
