import { withApi } from "@/lib/auth/guard";
import { csvResponse } from "@/lib/csv/write";
import { firstValues } from "@/lib/dashboard/filters";
import { DEAL_EXPORT_HEADER, dealListQuerySchema, exportDeals } from "@/lib/deals/queries";

// GET /api/deals/export?… — the deal list as CSV, with the same filters (and scope) as the list.
export const GET = withApi({ permission: "deal:read" }, async ({ request, actor }) => {
  const query = dealListQuerySchema.parse(firstValues(Object.fromEntries(request.nextUrl.searchParams)));
  return csvResponse(`keel-deals-${new Date().toISOString().slice(0, 10)}.csv`, DEAL_EXPORT_HEADER, exportDeals(actor!, query));
});
