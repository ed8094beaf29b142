import { describe, expect, it } from "vitest";
import { changePasswordSchema, signInSchema } from "@/lib/validations/auth";
import { createUserSchema, updateUserSchema } from "@/lib/validations/users";

describe("shared form schemas", () => {
  it("normalise e-mail addresses and explain bad ones", () => {
    expect(signInSchema.parse({ email: "  Ada@Example.COM ", password: "x" }).email).toBe("ada@example.com");
    const bad = signInSchema.safeParse({ email: "ada", password: "" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join("."))).toEqual(["email", "password"]);
  });

  it("require matching, long enough, new passwords", () => {
    const r = changePasswordSchema.safeParse({ currentPassword: "old password", newPassword: "short", confirmPassword: "other" });
    expect(r.error?.issues.map((i) => i.path.join("."))).toEqual(["newPassword", "confirmPassword"]);
  });

  it("read form values: empty team means none, checkbox means active", () => {
    const id = "00000000-0000-4000-8000-000000000000";
    expect(updateUserSchema.parse({ userId: id, role: "REP", teamId: "", active: "true" })).toEqual({ userId: id, role: "REP", teamId: null, active: true });
    expect(updateUserSchema.parse({ userId: id, role: "REP", teamId: id }).active).toBe(false);
    expect(createUserSchema.safeParse({ name: "A", email: "a@b.co", role: "OWNER", teamId: "", password: "long enough pw" }).success).toBe(false);
  });
});
