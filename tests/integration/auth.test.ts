import { describe, expect, it } from "vitest";
import { attemptSignIn, LOGIN_LIMITS, loginBlockedFor } from "@/lib/auth/sign-in";
import { actorForSession, createSession, deleteSession } from "@/lib/auth/sessions";
import { setPasswordAction } from "@/app/(app)/admin/actions";
import { hashPassword, NO_PASSWORD } from "@/lib/auth/password";
import { changeOwnPassword, listUsers, updateUser } from "@/lib/users/users";
import { createOrganizationWithRoles, createUser, unique } from "../factories";
import { as, db } from "./helpers";

describe("sign-in", () => {
  it("accepts the right password, whatever the e-mail's case and spaces", async () => {
    const { rep, password } = await createOrganizationWithRoles(db);
    const result = await attemptSignIn({ email: `  ${rep.email.toUpperCase()} `, password, address: unique("ip") });
    expect(result).toMatchObject({ status: "ok", user: { id: rep.id } });
  });

  it("refuses a wrong password, an unknown e-mail and an inactive user alike", async () => {
    const { organization, rep } = await createOrganizationWithRoles(db);
    const inactive = await createUser(db, { organizationId: organization.id, role: "REP", password: "right password!" });
    await db.user.update({ where: { id: inactive.id }, data: { active: false } });
    const address = unique("ip");
    expect(await attemptSignIn({ email: rep.email, password: "wrong", address })).toEqual({ status: "invalid" });
    expect(await attemptSignIn({ email: "nobody@example.test", password: "x", address })).toEqual({ status: "invalid" });
    expect(await attemptSignIn({ email: inactive.email, password: "right password!", address })).toEqual({ status: "invalid" });
  });

  it(`blocks an account after ${LOGIN_LIMITS.perAccount} failures, even with the right password, from any address`, async () => {
    const { rep, password } = await createOrganizationWithRoles(db);
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) {
      expect((await attemptSignIn({ email: rep.email, password: "nope", address: unique("ip") })).status).toBe("invalid");
    }
    const blocked = await attemptSignIn({ email: rep.email, password, address: unique("ip") });
    expect(blocked.status).toBe("rate_limited");
    expect(blocked.status === "rate_limited" && blocked.retryAfterSeconds).toBeGreaterThan(60);
  });

  it(`blocks an address after ${LOGIN_LIMITS.perAddress} failures across accounts`, async () => {
    const { admin, password } = await createOrganizationWithRoles(db);
    const address = unique("ip");
    for (let i = 0; i < LOGIN_LIMITS.perAddress; i++) {
      await attemptSignIn({ email: `${unique("guess")}@example.test`, password: "x", address });
    }
    expect(await loginBlockedFor(admin.email, address)).toBeGreaterThan(0);
    expect((await attemptSignIn({ email: admin.email, password, address })).status).toBe("rate_limited");
    expect((await attemptSignIn({ email: admin.email, password, address: unique("ip") })).status).toBe("ok");
  });
});

