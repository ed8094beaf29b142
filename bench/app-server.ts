// The production app for benches: build when stale, `next start` on a port, sign in, time pages.
import { spawn, type ChildProcess } from "node:child_process";
import { performance } from "node:perf_hooks";
import { appEnv, buildIsFresh } from "../scripts/lib/app-env.mjs";

export const DEMO_PASSWORD = "keel-demo-2026";
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function waitFor(url: string, child: ChildProcess) {
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error("next start exited");
    try {
      if ((await fetch(url)).ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer`);
}

export type AppServer = {
  base: string;
  signIn: (email: string) => Promise<string>;
  /** Milliseconds to the full HTML of `path`, signed in with `cookie`. */
  timePage: (path: string, cookie: string) => Promise<number>;
  stop: () => void;
};

export async function startApp(databaseUrl: string, port: number, extraEnv: Record<string, string> = {}): Promise<AppServer> {
  const base = `http://127.0.0.1:${port}`;
  const env = appEnv(databaseUrl, { PORT: String(port), ...extraEnv });
  if (!buildIsFresh()) {
    console.log("building the production app…");
    const code = await new Promise<number>((resolve) => spawn("node_modules/.bin/next", ["build"], { env, stdio: "ignore" }).on("exit", (c) => resolve(c ?? 1)));
    if (code !== 0) throw new Error("next build failed");
  }
  const app = spawn("node_modules/.bin/next", ["start", "-p", String(port), "-H", "127.0.0.1"], { env, stdio: "ignore", detached: true });
  const stop = () => {
    try { process.kill(-app.pid!, "SIGTERM"); } catch { /* already gone */ }
  };
  try {
    await waitFor(`${base}/sign-in`, app);
  } catch (error) {
    stop();
    throw error;
  }
  return {
    base,
    stop,
    async signIn(email) {
      const res = await fetch(`${base}/api/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
      if (!res.ok) throw new Error(`sign-in as ${email}: ${res.status} ${await res.text()}`);
      return res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    },
    async timePage(path, cookie) {
      const t = performance.now();
      const res = await fetch(`${base}${path}`, { headers: { cookie } });
      const body = await res.text();
      if (res.status !== 200 || !body.includes("</html>")) throw new Error(`${path}: ${res.status}`);
      return performance.now() - t;
    },
  };
}
