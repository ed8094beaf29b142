/** A calendar day as YYYY-MM-DD (UTC), the form the schemas and the engine use. */
export const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** A moment to the minute, in UTC, for admin lists: "2026-11-23 05:24 UTC"; null → "—". */
export const utcMinute = (d: Date | null) => (d ? `${d.toISOString().replace("T", " ").slice(0, 16)} UTC` : "—");
