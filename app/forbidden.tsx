import Link from "next/link";

export default function Forbidden() {
  return (
    <main id="main" className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-center justify-center px-4 text-center">
      <p className="text-sm font-semibold text-indigo-700">403</p>
      <h1 className="mt-2 text-2xl font-semibold">Your role cannot open this page</h1>
      <p className="mt-2 text-slate-600">Ask an admin of your organisation if you need access.</p>
      <Link href="/" className="mt-6 rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-800">
        Back to Keel
      </Link>
    </main>
  );
}
