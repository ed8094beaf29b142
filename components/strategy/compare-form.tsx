// Pick two published versions to compare. A plain GET form: it works before any script loads.
import { Button } from "@/components/ui/button";
import { control } from "./fields";

export function CompareForm({ numbers, a, b }: { numbers: number[]; a?: number; b?: number }) {
  const newest = numbers[0];
  const previous = numbers[1];
  return (
    <form action="/strategy/compare" method="get" className="flex flex-wrap items-end gap-3">
      <div className="space-y-1">
        <label htmlFor="compare-a" className="block text-sm font-medium text-slate-800">From version</label>
        <select id="compare-a" name="a" defaultValue={a ?? previous} className={`${control} w-32`}>
          {numbers.map((n) => <option key={n} value={n}>Version {n}</option>)}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="compare-b" className="block text-sm font-medium text-slate-800">To version</label>
        <select id="compare-b" name="b" defaultValue={b ?? newest} className={`${control} w-32`}>
          {numbers.map((n) => <option key={n} value={n}>Version {n}</option>)}
        </select>
      </div>
      <Button type="submit" variant="secondary">Compare</Button>
    </form>
  );
}
