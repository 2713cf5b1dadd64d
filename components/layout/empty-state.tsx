/** What a list page shows instead of an empty table. */
export function EmptyState({ title, text }: { title: string; text?: string }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center">
      <p className="font-medium text-slate-800">{title}</p>
      {text ? <p className="mt-1 text-sm text-slate-600">{text}</p> : null}
    </div>
  );
}
