// Fails when prisma/schema.prisma and the committed SQL migrations disagree. Prisma Migrate cannot
// run here (its schema engine is a download), so this compares Prisma's own reading of the schema
// (DMMF from the schema wasm) with the database the migrations built: tables, columns, types,
// nullability, defaults, enums, indexes and foreign keys.
import { readFileSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { get_dmmf } from "@prisma/prisma-schema-wasm";

type DmmfField = {
  name: string; kind: string; type: string; isList: boolean; isRequired: boolean; isUpdatedAt: boolean;
  hasDefaultValue: boolean; default?: { name?: string } | unknown; nativeType?: [string, string[]] | null;
  dbName?: string | null; relationFromFields?: string[]; relationToFields?: string[]; relationOnDelete?: string;
};
type DmmfModel = { name: string; dbName: string | null; fields: DmmfField[] };
type DmmfIndex = { model: string; type: "id" | "unique" | "normal" | "fulltext"; fields: { name: string; sortOrder?: string }[] };

const dmmf = JSON.parse(
  get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", readFileSync("prisma/schema.prisma", "utf8")]] })),
).datamodel as { models: DmmfModel[]; enums: { name: string; values: { name: string }[] }[]; indexes: DmmfIndex[] };

const table = (m: DmmfModel) => m.dbName ?? m.name;
const column = (m: DmmfModel, fieldName: string) => {
  const f = m.fields.find((x) => x.name === fieldName)!;
  return f.dbName ?? f.name;
};

function expectedType(f: DmmfField): string {
  if (f.kind === "enum") return f.isList ? `_${f.type}` : f.type;
  const native = f.nativeType?.[0];
  const byNative: Record<string, string> = { Uuid: "uuid", Timestamptz: "timestamptz", Date: "date", VarChar: "varchar", Text: "text", SmallInt: "int2", Real: "float4", DoublePrecision: "float8" };
  const byScalar: Record<string, string> = { String: "text", Int: "int4", BigInt: "int8", Float: "float8", Decimal: "numeric", Boolean: "bool", DateTime: "timestamp", Json: "jsonb", Bytes: "bytea" };
  const base = (native && byNative[native]) || byScalar[f.type] || `unknown:${f.type}`;
  return f.isList ? `_${base}` : base; // Prisma creates scalar lists as nullable arrays
}

function expectsDbDefault(f: DmmfField): boolean {
  if (!f.hasDefaultValue) return false;
  const d = f.default as { name?: string } | undefined;
  if (d && typeof d === "object" && "name" in d) return ["now", "dbgenerated", "autoincrement", "sequence"].includes(d.name ?? "");
  return true; // a literal default lives in the database
}

const ON_DELETE: Record<string, string> = { Cascade: "c", SetNull: "n", Restrict: "r", NoAction: "a", SetDefault: "d" };

let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
});
afterAll(async () => client.end());

describe("schema.prisma and prisma/migrations", () => {
  it("define the same enums", async () => {
    const { rows } = await client.query<{ name: string; values: string[] }>(`
      SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`);
    const actual = Object.fromEntries(rows.map((r) => [r.name, r.values]));
    const expected = Object.fromEntries(dmmf.enums.map((e) => [e.name, e.values.map((v) => v.name)]));
    expect(actual).toEqual(expected);
  });

  it("define the same tables and columns, with the same types, nullability and defaults", async () => {
    const { rows } = await client.query<{ table_name: string; column_name: string; udt_name: string; is_nullable: string; column_default: string | null }>(`
      SELECT table_name, column_name, udt_name, is_nullable, column_default FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`);
    const actual = rows
      .map((r) => `${r.table_name}.${r.column_name} ${r.udt_name} ${r.is_nullable === "NO" ? "required" : "optional"} ${r.column_default === null ? "no-default" : "default"}`)
      .sort();
    const expected = dmmf.models
      .flatMap((m) =>
        m.fields
          .filter((f) => f.kind === "scalar" || f.kind === "enum")
          .map((f) => `${table(m)}.${f.dbName ?? f.name} ${expectedType(f)} ${f.isRequired && !f.isList ? "required" : "optional"} ${expectsDbDefault(f) ? "default" : "no-default"}`),
      )
      .sort();
    expect(actual).toEqual(expected);
  });

  it("define the same primary keys, unique constraints and indexes", async () => {
    const { rows } = await client.query<{ tablename: string; indexdef: string }>(
      `SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    );
    const actual = rows
      .map((r) => {
        const unique = /CREATE UNIQUE INDEX/.test(r.indexdef) ? "unique" : "index";
        // INCLUDE columns (covering indexes, SQL-only: Prisma's schema cannot express them) are not keys.
        const def = r.indexdef.replace(/ INCLUDE \(.*\)$/, "");
        const cols = def.slice(def.lastIndexOf("(") + 1, def.lastIndexOf(")")).replaceAll('"', "").split(", ").join(",");
        return `${r.tablename} ${unique} (${cols})`;
      })
      .sort();
    const expected = dmmf.indexes
      .map((i) => {
        const model = dmmf.models.find((m) => m.name === i.model)!;
        const cols = i.fields.map((f) => `${column(model, f.name)}${f.sortOrder === "desc" ? " DESC" : ""}`).join(",");
        return `${table(model)} ${i.type === "normal" ? "index" : "unique"} (${cols})`;
      })
      .sort();
    expect(actual).toEqual(expected);
  });

  it("define the same foreign keys and delete rules", async () => {
    const { rows } = await client.query<{ src: string; cols: string[]; dst: string; refcols: string[]; del: string }>(`
      SELECT c.conrelid::regclass::text AS src, c.confrelid::regclass::text AS dst, c.confdeltype::text AS del,
        ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i) AS cols,
        ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i) AS refcols
      FROM pg_constraint c WHERE c.contype = 'f'`);
    const actual = rows.map((r) => `${r.src.replaceAll('"', "")}(${r.cols}) -> ${r.dst.replaceAll('"', "")}(${r.refcols}) on delete ${r.del}`).sort();
    const expected = dmmf.models
      .flatMap((m) =>
        m.fields
          .filter((f) => f.kind === "object" && f.relationFromFields?.length)
          .map((f) => {
            const target = dmmf.models.find((x) => x.name === f.type)!;
            const from = f.relationFromFields!.map((n) => column(m, n));
            const to = f.relationToFields!.map((n) => column(target, n));
            const del = ON_DELETE[f.relationOnDelete ?? (f.isRequired ? "Restrict" : "SetNull")];
            return `${table(m)}(${from}) -> ${table(target)}(${to}) on delete ${del}`;
          }),
      )
      .sort();
    expect(actual).toEqual(expected);
  });
});
