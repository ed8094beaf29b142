import { NextResponse, type NextRequest } from "next/server";

// The proxy does two things. It sets the Content-Security-Policy with a fresh nonce per request
// (Next puts that nonce on its own scripts, so no inline script without it runs: no
// 'unsafe-inline' for scripts), and it redirects a browser without a session cookie to the
// sign-in page. It grants nothing: every page, action and route handler authorizes again through
// lib/auth/guard.ts. The other security headers are static (next.config.ts).
const PUBLIC = ["/sign-in", "/api/"];
const COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function contentSecurityPolicy(nonce: string, dev = process.env.NODE_ENV !== "production") {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts the nonce'd ones load (Next's chunks) may run; nothing else.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React and recharts set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const { pathname, search } = request.nextUrl;
  let response: NextResponse;
  if (PUBLIC.some((p) => pathname.startsWith(p)) || COOKIES.some((name) => request.cookies.has(name))) {
    const headers = new Headers(request.headers);
    headers.set("x-nonce", nonce);
    headers.set("Content-Security-Policy", csp); // Next reads the nonce from the request's CSP
    response = NextResponse.next({ request: { headers } });
  } else {
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = pathname === "/" ? "" : `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    response = NextResponse.redirect(url);
  }
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|ico|txt)$).*)"],
};
