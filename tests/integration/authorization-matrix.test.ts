import { mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { createDealAction } from "@/app/(app)/deals/actions";
import { askQuestionAction } from "@/app/(app)/strategy/actions";
import type { ActionResult } from "@/lib/auth/guard";
import { can, ROLES, type Permission } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";
import { dealForm } from "../factories/deals";
import { ok, orgWithStrategy } from "./fixtures";
import { as, db } from "./helpers";

// Every server action and route handler, found in the code (not a hand-kept list of what to
// test), is called as every role of organisation A, as organisation B's admin on A's records, and
// as nobody. EXPECTED says what each entry point requires; an entry point it does not know fails
// the test, so a new one cannot ship without a decision about who may call it.

type Rule = { permission: Permission } | { public: string } | { skip: string };

const EXPECTED: Record<string, Rule> = {
  "app/(app)/account/actions.ts#changePasswordAction": { permission: "account:self" },
  "app/(app)/actions.ts#signOutAction": { skip: "ends the caller's own session; covered by tests/e2e/shell.spec.ts" },
  "app/(app)/admin/actions.ts#createUserAction": { permission: "users:manage" },
  "app/(app)/admin/actions.ts#updateUserAction": { permission: "users:manage" },
  "app/(app)/admin/actions.ts#setPasswordAction": { permission: "users:manage" },
  "app/(app)/admin/actions.ts#createTeamAction": { permission: "teams:manage" },
  "app/(app)/admin/actions.ts#updateTeamAction": { permission: "teams:manage" },
  "app/(app)/admin/import/actions.ts#prepareImportAction": { permission: "import:run" },
  "app/(app)/admin/import/actions.ts#startImportAction": { permission: "import:run" },
  "app/(app)/admin/import/actions.ts#importStatusAction": { permission: "import:run" },
  "app/(app)/admin/import/actions.ts#resumeImportAction": { permission: "import:run" },
  "app/(app)/admin/import/actions.ts#rollbackImportAction": { permission: "import:run" },
  "app/(app)/admin/import/actions.ts#discardImportAction": { permission: "import:run" },
  "app/(app)/deals/actions.ts#createDealAction": { permission: "deal:write" },
  "app/(app)/deals/actions.ts#updateDealAction": { permission: "deal:write" },
  "app/(app)/deals/actions.ts#previewScoreAction": { permission: "deal:write" },
  "app/(app)/deals/actions.ts#createAccountAction": { permission: "deal:write" },
  "app/(app)/deals/actions.ts#updateAccountAction": { permission: "deal:write" },
  "app/(app)/deals/actions.ts#logRequestAction": { permission: "deal:write" },
  "app/(app)/deals/actions.ts#reviewDealAction": { permission: "deal:review" },
  "app/(app)/deals/actions.ts#markNotificationsReadAction": { permission: "account:self" },
  "app/(app)/signals/actions.ts#renameThemeAction": { permission: "signals:answer" },
  "app/(app)/signals/actions.ts#mergeThemeAction": { permission: "signals:answer" },
  "app/(app)/signals/actions.ts#splitRequestAction": { permission: "signals:answer" },
  "app/(app)/signals/actions.ts#answerThemeAction": { permission: "signals:answer" },
  "app/(app)/strategy/actions.ts#startDraftAction": { permission: "strategy:edit" },
  "app/(app)/strategy/actions.ts#saveSectionAction": { permission: "strategy:edit" },
  "app/(app)/strategy/actions.ts#publishAction": { permission: "strategy:publish" },
  "app/(app)/strategy/actions.ts#importStrategyAction": { permission: "strategy:edit" },
  "app/(app)/strategy/actions.ts#acknowledgeAction": { permission: "strategy:read" },
  "app/(app)/strategy/actions.ts#askQuestionAction": { permission: "strategy:read" },
  "app/(app)/strategy/actions.ts#answerQuestionAction": { permission: "strategy:edit" },
  "app/(app)/strategy/actions.ts#runWhatIfAction": { permission: "strategy:edit" },
  "app/(app)/strategy/actions.ts#cancelWhatIfAction": { permission: "strategy:edit" },
  "app/api/auth/[...nextauth]/route.ts#GET": { public: "next-auth's own endpoints (CSRF token, session)" },
  "app/api/auth/[...nextauth]/route.ts#POST": { public: "next-auth's own endpoints (sign-in callback)" },
  "app/api/session/route.ts#POST": { public: "sign-in: rate-limited per account and address" },
  "app/api/dashboard/export/route.ts#GET": { permission: "deal:read" },
  "app/api/deals/export/route.ts#GET": { permission: "deal:read" },
  "app/api/import/upload/route.ts#POST": { permission: "import:run" },
  "app/api/jobs/rescore/route.ts#GET": { permission: "strategy:publish" },
  "app/api/strategy/versions/[number]/route.ts#GET": { permission: "strategy:read" },
  "app/api/strategy/whatif/route.ts#GET": { permission: "strategy:edit" },
  "app/api/strategy/whatif/export/route.ts#GET": { permission: "strategy:edit" },
  "app/(app)/admin/api-tokens/actions.ts#createApiTokenAction": { permission: "api:manage" },
  "app/(app)/admin/api-tokens/actions.ts#revokeApiTokenAction": { permission: "api:manage" },
  "app/(app)/admin/webhooks/actions.ts#createWebhookAction": { permission: "webhooks:manage" },
  "app/(app)/admin/webhooks/actions.ts#setWebhookActiveAction": { permission: "webhooks:manage" },
  "app/(app)/admin/webhooks/actions.ts#deleteWebhookAction": { permission: "webhooks:manage" },
  "app/(app)/admin/webhooks/actions.ts#sendTestWebhookAction": { permission: "webhooks:manage" },
  "app/(app)/admin/webhooks/actions.ts#redeliverWebhookAction": { permission: "webhooks:manage" },
  "app/api/accounts/export/route.ts#GET": { permission: "deal:read" },
  "app/api/requests/export/route.ts#GET": { permission: "deal:read" },
  "app/api/v1/openapi.json/route.ts#GET": { public: "the API's OpenAPI document: no data" },
  "app/api/v1/deals/route.ts#GET": { permission: "deal:read" },
  "app/api/v1/deals/route.ts#POST": { permission: "deal:write" },
  "app/api/v1/deals/[id]/route.ts#GET": { permission: "deal:read" },
  "app/api/v1/deals/[id]/route.ts#PATCH": { permission: "deal:write" },
  "app/api/v1/deals/[id]/scores/route.ts#GET": { permission: "deal:read" },
  "app/api/v1/deals/[id]/scores/latest/route.ts#GET": { permission: "deal:read" },
  "app/api/v1/accounts/route.ts#GET": { permission: "deal:read" },
  "app/api/v1/accounts/route.ts#POST": { permission: "deal:write" },
  "app/api/v1/accounts/[id]/route.ts#GET": { permission: "deal:read" },
  "app/api/v1/accounts/[id]/route.ts#PATCH": { permission: "deal:write" },
  "app/api/v1/requests/route.ts#GET": { permission: "deal:read" },
  "app/api/v1/requests/route.ts#POST": { permission: "deal:write" },
  "app/api/v1/requests/[id]/route.ts#GET": { permission: "deal:read" },
  "app/api/v1/requests/[id]/route.ts#PATCH": { permission: "deal:write" },
  "app/api/v1/strategy/versions/route.ts#GET": { permission: "strategy:read" },
  "app/api/v1/strategy/versions/[number]/route.ts#GET": { permission: "strategy:read" },
  "app/api/v1/themes/route.ts#GET": { permission: "signals:read" },
  "app/api/v1/themes/[id]/route.ts#GET": { permission: "signals:read" },
};

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

function files(dir: string, name: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return entry === "node_modules" ? [] : files(full, name);
    return entry === name ? [full] : [];
  });
}

