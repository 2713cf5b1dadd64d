import Link from "next/link";

type Props = { label: string; value: string; detail?: string; tone?: "neutral" | "warning"; href?: string };

/** A key figure; with `href`, the figure links to the list behind it. */
export function StatCard({ label, value, detail, tone = "neutral", href }: Props) {
  const figure = `mt-1 text-3xl font-semibold ${tone === "warning" ? "text-amber-800" : "text-slate-900"}`;
  return (
    <div
      className={`rounded-lg border bg-white p-5 shadow-sm ${tone === "warning" ? "border-amber-300" : "border-slate-200"}`}
    >
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className={figure}>
        {href ? (
          <Link href={href} className="underline decoration-slate-300 underline-offset-4 hover:decoration-current focus-visible:outline-2" data-figure={value}>
            {value}
          </Link>
        ) : value}
      </dd>
      {detail ? <dd className="mt-1 text-sm text-slate-600">{detail}</dd> : null}
    </div>
  );
}
