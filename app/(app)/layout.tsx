import { AppShell } from "@/components/shell/app-shell";
import { requirePageActor } from "@/lib/auth/guard";
import { ROLE_LABEL } from "@/lib/auth/permissions";
import { navFor } from "@/lib/navigation";
import { signOutAction } from "./actions";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor();
  return (
    <AppShell
      user={{ name: actor.name, roleLabel: ROLE_LABEL[actor.role], organizationName: actor.organizationName }}
      navItems={navFor(actor.role).map(({ href, label }) => ({ href, label }))}
      signOutAction={signOutAction}
    >
      {children}
    </AppShell>
  );
}
