import { withApi } from "@/lib/auth/guard";
import { csvResponse } from "@/lib/csv/write";
import { firstValues } from "@/lib/dashboard/filters";
import { ACCOUNT_EXPORT_HEADER, accountListQuerySchema, exportAccounts } from "@/lib/deals/exports";

// GET /api/accounts/export?q=&region=&industry=&externalId= — the account list as CSV, same filters.
export const GET = withApi({ permission: "deal:read" }, async ({ request, actor }) => {
  const query = accountListQuerySchema.parse(firstValues(Object.fromEntries(request.nextUrl.searchParams)));
  return csvResponse(`keel-accounts-${new Date().toISOString().slice(0, 10)}.csv`, ACCOUNT_EXPORT_HEADER, exportAccounts(actor!, query));
});
