import "server-only";
// Read-only lookups the strategy pages need beside the domain functions: names for target scopes,
// the teams a viewer belongs to or manages, and open questions across versions. Every query is
// scoped by the actor's organisation.
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/sessions";

export type ScopeOption = { id: string; name: string; detail?: string };

/** The organisation's teams and active reps, for the target scope pickers and for showing names. */
export async function listScopeOptions(actor: Actor): Promise<{ teams: ScopeOption[]; reps: ScopeOption[] }> {
  const [teams, reps] = await Promise.all([
    db.team.findMany({
      where: { organizationId: actor.organizationId },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    db.user.findMany({
      where: { organizationId: actor.organizationId, role: "REP" },
      select: { id: true, name: true, active: true, team: { select: { name: true } } },
      orderBy: [{ active: "desc" }, { name: "asc" }],
    }),
  ]);
  return {
    teams: teams.map((t) => ({ id: t.id, name: t.name })),
    reps: reps.map((r) => ({
      id: r.id,
      name: r.name,
      detail: [r.team?.name, r.active ? null : "inactive"].filter(Boolean).join(", ") || undefined,
    })),
  };
}

/** Names of teams and people by id (targets and answers store only the id). */
export async function namesById(actor: Actor, ids: (string | null)[]): Promise<Record<string, string>> {
  const unique = [...new Set(ids.filter((x): x is string => !!x))];
  if (unique.length === 0) return {};
  const [teams, users] = await Promise.all([
    db.team.findMany({ where: { organizationId: actor.organizationId, id: { in: unique } }, select: { id: true, name: true } }),
    db.user.findMany({ where: { organizationId: actor.organizationId, id: { in: unique } }, select: { id: true, name: true } }),
  ]);
  return Object.fromEntries([...teams, ...users].map((x) => [x.id, x.name]));
}

/** The teams whose targets concern the viewer: their own team and any team they manage. */
export async function viewerTeamIds(actor: Actor): Promise<string[]> {
  const managed = await db.team.findMany({
    where: { organizationId: actor.organizationId, managerId: actor.userId },
    select: { id: true },
  });
  return [...new Set([...(actor.teamId ? [actor.teamId] : []), ...managed.map((t) => t.id)])];
}

/** Unanswered questions on any version, oldest first, with the version number they were asked on. */
export async function listOpenQuestions(actor: Actor) {
  const questions = await db.strategyQuestion.findMany({
    where: { organizationId: actor.organizationId, answer: null },
    select: {
      id: true, section: true, body: true, createdAt: true,
      author: { select: { name: true } },
      version: { select: { number: true } },
    },
    orderBy: { createdAt: "asc" },
    take: 200,
  });
  return questions.map((q) => ({
    id: q.id, section: q.section, body: q.body, createdAt: q.createdAt, authorName: q.author.name, versionNumber: q.version.number,
  }));
}

type TargetLike = { key: string; scope: "company" | "team" | "rep"; scopeId: string | null };

/**
 * The targets of a version that concern the viewer, grouped for the brief: leadership sees them
 * all; everyone else the company's, their team's (or the teams they manage) and their own.
 */
export async function targetsForViewer<T extends TargetLike>(actor: Actor, targets: T[]) {
  const everything = actor.role === "LEADER" || actor.role === "ADMIN";
  const teamIds = everything ? [] : await viewerTeamIds(actor);
  const groups = [
    { title: "Company", showScope: false, targets: targets.filter((t) => t.scope === "company") },
    {
      title: everything ? "Teams" : teamIds.length > 1 ? "Your teams" : "Your team",
      showScope: true,
      targets: targets.filter((t) => t.scope === "team" && (everything || teamIds.includes(t.scopeId ?? ""))),
    },
    {
      title: everything ? "Reps" : "Yours",
      showScope: everything,
      targets: targets.filter((t) => t.scope === "rep" && (everything || t.scopeId === actor.userId)),
    },
  ];
  const names = await namesById(actor, groups.flatMap((g) => g.targets.map((t) => t.scopeId)));
  return { groups, names, title: everything ? "Targets" : "Your targets" };
}
