import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { computeSignature, generateSecret, signatureHeader, verifySignature } from "@/lib/webhooks/sign";
import { BACKOFF_SECONDS, MAX_ATTEMPTS } from "@/lib/webhooks/events";

describe("webhook signatures", () => {
  const secret = "whsec_test";
  const body = JSON.stringify({ id: "e1", type: "review.decided", data: { a: "ü" } });

  it("is HMAC-SHA256 over `timestamp.body`, as the README's receiver computes it", () => {
    const t = 1_800_000_000;
    expect(computeSignature(secret, t, body)).toBe(createHmac("sha256", secret).update(`${t}.${body}`).digest("hex"));
    expect(signatureHeader(secret, body, t)).toBe(`t=${t},v1=${computeSignature(secret, t, body)}`);
  });

  it("verifies a fresh signature and refuses another secret, a changed body, an old timestamp or garbage", () => {
    const now = Date.now();
    const header = signatureHeader(secret, body, Math.floor(now / 1000));
    expect(verifySignature(secret, body, header, { now })).toBe(true);
    expect(verifySignature("whsec_other", body, header, { now })).toBe(false);
    expect(verifySignature(secret, `${body} `, header, { now })).toBe(false);
    expect(verifySignature(secret, body, header, { now: now + 301_000 })).toBe(false);
    for (const bad of [null, "", "t=abc,v1=00", "v1=00", `t=${Math.floor(now / 1000)}`, `t=${Math.floor(now / 1000)},v1=zz`]) {
      expect(verifySignature(secret, body, bad, { now })).toBe(false);
    }
  });

  it("makes 256-bit secrets and retries 1 min, 5 min, 30 min, 2 h, 12 h (six attempts)", () => {
    expect(generateSecret()).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(BACKOFF_SECONDS).toEqual([60, 300, 1800, 7200, 43200]);
    expect(MAX_ATTEMPTS).toBe(6);
  });
});
