import Link from "next/link";

/** Leadership moves between the pipeline dashboard and the leadership view; the filters travel along. */
export function DashboardTabs({ current, query }: { current: "pipeline" | "leadership"; query: string }) {
  const tabs = [
    { key: "pipeline", href: `/dashboard${query}`, label: "Pipeline alignment" },
    { key: "leadership", href: `/dashboard/leadership${query}`, label: "Leadership" },
  ] as const;
  return (
    <nav aria-label="Dashboards" className="mb-4 flex gap-1 border-b border-slate-200">
      {tabs.map((t) => (
        <Link
          key={t.key}
          href={t.href}
          aria-current={t.key === current ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${t.key === current ? "border-indigo-700 text-indigo-800" : "border-transparent text-slate-600 hover:text-slate-900"}`}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
