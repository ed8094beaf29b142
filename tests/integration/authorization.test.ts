// Every server action, called as each role, as nobody, and as an admin of another organisation.
// These tests fail when a guard is removed: the permission in authAction, or the organisation
// filter in a domain function.
import { describe, expect, it } from "vitest";
import { createTeamAction, createUserAction, updateTeamAction, updateUserAction } from "@/app/(app)/admin/actions";
import { changePasswordAction } from "@/app/(app)/account/actions";
import { listUsers } from "@/lib/users/users";
import { listTeams } from "@/lib/teams/teams";
import { listAuditLog } from "@/lib/audit/list";
import { actorForSession, createSession } from "@/lib/auth/sessions";
import { createOrganizationWithRoles, unique } from "../factories";
import { as, db } from "./helpers";

type Org = Awaited<ReturnType<typeof createOrganizationWithRoles>>;
type Call = (org: Org) => Promise<{ ok: boolean; code?: string }>;

const ACTIONS: Record<string, { allowed: string[]; call: Call }> = {
  createUser: {
    allowed: ["ADMIN"],
    call: () => createUserAction({ name: "New Person", email: `${unique("new")}@example.test`, role: "REP", teamId: "", password: "long enough password" }),
  },
  updateUser: {
    allowed: ["ADMIN"],
    call: (org) => updateUserAction({ userId: org.otherRep.id, role: "REP", teamId: org.team.id, active: "true" }),
  },
  createTeam: { allowed: ["ADMIN"], call: () => createTeamAction({ name: unique("Team"), managerId: "" }) },
  updateTeam: {
    allowed: ["ADMIN"],
    call: (org) => updateTeamAction({ teamId: org.team.id, name: org.team.name, managerId: org.manager.id }),
  },
  changePassword: {
    allowed: ["ADMIN", "LEADER", "MANAGER", "REP"],
    call: (org) => changePasswordAction({ currentPassword: "wrong on purpose", newPassword: "another long password", confirmPassword: "another long password" }).then((r) => {
      void org;
      // A wrong current password is a validation error, which proves the action ran for this role.
      return r.ok || r.code !== "VALIDATION_FAILED" ? r : { ok: true };
    }),
  },
};

describe("every server action checks the session and the role", () => {
  for (const [name, { allowed, call }] of Object.entries(ACTIONS)) {
    it(`${name}: allowed for ${allowed.join(", ")}; refused to everyone else and to nobody`, async () => {
      const org = await createOrganizationWithRoles(db);
      const matrix: Record<string, string> = {};
      for (const role of ["ADMIN", "LEADER", "MANAGER", "REP"] as const) {
        const user = { ADMIN: org.admin, LEADER: org.leader, MANAGER: org.manager, REP: org.rep }[role];
        const result = await as(user.id, () => call(org));
        matrix[role] = result.ok ? "allow" : (result.code ?? "?");
      }
      matrix.nobody = await as(null, () => call(org)).then((r) => (r.ok ? "allow" : (r.code ?? "?")));
      const expected = Object.fromEntries(
        [...["ADMIN", "LEADER", "MANAGER", "REP"].map((r) => [r, allowed.includes(r) ? "allow" : "FORBIDDEN"]), ["nobody", "UNAUTHENTICATED"]],
      );
      expect(matrix).toEqual(expected);
    });
  }
});

