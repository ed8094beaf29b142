// Generates a large, realistic demo organisation (lib/demo/generate.ts) in the database at
// DATABASE_URL: `npm run db:generate-demo -- --deals 1000000`, which runs this through
// `node scripts/keel.mjs with-db` (embedded PostgreSQL unless DATABASE_URL is set).
import { DEFAULT_DEMO_OPTIONS, DemoError, generateDemo, type DemoOptions } from "../lib/demo/generate";

const HELP = `Usage: npm run db:generate-demo -- [options]

Creates one new organisation with people, a published strategy, accounts and scored deals.

  --deals N        deals to generate                      (default ${DEFAULT_DEMO_OPTIONS.deals.toLocaleString("en")})
  --reps N         sales reps                             (default ${DEFAULT_DEMO_OPTIONS.reps})
  --teams N        teams, each with a manager             (default ${DEFAULT_DEMO_OPTIONS.teams})
  --accounts N     customer accounts                      (default ${DEFAULT_DEMO_OPTIONS.accounts.toLocaleString("en")})
  --years N        how far back deals go                  (default ${DEFAULT_DEMO_OPTIONS.years})
  --org-slug S     the organisation's slug and e-mail domain <slug>.test (default ${DEFAULT_DEMO_OPTIONS.orgSlug})
  --org-name S     the organisation's name                (default "${DEFAULT_DEMO_OPTIONS.orgName}")
  --seed N         PRNG seed: same seed and options, same data (default ${DEFAULT_DEMO_OPTIONS.seed})
  --now T          "today", for a run identical to an earlier one (default: now; ISO, e.g. 2026-11-20T12:00:00Z)
  --batch N        deals per transaction                  (default ${DEFAULT_DEMO_OPTIONS.batchSize.toLocaleString("en")})
  --open           every deal still open (a whole pipeline, for the what-if bench)
  --replace        delete an organisation with the same slug first
  --help           this text

Numbers may be written 1000000, 1_000_000, 1,000,000 or 1e6.`;

const NUMERIC: Record<string, keyof DemoOptions> = {
  "--deals": "deals", "--reps": "reps", "--teams": "teams", "--accounts": "accounts", "--years": "years", "--seed": "seed", "--batch": "batchSize",
};
const TEXT: Record<string, keyof DemoOptions> = { "--org-slug": "orgSlug", "--org-name": "orgName", "--now": "now" };

function parseArgs(argv: string[]): Partial<DemoOptions> {
  const options: Record<string, unknown> = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.includes("=") ? argv[i]!.split(/=(.*)/s, 2) as [string, string] : [argv[i]!, undefined];
    if (flag === "--help" || flag === "-h") {
      console.log(HELP);
      process.exit(0);
    }
    if (flag === "--replace" || flag === "--open") {
      options[flag === "--open" ? "openOnly" : "replace"] = true;
      continue;
    }
    const key = NUMERIC[flag] ?? TEXT[flag];
    if (!key) throw new DemoError(`Unknown option "${flag}". Run with --help for the options.`);
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith("--"))) throw new DemoError(`${flag} needs a value.`);
    if (NUMERIC[flag]) {
      const n = Number(value.replace(/[_,]/g, ""));
      if (!Number.isFinite(n)) throw new DemoError(`${flag} must be a number (got "${value}").`);
      options[key] = n;
    } else {
      options[key] = key === "now" ? new Date(value) : value;
    }
  }
  return options as Partial<DemoOptions>;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const url = process.env.DATABASE_URL;
  if (!url) throw new DemoError("DATABASE_URL is not set. Run it as `npm run db:generate-demo -- …`, which provides the database.");
  const s = await generateDemo(url, options);
  const n = (x: number | undefined) => (x ?? 0).toLocaleString("en");
  const c = s.counts;
  console.log(`
Created organisation ${s.slug} (${s.organizationId}) in ${s.seconds.total} s
  people          ${n(c.users)} in ${n(c.teams)} teams
  accounts        ${n(c.accounts)}
  deals           ${n(c.deals)}, each scored: average ${s.averageScore.toFixed(1)}, ${(100 * s.offStrategyShare).toFixed(1)}% off-strategy (${n(c.offStrategy)})
  line items      ${n(c.lineItems)}
  promises        ${n(c.commitments)}
  requests        ${n(c.requests)}
  deal scores     ${n(c.dealScores)}
  reviews         ${n(c.reviews)} (${n(c.approvedExceptions)} approved exceptions)
  strategy        version 1, ${n(c.targets)} targets; ${n(c.acknowledgements)} acknowledgements, ${n(c.questions)} questions (${n(c.questionsOpen)} open)
  notifications   ${n(c.flaggedNotifications)} off-strategy alerts to managers
  time            ${Object.entries(s.seconds).map(([k, v]) => `${k} ${v} s`).join(", ")}

  Logins (password for all: ${s.password})
${s.logins.map((l) => `    ${l.role.padEnd(8)} ${l.email}`).join("\n")}
`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof DemoError) console.error(`generate-demo · ${error.message}`);
    else console.error(error);
    process.exit(1);
  },
);