type Entry = { id: string; kind: "action" | "route"; fn: (...args: unknown[]) => Promise<unknown> };

async function discover(): Promise<Entry[]> {
  const out: Entry[] = [];
  for (const file of [...files("app", "actions.ts"), ...files("app", "route.ts")].sort()) {
    const mod = (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, unknown>;
    const route = file.endsWith("route.ts");
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value !== "function") continue;
      if (route && !METHODS.includes(name)) continue;
      out.push({ id: `${file.split(path.sep).join("/")}#${name}`, kind: route ? "route" : "action", fn: value as Entry["fn"] });
    }
  }
  return out;
}

/** What the guard said: "allowed" when it let the call through (whatever the domain then said). */
async function call(entry: Entry, input: unknown, params: Record<string, string> = {}): Promise<{ verdict: "allowed" | "denied" | "anonymous"; code: string }> {
  if (entry.kind === "action") {
    const r = (await entry.fn(input)) as ActionResult;
    const code = r.ok ? "ok" : r.code;
    return { verdict: code === "FORBIDDEN" ? "denied" : code === "UNAUTHENTICATED" ? "anonymous" : "allowed", code };
  }
  const method = entry.id.split("#")[1]!;
  const url = `http://localhost/${entry.id.replace(/^app\//, "").replace(/\/route\.ts#.*$/, "").replace("[number]", "1")}`;
  const body = method === "GET" || method === "DELETE" ? undefined : JSON.stringify(input ?? {});
  const res = (await entry.fn(new NextRequest(url, { method, body, headers: body ? { "content-type": "application/json" } : {} }), { params: Promise.resolve(params) })) as Response;
  return { verdict: res.status === 403 ? "denied" : res.status === 401 ? "anonymous" : "allowed", code: String(res.status) };
}

