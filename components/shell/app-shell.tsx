import Link from "next/link";
import type { ReactNode } from "react";
import { NavLinks } from "@/components/shell/nav-links";

export function AppShell({
  user,
  navItems,
  signOutAction,
  bell,
  children,
}: {
  bell?: ReactNode;
  user: { name: string; roleLabel: string; organizationName: string };
  navItems: { href: string; label: string }[];
  signOutAction: () => Promise<void>;
  children: ReactNode;
}) {
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="no-print relative bg-slate-900 text-white">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-4 px-4">
          <Link href="/" className="text-lg font-semibold tracking-tight text-white">
            Keel
          </Link>
          <NavLinks items={navItems} />
          <div className="flex items-center gap-3 text-sm">
            {bell}
            <Link href="/account" className="hidden text-right leading-tight text-slate-200 hover:text-white sm:block">
              <span className="block font-medium">{user.name}</span>
              <span className="block text-xs text-slate-300">
                {user.roleLabel} · {user.organizationName}
              </span>
            </Link>
            <form action={signOutAction}>
              <button type="submit" className="rounded-md border border-slate-500 px-3 py-1.5 text-sm text-white hover:bg-slate-800">
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-8">
        {children}
      </main>
    </div>
  );
}
