/** A calendar day as YYYY-MM-DD (UTC), the form the schemas and the engine use. */
export const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
