import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";
import { emailSchema, newPasswordSchema } from "@/lib/validations/auth";

export const idSchema = z.uuid({ error: "That id is not valid." });
const optionalId = z.preprocess((v) => (v === "" || v === undefined ? null : v), idSchema.nullable());
const roleSchema = z.enum(ROLES, { error: "Choose a role: Admin, Leadership, Manager or Rep." });
const nameSchema = z
  .string({ error: "Enter a name." })
  .trim()
  .min(1, "Enter a name.")
  .max(120, "Use at most 120 characters.");

export const createUserSchema = z.object({
  name: nameSchema,
  email: emailSchema,
  role: roleSchema,
  teamId: optionalId,
  password: newPasswordSchema,
});

export const updateUserSchema = z.object({
  userId: idSchema,
  role: roleSchema,
  teamId: optionalId,
  active: z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()),
});

export const teamSchema = z.object({
  name: z.string({ error: "Enter a team name." }).trim().min(1, "Enter a team name.").max(80, "Use at most 80 characters."),
  managerId: optionalId,
});

export const updateTeamSchema = teamSchema.extend({ teamId: idSchema });

/** An admin sets someone's password (an imported rep's first one, or a forgotten one). */
export const setPasswordSchema = z.object({
  userId: idSchema,
  password: newPasswordSchema,
});

export type CreateUserInput = z.output<typeof createUserSchema>;
export type SetPasswordInput = z.output<typeof setPasswordSchema>;
export type UpdateUserInput = z.output<typeof updateUserSchema>;
export type TeamInput = z.output<typeof teamSchema>;
export type UpdateTeamInput = z.output<typeof updateTeamSchema>;
