// Named permissions per role. Code asks `can(role, "strategy:publish")`, never `role === "LEADER"`,
// so that what a role may do is written down in one place.
import type { Role } from "@/lib/generated/prisma/enums";

export const ROLES = ["ADMIN", "LEADER", "MANAGER", "REP"] as const satisfies readonly Role[];

export const ROLE_LABEL: Record<Role, string> = {
  ADMIN: "Admin",
  LEADER: "Leadership",
  MANAGER: "Manager",
  REP: "Rep",
};

const ALL: readonly Role[] = ROLES;

export const PERMISSIONS = {
  "account:self": ALL,
  "strategy:read": ALL,
  "strategy:edit": ["ADMIN", "LEADER"],
  "strategy:publish": ["ADMIN", "LEADER"],
  "deal:read": ALL,
  "deal:write": ["REP", "MANAGER", "LEADER", "ADMIN"],
  "deal:review": ["MANAGER", "LEADER", "ADMIN"],
  "dashboard:team": ["MANAGER", "LEADER", "ADMIN"],
  "dashboard:org": ["LEADER", "ADMIN"],
  "signals:read": ["LEADER", "ADMIN"],
  "signals:answer": ["LEADER", "ADMIN"],
  "users:manage": ["ADMIN"],
  "teams:manage": ["ADMIN"],
  "audit:read": ["ADMIN"],
  "import:run": ["ADMIN"],
  "api:manage": ["ADMIN"],
  "webhooks:manage": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

// An API token acts for its organisation with its scope instead of a role: "read" reads deals,
// accounts, requests, scores, strategy versions and themes; "write" also creates and updates.
export const TOKEN_SCOPES = ["read", "write"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];
const TOKEN_READ: readonly Permission[] = ["deal:read", "strategy:read", "signals:read"];
export const TOKEN_PERMISSIONS: Record<TokenScope, readonly Permission[]> = {
  read: TOKEN_READ,
  write: [...TOKEN_READ, "deal:write"],
};

export function tokenCan(scope: TokenScope, permission: Permission): boolean {
  return TOKEN_PERMISSIONS[scope].includes(permission);
}
