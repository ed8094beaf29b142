"use server";

import { z } from "zod";
import { redirect } from "next/navigation";
import { signOut } from "@/lib/auth/auth";
import { authAction } from "@/lib/auth/guard";

const signOutGuarded = authAction({ permission: "account:self", schema: z.unknown() }, async () => {
  await signOut({ redirectTo: "/sign-in" });
});

export async function signOutAction(): Promise<void> {
  // A session that is already gone has nothing to end: just go to the sign-in page.
  const result = await signOutGuarded(undefined);
  if (!result.ok) redirect("/sign-in");
}
