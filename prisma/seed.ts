// Seeds the demo organisation when the database has none, then prints the demo logins.
// Run by `npm start` / `npm run dev` / `npm run db:seed`; safe to run again (it never duplicates).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { createOrganization, createTeam, createUser } from "../tests/factories";

export const DEMO_PASSWORD = "keel-demo-2026";
export const DEMO_ORG_SLUG = "northwind";
export const DEMO_USERS = [
  { role: "ADMIN", name: "Ada Admin", email: "admin@northwind.test" },
  { role: "LEADER", name: "Lena Leader", email: "leader@northwind.test" },
  { role: "MANAGER", name: "Marco Manager", email: "manager@northwind.test" },
  { role: "REP", name: "Rita Rep", email: "rep@northwind.test" },
  { role: "REP", name: "Ravi Rep", email: "rep2@northwind.test" },
] as const;

export async function seedDemo(db: PrismaClient): Promise<boolean> {
  if (await db.organization.findUnique({ where: { slug: DEMO_ORG_SLUG } })) return false;
  if ((await db.organization.count()) > 0) return false; // a real installation: leave it alone
  await db.$transaction(async (tx) => {
    const client = tx as unknown as PrismaClient;
    const org = await createOrganization(client, { name: "Northwind Analytics", slug: DEMO_ORG_SLUG });
    const byRole = new Map<string, string>();
    for (const u of DEMO_USERS.slice(0, 3)) {
      const user = await createUser(client, { organizationId: org.id, ...u, password: DEMO_PASSWORD });
      byRole.set(u.role, user.id);
    }
    const team = await createTeam(client, { organizationId: org.id, name: "Enterprise", managerId: byRole.get("MANAGER") });
    await createTeam(client, { organizationId: org.id, name: "Mid-market" });
    for (const u of DEMO_USERS.slice(3)) {
      await createUser(client, { organizationId: org.id, ...u, password: DEMO_PASSWORD, teamId: team.id });
    }
  });
  return true;
}

async function main() {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }) });
  try {
    const created = await seedDemo(db);
    const demo = await db.organization.findUnique({ where: { slug: DEMO_ORG_SLUG } });
    if (created) console.log("keel · seeded the demo organisation Northwind Analytics");
    if (demo) {
      console.log("\n  Demo logins (password for all: " + DEMO_PASSWORD + ")");
      for (const u of DEMO_USERS) console.log(`    ${u.role.padEnd(8)} ${u.email}`);
      console.log("");
    }
  } finally {
    await db.$disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
