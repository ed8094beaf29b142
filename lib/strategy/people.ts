import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/sessions";
import { AppError, notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { latestPublished } from "@/lib/strategy/content";
import { notify } from "@/lib/notifications/notify";
import type { Section } from "@/lib/validations/strategy";

/** Acknowledges the current published version (idempotent: a second click changes nothing). */
export async function acknowledgeVersion(actor: Actor, versionId: string) {
  const current = await latestPublished(actor.organizationId);
  if (!current || current.id !== versionId) {
    throw new AppError("CONFLICT", "A newer strategy version was published; read it and acknowledge that one.");
  }
  await db.$transaction(async (tx) => {
    const created = await tx.strategyAcknowledgement.createMany({
      data: [{ organizationId: actor.organizationId, versionId, userId: actor.userId }],
      skipDuplicates: true,
    });
    if (created.count) {
      await recordAudit(tx, actor, { action: "strategy.acknowledge", entityType: "StrategyVersion", entityId: versionId });
    }
  });
}

export async function hasAcknowledged(actor: Actor, versionId: string) {
  return !!(await db.strategyAcknowledgement.findUnique({ where: { versionId_userId: { versionId, userId: actor.userId } } }));
}

/**
 * Who has acknowledged the current version. Leadership and admins see the organisation; a manager
 * sees the teams they manage; nobody else may ask.
 */
export async function acknowledgementStatus(actor: Actor) {
  const current = await latestPublished(actor.organizationId);
  if (!current) return null;
  const teamFilter =
    actor.role === "LEADER" || actor.role === "ADMIN"
      ? {}
      : actor.role === "MANAGER"
        ? { team: { managerId: actor.userId } }
        : null;
  if (!teamFilter) throw new AppError("FORBIDDEN", "Only managers and leadership see acknowledgements.");
  const people = await db.user.findMany({
    where: { organizationId: actor.organizationId, active: true, role: { in: ["REP", "MANAGER"] }, ...teamFilter },
    select: {
      id: true, name: true, role: true, team: { select: { name: true } }, managedTeams: { select: { name: true }, orderBy: { name: "asc" } },
      acknowledgements: { where: { versionId: current.id }, select: { createdAt: true } },
    },
    orderBy: [{ name: "asc" }],
  });
  const rows = people.map((p) => ({
    // A manager belongs with the team they lead, even when they are not one of its members.
    id: p.id, name: p.name, role: p.role, team: p.team?.name ?? p.managedTeams[0]?.name ?? "No team", acknowledgedAt: p.acknowledgements[0]?.createdAt ?? null,
  }));
  return { version: { id: current.id, number: current.number! }, rows, acknowledged: rows.filter((r) => r.acknowledgedAt).length };
}

export async function askQuestion(actor: Actor, input: { versionId: string; section: Section; body: string }) {
  const version = await db.strategyVersion.findFirst({
    where: { id: input.versionId, organizationId: actor.organizationId, status: "PUBLISHED" },
  });
  if (!version) throw notFound("That strategy version");
  return db.$transaction(async (tx) => {
    const question = await tx.strategyQuestion.create({
      data: { organizationId: actor.organizationId, versionId: version.id, section: input.section, authorId: actor.userId, body: input.body },
    });
    await recordAudit(tx, actor, { action: "strategy.question.ask", entityType: "StrategyQuestion", entityId: question.id, after: input });
    return question;
  });
}

export async function answerQuestion(actor: Actor, input: { questionId: string; answer: string }) {
  return db.$transaction(async (tx) => {
    const before = await tx.strategyQuestion.findFirst({ where: { id: input.questionId, organizationId: actor.organizationId } });
    if (!before) throw notFound("That question");
    const after = await tx.strategyQuestion.update({
      where: { id: before.id },
      data: { answer: input.answer, answeredById: actor.userId, answeredAt: new Date() },
    });
    await recordAudit(tx, actor, { action: "strategy.question.answer", entityType: "StrategyQuestion", entityId: before.id, before: { answer: before.answer }, after: { answer: after.answer } });
    if (before.authorId !== actor.userId) {
      await notify(tx, actor.organizationId, [before.authorId], { kind: "question.answered", title: "Leadership answered your question on the strategy", href: "/strategy" });
    }
    return after;
  });
}

/** Questions on a version with their authors and answers, open ones first. */
export async function listQuestions(actor: Actor, versionId: string) {
  const questions = await db.strategyQuestion.findMany({
    where: { organizationId: actor.organizationId, versionId },
    include: { author: { select: { name: true } } },
    orderBy: [{ createdAt: "asc" }],
  });
  return questions.sort((a, b) => Number(!!a.answer) - Number(!!b.answer));
}

export async function openQuestionCount(actor: Actor) {
  return db.strategyQuestion.count({ where: { organizationId: actor.organizationId, answer: null } });
}
