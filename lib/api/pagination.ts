import { AppError } from "@/lib/errors";

// Keyset pagination for /api/v1 lists: a page is read from an index in order, `nextCursor` carries
// the sort values of its last row (opaque base64url JSON), and the next page starts after it, so
// pages stay cheap and stable however deep a client reads and whatever is written meanwhile.

export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

/** The sort values of a cursor, checked against the types the list expects. */
export function decodeCursor<T extends ("string" | "date")[]>(cursor: string | undefined, types: T): { [K in keyof T]: T[K] extends "date" ? Date : string } | null {
  if (cursor === undefined) return null;
  const bad = () => new AppError("VALIDATION_FAILED", "The cursor is not valid; pass `nextCursor` of the previous page as it is.", { fieldErrors: { cursor: ["Not a cursor of this list."] } });
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw bad();
  }
  if (!Array.isArray(values) || values.length !== types.length) throw bad();
  return values.map((v, i) => {
    if (typeof v !== "string") throw bad();
    if (types[i] === "date") {
      const d = new Date(v);
      if (Number.isNaN(d.getTime())) throw bad();
      return d;
    }
    return v;
  }) as never;
}

/** Cuts the one extra row read to know whether there is a next page, and makes its cursor. */
export function pageOf<T>(rows: T[], limit: number, key: (row: T) => (string | number)[]) {
  const more = rows.length > limit;
  const data = more ? rows.slice(0, limit) : rows;
  return { data, nextCursor: more ? encodeCursor(key(data[data.length - 1]!)) : null };
}
