// Seeds the demo organisation when the database has none, then prints the demo logins.
// Run by `npm start` / `npm run dev` / `npm run db:seed` (through tsx with scripts/tsconfig.json);
// safe to run again: it never duplicates. KEEL_SEED_EMPTY_ORG=1 (the e2e runner) also adds
// Southwind, an organisation with people but no strategy yet, for the from-scratch flows.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { createOrganization, createTeam, createUser } from "../tests/factories";

export const DEMO_PASSWORD = "keel-demo-2026";

const people = (domain: string) =>
  [
    { role: "ADMIN", name: "Ada Admin", email: `admin@${domain}` },
    { role: "LEADER", name: "Lena Leader", email: `leader@${domain}` },
    { role: "MANAGER", name: "Marco Manager", email: `manager@${domain}` },
    { role: "REP", name: "Rita Rep", email: `rep@${domain}` },
    { role: "REP", name: "Ravi Rep", email: `rep2@${domain}` },
  ] as const;

export const DEMO_USERS = people("northwind.test");

async function seedOrganization(db: PrismaClient, name: string, slug: string, domain: string) {
  await db.$transaction(async (tx) => {
    const client = tx as unknown as PrismaClient;
    const org = await createOrganization(client, { name, slug });
    const [admin, leader, manager, rep, rep2] = people(domain);
    for (const u of [admin, leader]) await createUser(client, { organizationId: org.id, ...u, password: DEMO_PASSWORD });
    const m = await createUser(client, { organizationId: org.id, ...manager, password: DEMO_PASSWORD });
    const team = await createTeam(client, { organizationId: org.id, name: "Enterprise", managerId: m.id });
    await createTeam(client, { organizationId: org.id, name: "Mid-market" });
    for (const u of [rep, rep2]) await createUser(client, { organizationId: org.id, ...u, password: DEMO_PASSWORD, teamId: team.id });
    // End-to-end runs need a third rep (three reps asking for the same thing, market signals).
    if (process.env.KEEL_SEED_EMPTY_ORG === "1" && slug === "northwind") {
      await createUser(client, { organizationId: org.id, role: "REP", name: "Rosa Rep", email: `rep3@${domain}`, password: DEMO_PASSWORD, teamId: team.id });
    }
  });
}

async function main() {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }) });
  try {
    const fresh = !(await db.organization.findUnique({ where: { slug: "northwind" } }));
    if (fresh) {
      await seedOrganization(db, "Northwind Analytics", "northwind", "northwind.test");
      const { seedDemoContent } = await import("./demo");
      await seedDemoContent({ leader: "leader@northwind.test", manager: "manager@northwind.test", rep: "rep@northwind.test", rep2: "rep2@northwind.test" });
      console.log("keel · seeded the demo organisation Northwind Analytics (a published strategy and six deals)");
      if (process.env.KEEL_SEED_EMPTY_ORG === "1") await seedOrganization(db, "Southwind Ltd", "southwind", "southwind.test");
    }
    if (await db.organization.findUnique({ where: { slug: "northwind" } })) {
      console.log(`\n  Demo logins (password for all: ${DEMO_PASSWORD})`);
      for (const u of DEMO_USERS) console.log(`    ${u.role.padEnd(8)} ${u.email}`);
      if (!(await db.organization.findUnique({ where: { slug: "scale" } }))) {
        console.log("\n  Dashboards with two years of history: npm run db:generate-demo -- --deals 20000");
        console.log("  (then sign in as leader@scale.test, manager1@scale.test or rep01@scale.test)");
      }
      console.log("");
    }
  } finally {
    await db.$disconnect();
    const { db: appDb } = await import("../lib/db");
    await appDb.$disconnect();
    const { rawPool } = await import("../lib/db-raw");
    await rawPool().end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
