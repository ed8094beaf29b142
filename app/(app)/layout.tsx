import { AppShell } from "@/components/shell/app-shell";
import { requirePageActor } from "@/lib/auth/guard";
import { ROLE_LABEL } from "@/lib/auth/permissions";
import { navFor } from "@/lib/navigation";
import { NotificationBell } from "@/components/shell/notification-bell";
import { listNotifications, unreadCount } from "@/lib/notifications/notify";
import { signOutAction } from "./actions";
import { markNotificationsReadAction } from "./deals/actions";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor();
  const [unread, items] = await Promise.all([unreadCount(actor), listNotifications(actor)]);
  return (
    <AppShell
      user={{ name: actor.name, roleLabel: ROLE_LABEL[actor.role], organizationName: actor.organizationName }}
      navItems={navFor(actor.role).map(({ href, label }) => ({ href, label }))}
      signOutAction={signOutAction}
      bell={
        <NotificationBell
          key={unread}
          unread={unread}
          items={items.map((n) => ({ id: n.id, title: n.title, href: n.href, readAt: n.readAt?.toISOString() ?? null, createdAt: n.createdAt.toISOString() }))}
          markRead={markNotificationsReadAction}
        />
      }
    >
      {children}
    </AppShell>
  );
}
