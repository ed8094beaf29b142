import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/empty-state";
import { requirePageActor } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { ERROR_CODES, OPERATIONS, openApiDocument, scopeFor, type Operation } from "@/lib/api/openapi";

export const metadata: Metadata = { title: "API reference" };

type Schema = Record<string, unknown> & {
  $ref?: string; type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; items?: Schema;
  anyOf?: Schema[]; allOf?: Schema[]; enum?: unknown[]; format?: string; description?: string; default?: unknown;
};
type Row = { path: string; type: string; required: boolean; notes: string };

// The OpenAPI document (generated from the zod schemas) as tables a person can read.
function resolve(schema: Schema, components: Record<string, Schema>): Schema {
  return schema.$ref ? resolve(components[schema.$ref.split("/").pop()!] ?? {}, components) : schema;
}

function typeOf(schema: Schema, components: Record<string, Schema>): string {
  const s = resolve(schema, components);
  if (s.anyOf) return s.anyOf.map((x) => typeOf(x, components)).join(" | ");
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  const t = Array.isArray(s.type) ? s.type.join(" | ") : (s.type ?? "any");
  if (t === "array" && s.items) return `${typeOf(s.items, components)}[]`;
  return s.format ? `${t} (${s.format})` : t;
}

function notesOf(s: Schema): string {
  const out: string[] = [];
  for (const [key, label] of [["minimum", "≥"], ["exclusiveMinimum", ">"], ["maximum", "≤"], ["minLength", "min length"], ["maxLength", "max length"], ["maxItems", "max items"]] as const) {
    if (s[key] !== undefined) out.push(`${label} ${String(s[key])}`);
  }
  if (s.default !== undefined) out.push(`default ${JSON.stringify(s.default)}`);
  if (s.description) out.push(s.description);
  return out.join("; ");
}

function rows(schema: Schema, components: Record<string, Schema>, prefix = "", depth = 0): Row[] {
  const s = resolve(schema, components);
  const objectish = s.anyOf?.map((x) => resolve(x, components)).find((x) => x.properties) ?? s.allOf?.map((x) => resolve(x, components)).find((x) => x.properties) ?? s;
  const out: Row[] = [];
  for (const [name, child] of Object.entries(objectish.properties ?? {})) {
    const c = resolve(child, components);
    const path = prefix ? `${prefix}.${name}` : name;
    out.push({ path, type: typeOf(c, components), required: (objectish.required ?? []).includes(name), notes: notesOf(c) });
    if (depth < 3) {
      if (c.properties || c.anyOf?.some((x) => resolve(x, components).properties)) out.push(...rows(c, components, path, depth + 1));
      const items = c.items ? resolve(c.items, components) : null;
      if (items?.properties || items?.allOf) out.push(...rows(items, components, `${path}[]`, depth + 1));
    }
  }
  return out;
}

