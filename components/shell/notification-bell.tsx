"use client";

import Link from "next/link";
import { useEffect, useRef, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/auth/guard";

type Item = { id: string; title: string; href: string; readAt: string | null; createdAt: string };

/** The bell: unread count, and the latest notifications in a disclosure panel. Keyed on the unread
 * count by the layout, so a fresh count from the server resets it. */
export function NotificationBell({ unread, items, markRead }: { unread: number; items: Item[]; markRead: (input: unknown) => Promise<ActionResult<string>> }) {
  const [open, setOpen] = useState(false);
  const [count, setCount] = useState(unread);
  const [, start] = useTransition();
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    window.addEventListener("keydown", close);
    return () => window.removeEventListener("keydown", close);
  }, [open]);
  return (
    <div className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="notifications-panel"
        aria-label={count ? `Notifications, ${count} unread` : "Notifications"}
        onClick={() => setOpen((v) => !v)}
        className="relative rounded-md border border-slate-500 px-2.5 py-1.5 text-sm text-white hover:bg-slate-800"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {count ? <span aria-hidden="true" className="absolute -right-2 -top-2 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs font-semibold">{count}</span> : null}
      </button>
      {open ? (
        <div ref={panel} id="notifications-panel" className="absolute right-0 z-30 mt-2 w-80 rounded-lg border border-slate-200 bg-white p-3 text-slate-900 shadow-lg">
          <div className="mb-2 flex items-center justify-between">
            <h2 className="text-sm font-semibold">Notifications</h2>
            {count ? (
              <button type="button" className="text-xs text-indigo-800 underline" onClick={() => start(async () => { const r = await markRead({ ids: "all" }); if (r.ok) setCount(0); })}>
                Mark all read
              </button>
            ) : null}
          </div>
          {items.length === 0 ? <p className="text-sm text-slate-600">Nothing yet. Flagged deals, review decisions, new strategy versions and answers to your questions show up here.</p> : (
            <ul className="max-h-96 space-y-1 overflow-y-auto">
              {items.map((n) => (
                <li key={n.id}>
                  <Link href={n.href} onClick={() => { setOpen(false); if (!n.readAt) start(async () => { const r = await markRead({ ids: [n.id] }); if (r.ok) setCount((c) => Math.max(0, c - 1)); }); }} className={`block rounded px-2 py-1.5 text-sm hover:bg-slate-100 ${n.readAt ? "text-slate-600" : "font-medium"}`}>
                    {n.title}
                    <span className="block text-xs font-normal text-slate-500">{n.createdAt.slice(0, 16).replace("T", " ")}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </div>
  );
}
