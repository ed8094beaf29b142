import { NextResponse } from "next/server";
import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/auth";
import { apiError, withApi } from "@/lib/auth/guard";
import { clientAddress, loginBlockedFor } from "@/lib/auth/sign-in";
import { AppError } from "@/lib/errors";
import { signInSchema } from "@/lib/validations/auth";

// POST /api/session — signs in with e-mail and password. The one public endpoint that writes:
// it needs no session, only the credentials. 400 bad input, 401 wrong credentials, 429 too many.
export const POST = withApi({ permission: null, body: signInSchema }, async ({ request, body }) => {
  try {
    await signIn("credentials", { email: body.email, password: body.password, redirect: false });
    return NextResponse.json({ ok: true });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    const wait = await loginBlockedFor(body.email, clientAddress(request.headers));
    if (wait > 0) {
      const minutes = Math.ceil(wait / 60);
      return apiError(
        new AppError(
          "RATE_LIMITED",
          `Too many failed sign-in attempts. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again, or ask an admin to check your account.`,
          { retryAfterSeconds: wait },
        ),
      );
    }
    return apiError(new AppError("INVALID_CREDENTIALS", "That e-mail and password do not match an active account."));
  }
});
