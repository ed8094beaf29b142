import "server-only";
import type { Actor } from "@/lib/auth/sessions";
import { rawPool } from "@/lib/db-raw";
import type { DashboardScope } from "@/lib/dashboard/queries";

export type FilterOption = { id: string; name: string };

/** What the filter bar offers: only teams and reps inside the scope, parts of the current strategy. */
export async function filterOptions(actor: Actor, scope: DashboardScope): Promise<{ teams: FilterOption[]; reps: FilterOption[]; segments: FilterOption[]; products: FilterOption[] }> {
  const pool = rawPool();
  const org = actor.organizationId;
  const teamSql = actor.role === "MANAGER"
    ? { text: `SELECT id, name FROM "Team" WHERE "organizationId" = $1 AND "managerId" = $2 ORDER BY name`, values: [org, actor.userId] }
    : { text: `SELECT id, name FROM "Team" WHERE "organizationId" = $1 ORDER BY name`, values: [org] };
  const repSql = scope.kind === "teams"
    ? { text: `SELECT id, name FROM "User" WHERE "organizationId" = $1 AND "teamId" = ANY($2::uuid[]) AND role = 'REP' ORDER BY name`, values: [org, scope.teamIds] }
    : { text: `SELECT id, name FROM "User" WHERE "organizationId" = $1 AND role = 'REP' ORDER BY name`, values: [org] };
  const partSql = (table: string) => ({
    text: `SELECT p.key AS id, p.name FROM "${table}" p WHERE p."versionId" = (
             SELECT id FROM "StrategyVersion" WHERE "organizationId" = $1 AND status = 'PUBLISHED' ORDER BY number DESC LIMIT 1) ORDER BY p.position`,
    values: [org],
  });
  const [teams, reps, segments, products] = await Promise.all([
    actor.role === "REP" ? { rows: [] } : pool.query<FilterOption>(teamSql),
    actor.role === "REP" ? { rows: [] } : pool.query<FilterOption>(repSql),
    pool.query<FilterOption>(partSql("StrategySegment")),
    pool.query<FilterOption>(partSql("StrategyProduct")),
  ]);
  return { teams: teams.rows, reps: reps.rows, segments: segments.rows, products: products.rows };
}
