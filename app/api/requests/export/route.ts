import { withApi } from "@/lib/auth/guard";
import { csvResponse } from "@/lib/csv/write";
import { firstValues } from "@/lib/dashboard/filters";
import { exportRequests, REQUEST_EXPORT_HEADER, requestListQuerySchema } from "@/lib/deals/exports";

// GET /api/requests/export?q=&accountId=&dealId=&themeId=&mine=1&standalone=&from=&to= — customer
// requests as CSV, with the list's filters and scope (standalone ones, and those on visible deals).
export const GET = withApi({ permission: "deal:read" }, async ({ request, actor }) => {
  const query = requestListQuerySchema.parse(firstValues(Object.fromEntries(request.nextUrl.searchParams)));
  return csvResponse(`keel-requests-${new Date().toISOString().slice(0, 10)}.csv`, REQUEST_EXPORT_HEADER, exportRequests(actor!, query));
});
