import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { signInSchema } from "@/lib/validations/auth";
import { attemptSignIn, clientAddress } from "@/lib/auth/sign-in";
import { createSession, deleteSession, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/sessions";

class RateLimitedSignIn extends CredentialsSignin {
  code = "rate_limited";
}

declare module "next-auth" {
  interface Session {
    keelSession?: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    sid?: string;
  }
}

// next-auth issues the cookie (a JWT, as the Credentials provider requires); the JWT carries only
// a random session token whose row in "Session" is checked on every request (lib/auth/guard.ts).
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const result = await attemptSignIn({ ...parsed.data, address: clientAddress(request.headers) });
        if (result.status === "rate_limited") throw new RateLimitedSignIn();
        if (result.status === "invalid") return null;
        return { id: result.user.id, email: result.user.email, name: result.user.name };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user?.id) token.sid = await createSession(user.id);
      return token;
    },
    session({ session, token }) {
      session.keelSession = token.sid;
      return session;
    },
  },
  events: {
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (sid) await deleteSession(sid);
    },
  },
});
