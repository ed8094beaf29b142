import { PageSkeleton } from "@/components/shell/page-skeleton";

// Only under routes every role may open: a loading boundary streams the page, which fixes the
// HTTP status at 200 before a guard could answer 403 or 404.
export default PageSkeleton;