describe("an admin of organisation B cannot read or change organisation A", () => {
  it("cannot change A's users or teams, nor pull them into B", async () => {
    const a = await createOrganizationWithRoles(db);
    const b = await createOrganizationWithRoles(db);
    const asB = <T,>(fn: () => Promise<T>) => as(b.admin.id, fn);

    expect(await asB(() => updateUserAction({ userId: a.rep.id, role: "ADMIN", teamId: "", active: "true" }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await asB(() => updateTeamAction({ teamId: a.team.id, name: "Taken over", managerId: "" }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await asB(() => updateUserAction({ userId: b.rep.id, role: "REP", teamId: a.team.id, active: "true" }))).toMatchObject({ ok: false, code: "VALIDATION_FAILED", fieldErrors: { teamId: expect.any(Array) } });
    expect(await asB(() => updateTeamAction({ teamId: b.team.id, name: b.team.name, managerId: a.manager.id }))).toMatchObject({ ok: false, code: "VALIDATION_FAILED", fieldErrors: { managerId: expect.any(Array) } });
    expect(await asB(() => createUserAction({ name: "X", email: `${unique("x")}@example.test`, role: "REP", teamId: a.team.id, password: "long enough password" }))).toMatchObject({ ok: false, fieldErrors: { teamId: expect.any(Array) } });

    const repA = await db.user.findUniqueOrThrow({ where: { id: a.rep.id } });
    expect(repA.role).toBe("REP");
    const teamA = await db.team.findUniqueOrThrow({ where: { id: a.team.id } });
    expect(teamA.name).toBe(a.team.name);
  });

  it("sees only B's people, teams and audit log", async () => {
    const a = await createOrganizationWithRoles(db);
    const b = await createOrganizationWithRoles(db);
    await as(a.admin.id, () => createTeamAction({ name: unique("A-only"), managerId: "" }));
    const actorB = (await actorForSession(await createSession(b.admin.id)))!;
    const users = await listUsers(actorB);
    expect(users.map((u) => u.id).sort()).toEqual([b.admin.id, b.leader.id, b.manager.id, b.rep.id, b.otherRep.id].sort());
    expect((await listTeams(actorB)).map((t) => t.id)).toEqual([b.team.id]);
    const audit = await listAuditLog(actorB);
    expect(audit.entries.every((e) => e.organizationId === b.organization.id)).toBe(true);
  });
});

describe("admin changes are validated, transactional and audited", () => {
  it("creates a user and a team, with before and after in the audit log and no password in it", async () => {
    const org = await createOrganizationWithRoles(db);
    const email = `${unique("hire")}@example.test`;
    const created = await as(org.admin.id, () => createUserAction({ name: "  Hana Hire ", email: email.toUpperCase(), role: "MANAGER", teamId: "", password: "first password 1" }));
    expect(created).toMatchObject({ ok: true });
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ name: "Hana Hire", role: "MANAGER", organizationId: org.organization.id });

    const team = await as(org.admin.id, () => createTeamAction({ name: unique("Growth"), managerId: user.id }));
    expect(team.ok).toBe(true);
    const entries = await db.auditLog.findMany({ where: { organizationId: org.organization.id }, orderBy: { createdAt: "asc" } });
    expect(entries.map((e) => e.action)).toEqual(["user.create", "team.create"]);
    expect(entries[0]).toMatchObject({ actorId: org.admin.id, entityId: user.id, before: null });
    expect(JSON.stringify(entries)).not.toMatch(/passwordHash|first password/);

    const update = await as(org.admin.id, () => updateUserAction({ userId: user.id, role: "LEADER", teamId: "", active: "true" }));
    expect(update.ok).toBe(true);
    const last = await db.auditLog.findFirstOrThrow({ where: { organizationId: org.organization.id, action: "user.update" } });
    expect(last.before).toMatchObject({ role: "MANAGER" });
    expect(last.after).toMatchObject({ role: "LEADER" });
  });

  it("answers bad input field by field and writes nothing", async () => {
    const org = await createOrganizationWithRoles(db);
    const before = await db.user.count({ where: { organizationId: org.organization.id } });
    const result = await as(org.admin.id, () =>
      createUserAction({ name: "", email: "not-an-email", role: "KING", teamId: "not-a-uuid", password: "short" }),
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["email", "name", "password", "role", "teamId"]);
    const dup = await as(org.admin.id, () => createUserAction({ name: "Dup", email: org.rep.email, role: "REP", teamId: "", password: "long enough password" }));
    expect(dup).toMatchObject({ ok: false, code: "CONFLICT", fieldErrors: { email: expect.any(Array) } });
    const dupTeam = await as(org.admin.id, () => createTeamAction({ name: org.team.name.toUpperCase(), managerId: "" }));
    expect(dupTeam).toMatchObject({ ok: false, code: "CONFLICT" });
    const manager = await as(org.admin.id, () => createTeamAction({ name: unique("T"), managerId: org.rep.id }));
    expect(manager).toMatchObject({ ok: false, fieldErrors: { managerId: expect.any(Array) } });
    const huge = await as(org.admin.id, () => createUserAction({ name: "x".repeat(100_000), email: "a@b.co", role: "REP", teamId: "", password: "long enough password" }));
    expect(huge).toMatchObject({ ok: false, fieldErrors: { name: expect.any(Array) } });
    expect(await db.user.count({ where: { organizationId: org.organization.id } })).toBe(before);
  });

  it("refuses to let an admin remove their own admin access", async () => {
    const org = await createOrganizationWithRoles(db);
    const result = await as(org.admin.id, () => updateUserAction({ userId: org.admin.id, role: "REP", teamId: "", active: "true" }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { role: expect.any(Array) } });
  });
});