let A: Awaited<ReturnType<typeof orgWithStrategy>>;
let B: Awaited<ReturnType<typeof orgWithStrategy>>;
let entries: Entry[];
const users = () => ({ ADMIN: A.admin.id, LEADER: A.leader.id, MANAGER: A.manager.id, REP: A.rep.id }) as Record<Role, string>;

beforeAll(async () => {
  A = await orgWithStrategy();
  B = await orgWithStrategy();
  entries = await discover();
});

describe("the authorization matrix", () => {
  it("knows every entry point in the code, and every entry point it lists exists", () => {
    const found = entries.map((e) => e.id);
    expect(found.filter((id) => !(id in EXPECTED)), "entry points without a decision in EXPECTED").toEqual([]);
    expect(Object.keys(EXPECTED).filter((id) => !found.includes(id)), "EXPECTED lists entry points that no longer exist").toEqual([]);
  });

  it("lets exactly the roles with the permission through, refuses the others with 403, and nobody with 401", async () => {
    const matrix: string[] = [];
    const wrong: string[] = [];
    for (const entry of entries) {
      const rule = EXPECTED[entry.id]!;
      if ("skip" in rule) {
        matrix.push(`${entry.id.padEnd(62)} skipped: ${rule.skip}`);
        continue;
      }
      const cells: string[] = [];
      for (const role of ROLES) {
        const r = await as(users()[role], () => call(entry, {}, { number: "1" }));
        const expected = "public" in rule || can(role, rule.permission) ? "allowed" : "denied";
        cells.push(`${role}:${r.verdict === "allowed" ? "✓" : "✗"}`);
        if (r.verdict !== expected) wrong.push(`${entry.id} as ${role}: ${r.verdict} (${r.code}), expected ${expected}`);
      }
      const anon = await as(null, () => call(entry, {}, { number: "1" }));
      cells.push(`nobody:${anon.verdict === "allowed" ? "✓" : "✗"}`);
      const anonExpected = "public" in rule ? "allowed" : "anonymous";
      if (anon.verdict !== anonExpected) wrong.push(`${entry.id} as nobody: ${anon.verdict} (${anon.code}), expected ${anonExpected}`);
      matrix.push(`${entry.id.padEnd(62)} ${cells.join("  ")}${"public" in rule ? `  (public: ${rule.public})` : `  [${rule.permission}]`}`);
    }
    console.log(`\nAuthorization matrix (✓ let through by the guard, ✗ refused):\n${matrix.join("\n")}\n`);
    if (process.env.KEEL_RELIABILITY_OUT) {
      // npm run test:reliability puts the matrix's size into its summary table.
      mkdirSync(process.env.KEEL_RELIABILITY_OUT, { recursive: true });
      const calls = matrix.filter((line) => !line.includes(" skipped: ")).length * (ROLES.length + 1);
      writeFileSync(path.join(process.env.KEEL_RELIABILITY_OUT, "matrix.json"), JSON.stringify({ entryPoints: matrix.length, calls, wrong, matrix }, null, 2));
    }
    expect(wrong).toEqual([]);
  });

  it("never lets organisation B's admin or leader act on organisation A's records", async () => {
    // A's records, reached by id from B.
    const deal = await as(A.rep.id, () => ok<{ id: string; revision: number }>(createDealAction(dealForm(A.account.id, A.productKey, { requests: [{ text: "Tickets in Apple Wallet please" }] }))));
    await as(A.rep.id, () => ok(askQuestionAction({ versionId: A.v1.id, section: "mission", body: "Why?" })));
    const question = await db.strategyQuestion.findFirstOrThrow({ where: { organizationId: A.organization.id } });
    const request = await db.customerRequest.findFirstOrThrow({ where: { dealId: deal.id } });
    const theme = request.themeId!;
    const whatIf = await db.whatIfRun.create({ data: { organizationId: A.organization.id, versionId: A.v1.id, versionRevision: 0, snapshot: {} } });
    const repHash = (await db.user.findUniqueOrThrow({ where: { id: A.rep.id } })).passwordHash;
    const inputs: Record<string, unknown> = {
      "app/(app)/admin/actions.ts#updateUserAction": { userId: A.rep.id, role: "ADMIN", teamId: "", active: "on" },
      "app/(app)/admin/actions.ts#setPasswordAction": { userId: A.rep.id, password: "taken over, 12345" },
      "app/(app)/admin/actions.ts#updateTeamAction": { teamId: A.team.id, name: "Taken over", managerId: "" },
      "app/(app)/deals/actions.ts#createDealAction": dealForm(A.account.id, B.productKey),
      "app/(app)/deals/actions.ts#updateDealAction": { ...dealForm(A.account.id, A.productKey), dealId: deal.id, revision: deal.revision },
      "app/(app)/deals/actions.ts#updateAccountAction": { accountId: A.account.id, name: "Taken over", industry: "", employees: "", revenue: "", region: "" },
      "app/(app)/deals/actions.ts#logRequestAction": { accountId: A.account.id, text: "hello" },
      "app/(app)/deals/actions.ts#reviewDealAction": { dealId: deal.id, kind: "comment", body: "Mine now", revision: deal.revision },
      "app/(app)/signals/actions.ts#renameThemeAction": { themeId: theme, name: "Taken over" },
      "app/(app)/signals/actions.ts#splitRequestAction": { requestId: request.id },
      "app/(app)/signals/actions.ts#answerThemeAction": { themeId: theme, status: "declined", answer: "No." },
      "app/(app)/strategy/actions.ts#saveSectionAction": { section: "mission", versionId: A.v1.id, revision: 0, data: { whoWeAre: "x", whyWeAreHere: "x", whyItMatters: "x" } },
      "app/(app)/strategy/actions.ts#publishAction": { versionId: A.v1.id, revision: 0, changeNote: "Taken over" },
      "app/(app)/strategy/actions.ts#acknowledgeAction": { versionId: A.v1.id },
      "app/(app)/strategy/actions.ts#askQuestionAction": { versionId: A.v1.id, section: "mission", body: "Mine?" },
      "app/(app)/strategy/actions.ts#answerQuestionAction": { questionId: question.id, answer: "Taken over" },
      "app/(app)/strategy/actions.ts#runWhatIfAction": { versionId: A.v1.id, revision: 0 },
      "app/(app)/strategy/actions.ts#cancelWhatIfAction": { runId: whatIf.id },
    };
    const leaks: string[] = [];
    for (const [id, input] of Object.entries(inputs)) {
      const entry = entries.find((e) => e.id === id);
      expect(entry, id).toBeDefined();
      for (const userId of [B.admin.id, B.leader.id]) {
        const r = (await as(userId, () => entry!.fn(input))) as ActionResult;
        if (r.ok || !["NOT_FOUND", "VALIDATION_FAILED", "FORBIDDEN", "CONFLICT"].includes(r.code)) leaks.push(`${id}: ${JSON.stringify(r).slice(0, 160)}`);
      }
    }
    expect(leaks).toEqual([]);
    // Nothing of A changed.
    expect((await db.user.findUniqueOrThrow({ where: { id: A.rep.id } })).role).toBe("REP");
    expect((await db.user.findUniqueOrThrow({ where: { id: A.rep.id } })).passwordHash).toBe(repHash);
    expect((await db.team.findUniqueOrThrow({ where: { id: A.team.id } })).name).not.toBe("Taken over");
    expect((await db.customerAccount.findUniqueOrThrow({ where: { id: A.account.id } })).name).not.toBe("Taken over");
    expect((await db.requestTheme.findUniqueOrThrow({ where: { id: theme } })).status).toBe("open");
    expect((await db.strategyQuestion.findUniqueOrThrow({ where: { id: question.id } })).answer).toBeNull();
    expect(await db.dealReview.count({ where: { dealId: deal.id } })).toBe(0);
  });
});
