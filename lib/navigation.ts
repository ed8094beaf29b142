import { can, type Permission } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";

export type NavItem = { href: string; label: string; permission: Permission };

// Each role sees its own places; pages check the same permission again on the server.
export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/dashboard", label: "Dashboard", permission: "deal:read" },
  { href: "/deals", label: "Deals", permission: "deal:read" },
  { href: "/strategy", label: "Strategy", permission: "strategy:read" },
  { href: "/signals", label: "Market signals", permission: "signals:read" },
  { href: "/admin", label: "Admin", permission: "users:manage" },
];

export function navFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => can(role, item.permission));
}

/** A same-site path to return to after sign-in; anything else (other hosts, //evil) becomes "/". */
export function safeCallback(value: string | string[] | undefined): string {
  const v = Array.isArray(value) ? value[0] : value;
  return v && v.startsWith("/") && !v.startsWith("//") && !v.startsWith("/\\") ? v : "/";
}
