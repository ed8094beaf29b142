import "server-only";
import { notFound } from "next/navigation";
import type { Actor } from "@/lib/auth/sessions";
import { getDeal } from "@/lib/deals/queries";
import { AppError } from "@/lib/errors";

/** The deal behind a URL, or Next's 404 for a malformed id or a deal this actor may not see. */
export async function loadDealOr404(actor: Actor, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  try {
    return await getDeal(actor, id);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
