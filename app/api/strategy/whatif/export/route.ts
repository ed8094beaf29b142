import { withApi } from "@/lib/auth/guard";
import { csvResponse } from "@/lib/csv/write";
import { firstValues } from "@/lib/dashboard/filters";
import { WHATIF_EXPORT_HEADER, exportWhatIfDeals, whatIfRun } from "@/lib/whatif/queries";
import { whatIfDealsQuerySchema } from "@/lib/validations/whatif";

// GET /api/strategy/whatif/export?run=…&move=… — a what-if run's deals as CSV, filtered like the list.
export const GET = withApi({ permission: "strategy:edit" }, async ({ request, actor }) => {
  const query = whatIfDealsQuerySchema.parse(firstValues(Object.fromEntries(request.nextUrl.searchParams)));
  await whatIfRun(actor!, query.run); // a 404 now, not a broken download later
  return csvResponse(`keel-what-if-${new Date().toISOString().slice(0, 10)}.csv`, WHATIF_EXPORT_HEADER, exportWhatIfDeals(actor!, query));
});
