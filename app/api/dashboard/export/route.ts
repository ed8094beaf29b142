import { z } from "zod";
import { withApi } from "@/lib/auth/guard";
import { csvResponse } from "@/lib/csv/write";
import { AppError } from "@/lib/errors";
import { dashboardFiltersSchema, firstValues } from "@/lib/dashboard/filters";
import { DASHBOARD_TABLES, dashboardTable } from "@/lib/dashboard/export";

// GET /api/dashboard/export?table=reps&period=90d&… — one dashboard table as CSV, as filtered.
export const GET = withApi({ permission: "deal:read" }, async ({ request, actor }) => {
  const raw = firstValues(Object.fromEntries(request.nextUrl.searchParams));
  const table = z.enum(DASHBOARD_TABLES).safeParse(raw.table);
  if (!table.success) {
    throw new AppError("VALIDATION_FAILED", "Choose a table to export.", { fieldErrors: { table: [`One of: ${DASHBOARD_TABLES.join(", ")}.`] } });
  }
  const filters = dashboardFiltersSchema.parse(raw);
  const { header, rows } = await dashboardTable(actor!, table.data, filters);
  return csvResponse(`keel-${table.data}-${filters.period}.csv`, header, rows);
});
