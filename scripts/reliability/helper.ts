// The parts of `npm run test:reliability` that act as a person of the organisation without a
// browser (scripts/reliability.mjs runs this with tsx against the app's database): set up tokens,
// publish a strategy version as leadership (the app's own domain code, exactly what the publish
// button does), and store hostile text in the strategy. Prints one JSON line.
import { createApiToken } from "@/lib/api/tokens";
import { actorForSession, createSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { ensureDraft, publishDraft, saveSection } from "@/lib/strategy/draft";
import { prepareImport, startFile, startImport, uploadChunk } from "@/lib/imports/runs";
import { Readable } from "node:stream";

const [command, slug = "northwind", ...rest] = process.argv.slice(2);

async function actorFor(role: "ADMIN" | "LEADER" | "REP") {
  const org = await db.organization.findUniqueOrThrow({ where: { slug } });
  const user = await db.user.findFirstOrThrow({ where: { organizationId: org.id, role, active: true }, orderBy: { email: "asc" } });
  return (await actorForSession(await createSession(user.id)))!;
}

async function main() {
  if (command === "setup") {
    const admin = await actorFor("ADMIN");
    const tokens = [];
    for (let i = 0; i < Number(rest[0] ?? 1); i++) tokens.push((await createApiToken(admin, { name: `reliability ${i}`, scope: "write" })).token);
    const version = await db.strategyVersion.findFirstOrThrow({ where: { organizationId: admin.organizationId, status: "PUBLISHED" }, orderBy: { number: "desc" }, include: { products: true } });
    const account = await db.customerAccount.findFirstOrThrow({ where: { organizationId: admin.organizationId }, orderBy: { name: "asc" } });
    return { organizationId: admin.organizationId, tokens, productKeys: version.products.map((p) => p.key), accountId: account.id };
  }
  if (command === "publish") {
    const leader = await actorFor("LEADER");
    const [note = "Reliability run", missionText] = rest;
    let draft = await ensureDraft(leader);
    if (missionText) {
      await saveSection(leader, { section: "mission", versionId: draft.id, revision: draft.revision, data: { whoWeAre: missionText, whyWeAreHere: missionText, whyItMatters: missionText } } as never);
      draft = await ensureDraft(leader);
    } else {
      // A real change, so the version differs: nudge the value position by one.
      await saveSection(leader, { section: "valueProposition", versionId: draft.id, revision: draft.revision, data: { valuePosition: draft.valueProposition.valuePosition >= 100 ? draft.valueProposition.valuePosition - 1 : draft.valueProposition.valuePosition + 1, valueRationale: draft.valueProposition.valueRationale ?? "" } } as never).catch(() => undefined);
      draft = await ensureDraft(leader);
    }
    return publishDraft(leader, { versionId: draft.id, revision: draft.revision, changeNote: note });
  }
  if (command === "import") {
    // An import from another CRM, as an admin starts it in /admin/import: accounts and N deals.
    const admin = await actorFor("ADMIN");
    const rep = await db.user.findFirstOrThrow({ where: { organizationId: admin.organizationId, role: "REP" }, orderBy: { email: "asc" } });
    const [n = "2000", prefix = "REL"] = rest;
    const accounts = ["Account ID,Account Name,Industry,Employees,Billing Country", `${prefix}-A1,Reliability One,Live events,120,EU`, `${prefix}-A2,Reliability Two,Retail,40,US`].join("\n");
    const deals = ["Opportunity ID,Opportunity Name,Stage,Close Date,Amount,Account ID,Owner Email"];
    for (let i = 1; i <= Number(n); i++) deals.push(`${prefix}-${i},Imported deal ${i},Qualification,${(i % 28) + 1}.${(i % 12) + 1}.2027,${1000 + i},${prefix}-A${(i % 2) + 1},${rep.email}`);
    let runId: string | null = null;
    for (const [name, text] of [["accounts.csv", accounts], ["deals.csv", deals.join("\n")]] as const) {
      const file = await startFile(admin, { runId, name });
      runId = file.runId;
      await uploadChunk(admin, { runId: file.runId, fileId: file.fileId, offset: 0, final: true }, Readable.from([Buffer.from(text)]));
    }
    const analysis = await prepareImport(admin, { runId: runId! });
    if (analysis.blocking.length) throw new Error(`import blocked: ${analysis.blocking.join("; ")}`);
    return startImport(admin, { runId: runId!, settings: { ...analysis.settings, dateOrder: "dmy" } });
  }
  throw new Error(`unknown command ${command}`);
}

main()
  .then((out) => console.log(JSON.stringify(out)))
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
