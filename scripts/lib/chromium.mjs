import { existsSync } from "node:fs";

/** Debian's Chromium here; Playwright's own browser elsewhere; null when there is neither. */
export async function findChromium() {
  const candidates = [process.env.KEEL_CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
  for (const c of candidates) if (c && existsSync(c)) return c;
  try {
    const { chromium } = await import("@playwright/test");
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // Playwright not installed or no browser registry: fall through.
  }
  return null;
}

export const NO_CHROMIUM_MESSAGE =
  "e2e: no Chromium found. Install one with `apt-get install -y chromium` (Debian/Ubuntu) or `npx playwright install chromium`, or set KEEL_CHROMIUM=/path/to/chromium.";