function FieldTable({ caption, schema, components }: { caption: string; schema: Schema; components: Record<string, Schema> }) {
  const list = rows(schema, components);
  return (
    <div tabIndex={0} className="overflow-x-auto">
      <table className="min-w-full text-left text-sm">
        <caption className="py-1 text-left text-sm font-semibold text-slate-900">{caption}</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-1.5">Field</th>
            <th scope="col" className="px-3 py-1.5">Type</th>
            <th scope="col" className="px-3 py-1.5">Required</th>
            <th scope="col" className="px-3 py-1.5">Notes</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {list.map((r) => (
            <tr key={r.path} className="align-top">
              <td className="px-3 py-1.5 font-mono text-xs">{r.path}</td>
              <td className="max-w-xs break-words px-3 py-1.5 font-mono text-xs">{r.type}</td>
              <td className="px-3 py-1.5">{r.required ? "yes" : "no"}</td>
              <td className="max-w-md px-3 py-1.5 text-slate-700">{r.notes}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const EXAMPLE_BODY: Record<string, string> = {
  DealCreate: `{"accountId":"<account id>","name":"Insight Pro for Festival Co","stage":"proposal","lineItems":[{"productKey":"<product key>","quantity":2,"unitPrice":24000,"discountPct":5}],"ownerEmail":"rep@example.com"}`,
  DealPatch: `{"stage":"negotiation","revision":0}`,
  AccountCreate: `{"name":"Festival Co","industry":"Live events","employees":120,"region":"EU"}`,
  AccountPatch: `{"employees":140}`,
  RequestCreate: `{"accountId":"<account id>","text":"Tickets in Apple Wallet please"}`,
  RequestPatch: `{"text":"Tickets in Apple and Google Wallet"}`,
};

function curl(op: Operation, origin: string): string {
  const path = op.path.replace("{id}", "<id>").replace("{number}", "1");
  const lines = [`curl -sS ${op.method === "get" ? "" : `-X ${op.method.toUpperCase()} `}"${origin}/api/v1${path}${op.response.list ? "?limit=25" : ""}"`, `  -H "Authorization: Bearer $KEEL_TOKEN"`];
  if (op.body) lines.push(`  -H "Content-Type: application/json"`, ...(op.idempotent ? [`  -H "Idempotency-Key: $(uuidgen)"`] : []), `  -d '${EXAMPLE_BODY[op.body] ?? "{}"}'`);
  return lines.join(" \\\n");
}

const METHOD_STYLE: Record<Operation["method"], string> = {
  get: "bg-sky-100 text-sky-900",
  post: "bg-emerald-100 text-emerald-900",
  patch: "bg-amber-100 text-amber-900",
};

export default async function ApiReferencePage() {
  const actor = await requirePageActor("account:self");
  const doc = openApiDocument() as { info: { description: string }; paths: Record<string, Record<string, { parameters: { name: string; in: string; required: boolean; description?: string; schema: Schema }[] }>>; components: { schemas: Record<string, Schema> } };
  const components = doc.components.schemas;
  const origin = "https://keel.example.com";
  const tags = [...new Set(OPERATIONS.map((o) => o.tag))];
  return (
    <>
      <PageHeader
        title="API reference"
        description="The Keel JSON API, version 1: what it accepts and answers, generated from the same schemas the API validates with."
        actions={
          <div className="flex gap-4 text-sm font-medium">
            <a href="/api/v1/openapi.json" className="text-indigo-800 underline underline-offset-4">OpenAPI document (JSON)</a>
            {can(actor.role, "api:manage") ? <Link href="/admin/api-tokens" className="text-indigo-800 underline underline-offset-4">API tokens</Link> : null}
          </div>
        }
      />
      <div className="space-y-6">
        <Card title="Authentication, pagination and limits">
          <div className="max-w-prose space-y-2 text-sm text-slate-800">
            <p>
              An admin creates an organisation token under <strong>Admin → API tokens</strong> and sees it once. Send it with every request as{" "}
              <code className="font-mono">Authorization: Bearer keel_…</code>. A <strong>read</strong> token may call every GET; a <strong>write</strong> token also POST and PATCH.
              A token only ever sees its own organisation: another organisation&apos;s ids answer 404.
            </p>
            <p>
              Lists return <code className="font-mono">{`{ "data": [...], "nextCursor": "…" }`}</code>: pass <code className="font-mono">nextCursor</code> back as{" "}
              <code className="font-mono">?cursor=</code> (with <code className="font-mono">limit</code> 1–100, default 25) until it is <code className="font-mono">null</code>.
            </p>
            <p>
              Each token may make a limited number of requests per minute (<code className="font-mono">X-RateLimit-Limit</code>, <code className="font-mono">X-RateLimit-Remaining</code>);
              beyond it the API answers 429 with <code className="font-mono">Retry-After</code> in seconds. Creates accept an <code className="font-mono">Idempotency-Key</code> header:
              a retry with the same key and body replays the first response; the same key with another body gets 409.
            </p>
          </div>
          <pre tabIndex={0} className="mt-4 overflow-x-auto rounded-md bg-slate-900 p-4 text-xs text-slate-100"><code>{`curl -sS "${origin}/api/v1/deals?limit=10" \\\n  -H "Authorization: Bearer $KEEL_TOKEN"`}</code></pre>
        </Card>
        <Card title="Errors">
          <p className="mb-3 max-w-prose text-sm text-slate-800">
            Every error is JSON: <code className="font-mono">{`{ "error": { "code", "message", "fields": [{ "path", "message" }], "fieldErrors": { "lineItems.0.quantity": ["…"] } } }`}</code>.
          </p>
          <div tabIndex={0} className="overflow-x-auto">
            <table className="min-w-full text-left text-sm">
              <caption className="sr-only">Error codes</caption>
              <thead className="bg-slate-100 text-slate-700">
                <tr>
                  <th scope="col" className="px-3 py-1.5">HTTP</th>
                  <th scope="col" className="px-3 py-1.5">Code</th>
                  <th scope="col" className="px-3 py-1.5">When</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {ERROR_CODES.map((e) => (
                  <tr key={e.code}>
                    <td className="px-3 py-1.5">{e.status}</td>
                    <td className="px-3 py-1.5 font-mono text-xs">{e.code}</td>
                    <td className="px-3 py-1.5 text-slate-700">{e.description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
        <nav aria-label="Endpoints" className="rounded-lg border border-slate-200 bg-white p-5 text-sm shadow-sm">
          <h2 className="mb-2 text-base font-semibold text-slate-900">Endpoints</h2>
          <ul className="grid gap-1 sm:grid-cols-2">
            {OPERATIONS.map((op) => (
              <li key={`${op.method} ${op.path}`}>
                <a href={`#${op.method}-${op.path.replace(/[^a-z]+/gi, "-")}`} className="text-indigo-800 underline underline-offset-2">
                  <span className="font-mono text-xs uppercase">{op.method}</span> <span className="font-mono text-xs">{op.path}</span>
                </a>{" "}
                <span className="text-slate-600">— {op.summary}</span>
              </li>
            ))}
          </ul>
        </nav>
        {tags.map((tag) => (
          <section key={tag} aria-labelledby={`tag-${tag.replace(/\W+/g, "-")}`} className="space-y-4">
            <h2 id={`tag-${tag.replace(/\W+/g, "-")}`} className="text-xl font-semibold text-slate-900">{tag}</h2>
            {OPERATIONS.filter((o) => o.tag === tag).map((op) => {
              const params = doc.paths[op.path]![op.method]!.parameters;
              return (
                <article key={`${op.method} ${op.path}`} id={`${op.method}-${op.path.replace(/[^a-z]+/gi, "-")}`} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
                  <h3 className="flex flex-wrap items-center gap-2 text-base font-semibold text-slate-900">
                    <span className={`rounded px-2 py-0.5 font-mono text-xs uppercase ${METHOD_STYLE[op.method]}`}>{op.method}</span>
                    <span className="font-mono text-sm">/api/v1{op.path}</span>
                    <span className="font-normal text-slate-700">— {op.summary}</span>
                  </h3>
                  <p className="mt-1 text-sm text-slate-700">
                    Scope: <strong>{scopeFor(op.permission)}</strong>. Success: HTTP {op.response.status}, {op.response.list ? `a page of ${op.response.schema}` : op.response.schema}.
                  </p>
                  {op.description ? <p className="mt-1 max-w-prose text-sm text-slate-800">{op.description}</p> : null}
                  <div className="mt-3 space-y-4">
                    {params.length ? (
                      <div tabIndex={0} className="overflow-x-auto">
                        <table className="min-w-full text-left text-sm">
                          <caption className="py-1 text-left text-sm font-semibold text-slate-900">Parameters</caption>
                          <thead className="bg-slate-100 text-slate-700">
                            <tr>
                              <th scope="col" className="px-3 py-1.5">Name</th>
                              <th scope="col" className="px-3 py-1.5">In</th>
                              <th scope="col" className="px-3 py-1.5">Type</th>
                              <th scope="col" className="px-3 py-1.5">Required</th>
                              <th scope="col" className="px-3 py-1.5">Notes</th>
                            </tr>
                          </thead>
                          <tbody className="divide-y divide-slate-200">
                            {params.map((p) => (
                              <tr key={`${p.in}-${p.name}`} className="align-top">
                                <td className="px-3 py-1.5 font-mono text-xs">{p.name}</td>
                                <td className="px-3 py-1.5">{p.in}</td>
                                <td className="px-3 py-1.5 font-mono text-xs">{typeOf(p.schema, components)}</td>
                                <td className="px-3 py-1.5">{p.required ? "yes" : "no"}</td>
                                <td className="max-w-md px-3 py-1.5 text-slate-700">{[notesOf(p.schema), p.description].filter(Boolean).join("; ")}</td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      </div>
                    ) : null}
                    {op.body ? <FieldTable caption={`Request body (${op.body})`} schema={{ $ref: `#/components/schemas/${op.body}` }} components={components} /> : null}
                    <FieldTable caption={`Response: ${op.response.list ? `data[] (${op.response.schema}) and nextCursor` : `data (${op.response.schema})`}`} schema={{ $ref: `#/components/schemas/${op.response.schema}` }} components={components} />
                    <div>
                      <h4 className="text-sm font-semibold text-slate-900">Example</h4>
                      <pre tabIndex={0} className="mt-1 overflow-x-auto rounded-md bg-slate-900 p-4 text-xs text-slate-100"><code>{curl(op, origin)}</code></pre>
                    </div>
                  </div>
                </article>
              );
            })}
          </section>
        ))}
      </div>
    </>
  );
}
