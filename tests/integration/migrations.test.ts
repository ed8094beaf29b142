import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { listMigrations, migrate } from "../../scripts/lib/migrator.mjs";
import { withDatabase } from "../../scripts/lib/database.mjs";

const server = inject("serverUrl");
const name = `keel_mig_${Date.now()}`;
const url = withDatabase(server, name);

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = [], target = url) {
  const client = new pg.Client({ connectionString: target });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

describe("migrator", () => {
  beforeAll(async () => {
    await query(`CREATE DATABASE "${name}"`, [], server);
  });
  afterAll(async () => {
    await query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`, [], server);
  });

  it("applies every migration once and records it the way prisma migrate deploy does", async () => {
    const expected = listMigrations("prisma/migrations");
    expect(await migrate(url)).toEqual(expected.map((m) => m.name));
    expect(await migrate(url)).toEqual([]);
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(expected.map((m) => [m.name, m.checksum]));
    expect(rows.every((r) => r.finished_at !== null && r.applied_steps_count === 1)).toBe(true);
  });

  it("runs concurrent migrators one at a time (advisory lock), so nothing is applied twice", async () => {
    const other = `${name}_c`;
    const otherUrl = withDatabase(server, other);
    await query(`CREATE DATABASE "${other}"`, [], server);
    try {
      const results = await Promise.all([migrate(otherUrl), migrate(otherUrl), migrate(otherUrl)]);
      expect(results.flat().length).toBe(listMigrations("prisma/migrations").length);
    } finally {
      await query(`DROP DATABASE IF EXISTS "${other}" WITH (FORCE)`, [], server);
    }
  });

  it("rolls a failing migration back whole and records nothing for it", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "keel-mig-"));
    mkdirSync(path.join(dir, "20990101000000_broken"));
    writeFileSync(
      path.join(dir, "20990101000000_broken", "migration.sql"),
      `CREATE TABLE "HalfDone" ("id" INT);\nSELECT * FROM "no_such_table";`,
    );
    await expect(migrate(url, { dir })).rejects.toThrow(/20990101000000_broken failed and was rolled back/);
    const tables = await query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'HalfDone'`);
    expect(tables).toHaveLength(0);
    const rows = await query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '20990101000000_broken'`);
    expect(rows).toHaveLength(0);
  });
});
