"use server";

import { revalidatePath } from "next/cache";
import { authAction } from "@/lib/auth/guard";
import { createTeam, updateTeam } from "@/lib/teams/teams";
import { createUser, setUserPassword, updateUser } from "@/lib/users/users";
import { createUserSchema, setPasswordSchema, teamSchema, updateTeamSchema, updateUserSchema } from "@/lib/validations/users";

export const createUserAction = authAction({ permission: "users:manage", schema: createUserSchema }, async (input, actor) => {
  const user = await createUser(actor, input);
  revalidatePath("/admin");
  return `${user.name} can now sign in as ${user.email}.`;
});

export const updateUserAction = authAction({ permission: "users:manage", schema: updateUserSchema }, async (input, actor) => {
  const user = await updateUser(actor, input);
  revalidatePath("/admin");
  return `Saved ${user.name}.`;
});

export const setPasswordAction = authAction({ permission: "users:manage", schema: setPasswordSchema }, async (input, actor) => {
  const user = await setUserPassword(actor, input);
  revalidatePath("/admin");
  return `${user.name} can now sign in with the new password; any session they had has ended.`;
});

export const createTeamAction = authAction({ permission: "teams:manage", schema: teamSchema }, async (input, actor) => {
  const team = await createTeam(actor, input);
  revalidatePath("/admin");
  return `Team ${team.name} created.`;
});

export const updateTeamAction = authAction({ permission: "teams:manage", schema: updateTeamSchema }, async (input, actor) => {
  const team = await updateTeam(actor, input);
  revalidatePath("/admin");
  return `Saved team ${team.name}.`;
});
