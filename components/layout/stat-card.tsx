type Props = { label: string; value: string; detail?: string; tone?: "neutral" | "warning" };

export function StatCard({ label, value, detail, tone = "neutral" }: Props) {
  return (
    <div
      className={`rounded-lg border bg-white p-5 shadow-sm ${tone === "warning" ? "border-amber-300" : "border-slate-200"}`}
    >
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className={`mt-1 text-3xl font-semibold ${tone === "warning" ? "text-amber-800" : "text-slate-900"}`}>
        {value}
      </dd>
      {detail ? <dd className="mt-1 text-sm text-slate-600">{detail}</dd> : null}
    </div>
  );
}
