import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/empty-state";
import { requirePageActor } from "@/lib/auth/guard";
import { ROLE_LABEL } from "@/lib/auth/permissions";
import { changePasswordAction } from "./actions";
import { PasswordForm } from "./password-form";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const actor = await requirePageActor("account:self");
  return (
    <>
      <PageHeader title="Your account" description={`${actor.name} · ${actor.email} · ${ROLE_LABEL[actor.role]} of ${actor.organizationName}`} />
      <Card title="Change your password">
        <PasswordForm action={changePasswordAction} />
      </Card>
    </>
  );
}
