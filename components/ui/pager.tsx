import Link from "next/link";

/** "Previous · Page 2 of 7 · 130 deals · Next" under a paginated list; nothing when one page is all. */
export function Pager({ page, pages, total, noun, hrefFor }: { page: number; pages: number; total: number; noun: string; hrefFor: (page: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center gap-4 text-sm">
      {page > 1 ? <Link className="text-indigo-800 underline" href={hrefFor(page - 1)}>Previous</Link> : null}
      <span>Page {page} of {pages} · {total} {noun}</span>
      {page < pages ? <Link className="text-indigo-800 underline" href={hrefFor(page + 1)}>Next</Link> : null}
    </nav>
  );
}