describe("sessions", () => {
  it("resolve to the user, role and organisation, and end on sign-out", async () => {
    const { manager, organization, team } = await createOrganizationWithRoles(db);
    const token = await createSession(manager.id);
    expect(await actorForSession(token)).toMatchObject({
      userId: manager.id, organizationId: organization.id, role: "MANAGER", organizationName: organization.name,
    });
    expect(team.managerId).toBe(manager.id);
    await deleteSession(token);
    expect(await actorForSession(token)).toBeNull();
  });

  it("end at once when an admin deactivates the user", async () => {
    const { admin, rep } = await createOrganizationWithRoles(db);
    const token = await createSession(rep.id);
    const adminActor = (await actorForSession(await createSession(admin.id)))!;
    await updateUser(adminActor, { userId: rep.id, role: "REP", teamId: rep.teamId, active: false });
    expect(await actorForSession(token)).toBeNull();
  });

  it("of other browsers end when the password changes; this one stays", async () => {
    const { rep, password } = await createOrganizationWithRoles(db);
    const here = await createSession(rep.id);
    const elsewhere = await createSession(rep.id);
    const actor = (await actorForSession(here))!;
    await changeOwnPassword(actor, { currentPassword: password, newPassword: "a brand new password" }, here);
    expect(await actorForSession(here)).not.toBeNull();
    expect(await actorForSession(elsewhere)).toBeNull();
    const signIn = await attemptSignIn({ email: rep.email, password: "a brand new password", address: unique("ip") });
    expect(signIn.status).toBe("ok");
  });

  it("let an admin set an imported person's first password, and end that person's sessions", async () => {
    const { organization, admin, rep } = await createOrganizationWithRoles(db);
    const imported = await createUser(db, { organizationId: organization.id, role: "REP", password: "unused password" });
    await db.user.update({ where: { id: imported.id }, data: { passwordHash: NO_PASSWORD } });
    const adminActor = (await actorForSession(await createSession(admin.id)))!;
    // The people list says who cannot sign in yet, without ever carrying a hash.
    const listed = await listUsers(adminActor);
    expect(listed.find((u) => u.id === imported.id)).toMatchObject({ hasPassword: false });
    expect(listed.find((u) => u.id === rep.id)).toMatchObject({ hasPassword: true });
    expect(JSON.stringify(listed)).not.toContain("$2");
    expect((await attemptSignIn({ email: imported.email, password: NO_PASSWORD, address: unique("ip") })).status).toBe("invalid");

    expect(await as(admin.id, () => setPasswordAction({ userId: imported.id, password: "their first password" }))).toMatchObject({ ok: true });
    expect((await attemptSignIn({ email: imported.email, password: "their first password", address: unique("ip") })).status).toBe("ok");
    expect((await listUsers(adminActor)).find((u) => u.id === imported.id)).toMatchObject({ hasPassword: true });
    expect(await db.auditLog.count({ where: { organizationId: organization.id, action: "user.password.set", entityId: imported.id } })).toBe(1);

    // A forgotten password: the new one works, the old one and every session of that person do not.
    const session = await createSession(rep.id);
    expect(await as(admin.id, () => setPasswordAction({ userId: rep.id, password: "a reset password" }))).toMatchObject({ ok: true });
    expect(await actorForSession(session)).toBeNull();
    expect((await attemptSignIn({ email: rep.email, password: "a reset password", address: unique("ip") })).status).toBe("ok");
  });

  it("refuse an admin's own password, a short one, and someone of another organisation", async () => {
    const { admin, rep } = await createOrganizationWithRoles(db);
    const other = await createOrganizationWithRoles(db);
    const own = await as(admin.id, () => setPasswordAction({ userId: admin.id, password: "a long enough password" }));
    expect(own).toMatchObject({ ok: false, code: "VALIDATION_FAILED", fieldErrors: { password: [expect.stringContaining("account page")] } });
    const short = await as(admin.id, () => setPasswordAction({ userId: rep.id, password: "short" }));
    expect(short).toMatchObject({ ok: false, code: "VALIDATION_FAILED", fieldErrors: { password: [expect.any(String)] } });
    const foreign = await as(other.admin.id, () => setPasswordAction({ userId: rep.id, password: "a long enough password" }));
    expect(foreign).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await as(rep.id, () => setPasswordAction({ userId: admin.id, password: "a long enough password" }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect((await attemptSignIn({ email: rep.email, password: "a long enough password", address: unique("ip") })).status).toBe("invalid");
  });

  it("reject expired sessions", async () => {
    const { rep } = await createOrganizationWithRoles(db);
    const token = unique("expired");
    await db.session.create({ data: { sessionToken: token, userId: rep.id, expires: new Date(Date.now() - 1000) } });
    expect(await actorForSession(token)).toBeNull();
  });

  it("hash passwords with bcrypt, never storing them", async () => {
    const hash = await hashPassword("a secret password");
    expect(hash).toMatch(/^\$2[aby]\$/);
    expect(hash).not.toContain("a secret password");
  });
});
