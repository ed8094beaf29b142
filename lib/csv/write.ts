// Writing CSV (RFC 4180): every cell quoted when it needs to be, CRLF line ends, and a leading
// apostrophe on text that a spreadsheet would otherwise run as a formula (=, +, -, @).

export type Cell = string | number | boolean | null | undefined;

const FORMULA = /^[=+\-@\t\r]/;

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "yes" : "no";
  const text = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: Cell[]) => `${cells.map(csvCell).join(",")}\r\n`;

/** A CSV download response; `rows` may be produced lazily so large exports stream. */
export function csvResponse(filename: string, header: string[], rows: AsyncIterable<Cell[]> | Iterable<Cell[]>): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        // A byte-order mark so spreadsheet programs read the file as UTF-8.
        controller.enqueue(encoder.encode(`\uFEFF${csvLine(header)}`));
        let chunk = "";
        for await (const row of rows) {
          chunk += csvLine(row);
          if (chunk.length > 64_000) {
            controller.enqueue(encoder.encode(chunk));
            chunk = "";
          }
        }
        if (chunk) controller.enqueue(encoder.encode(chunk));
        controller.close();
      } catch (error) {
        controller.error(error);
      }
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
      "cache-control": "no-store",
    },
  });
}
