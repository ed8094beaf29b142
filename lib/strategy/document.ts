import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/sessions";
import { AppError } from "@/lib/errors";
import { type StrategyContent } from "@/lib/strategy/content";
import { getVersion } from "@/lib/strategy/versions";
import { importIntoDraft } from "@/lib/strategy/draft";
import { STRATEGY_FORMAT, strategyDocumentSchema, type StrategyDocument } from "@/lib/validations/strategy";

const withoutKey = <T extends { key?: string }>({ key: _key, ...rest }: T) => rest;

/** A version as a portable file: no ids; targets name their team or rep instead. */
export async function exportVersion(actor: Actor, where: { id?: string; number?: number }): Promise<StrategyDocument> {
  const version = await getVersion(actor, where); // drafts only for those who may edit them
  const ids = version.targets.map((t) => t.scopeId).filter((id): id is string => !!id);
  const [teams, users] = await Promise.all([
    db.team.findMany({ where: { organizationId: actor.organizationId, id: { in: ids } }, select: { id: true, name: true } }),
    db.user.findMany({ where: { organizationId: actor.organizationId, id: { in: ids } }, select: { id: true, email: true } }),
  ]);
  const refs = new Map<string, string>([...teams.map((t) => [t.id, t.name] as const), ...users.map((u) => [u.id, u.email] as const)]);
  return {
    format: STRATEGY_FORMAT,
    mission: version.mission,
    valueProposition: version.valueProposition,
    segments: version.segments.map(withoutKey),
    capabilities: version.capabilities.map(withoutKey),
    guardrails: version.guardrails.map(withoutKey),
    products: version.products.map(withoutKey),
    targets: version.targets.map((t) => ({ period: t.period, scope: t.scope, scopeRef: t.scopeId ? (refs.get(t.scopeId) ?? null) : null, metric: t.metric, value: t.value })),
  };
}

/** The first problem in a file, as "path: message", e.g. "capabilities[3].expectedDate: …". */
export function firstIssue(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0]!;
  const path = issue.path.reduce<string>((acc, p) => (typeof p === "number" ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), "");
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** Validates a strategy file and loads it into the draft (replacing the draft's content). */
export async function importStrategyFile(actor: Actor, json: unknown) {
  const parsed = strategyDocumentSchema.safeParse(json);
  if (!parsed.success) {
    throw new AppError("VALIDATION_FAILED", `The file was not imported. ${firstIssue(parsed.error)}`, {
      fieldErrors: { file: [firstIssue(parsed.error)] },
    });
  }
  return importIntoDraft(actor, parsed.data, async (doc) => {
    const [teams, users] = await Promise.all([
      db.team.findMany({ where: { organizationId: actor.organizationId }, select: { id: true, name: true } }),
      db.user.findMany({ where: { organizationId: actor.organizationId }, select: { id: true, email: true } }),
    ]);
    return doc.targets.map((t, i): StrategyContent["targets"][number] => {
      let scopeId: string | null = null;
      if (t.scope !== "company") {
        scopeId = t.scope === "team" ? (teams.find((x) => x.name.toLowerCase() === t.scopeRef?.toLowerCase())?.id ?? null) : (users.find((u) => u.email === t.scopeRef?.toLowerCase())?.id ?? null);
        if (!scopeId) {
          const message = `targets[${i}].scopeRef: no ${t.scope} "${t.scopeRef ?? ""}" in this organisation.`;
          throw new AppError("VALIDATION_FAILED", `The file was not imported. ${message}`, { fieldErrors: { file: [message] } });
        }
      }
      return { key: crypto.randomUUID(), period: t.period, scope: t.scope, scopeId, metric: t.metric, value: t.value };
    });
  });
}
