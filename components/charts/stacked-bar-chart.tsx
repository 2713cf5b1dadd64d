import { PatternDefs, Swatch } from "./palette";

// Stacked columns (e.g. entries per month, stacked by environment), server-rendered SVG. Each
// series has an Okabe–Ito colour and a pattern (legend beside it); each column's total is
// written above it. A column with a hidden part (an observer's "<5") is drawn from the parts
// that are shown only, and its label is the total's text.

export type StackedColumn = { label: string; parts: (number | null)[]; totalText: string };

type Props = {
  id: string;
  title: string;
  description: string;
  series: string[];
  columns: StackedColumn[];
};

const HEIGHT = 200;
const TOP = 18;
const BOTTOM = 24;
const LEFT = 8;
const WIDTH = 640;

export function StackedBarChart({ id, title, description, series, columns }: Props) {
  const totals = columns.map((c) => c.parts.reduce<number>((s, v) => s + (v ?? 0), 0));
  const max = Math.max(1, ...totals);
  const step = (WIDTH - LEFT) / Math.max(1, columns.length);
  const barWidth = Math.min(36, step * 0.7);
  const plot = HEIGHT - TOP - BOTTOM;
  return (
    <figure className="chart-figure">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-labelledby={`${id}-title ${id}-desc`} className="chart max-w-3xl">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <PatternDefs id={id} count={series.length} />
        <line x1={LEFT} x2={WIDTH} y1={HEIGHT - BOTTOM} y2={HEIGHT - BOTTOM} stroke="#475569" strokeWidth="1" />
        {columns.map((c, i) => {
          const x = LEFT + i * step + (step - barWidth) / 2;
          let y = HEIGHT - BOTTOM;
          return (
            <g key={c.label}>
              {c.parts.map((v, s) => {
                if (!v) return null;
                const h = (plot * v) / max;
                y -= h;
                return <rect key={s} x={x} y={y} width={barWidth} height={h} fill={`url(#${id}-p${s})`} stroke="#1e293b" strokeWidth="0.5" />;
              })}
              <text x={x + barWidth / 2} y={y - 4} textAnchor="middle" fontSize="11" fontWeight="600" fill="#1e293b">{c.totalText}</text>
              <text x={x + barWidth / 2} y={HEIGHT - 8} textAnchor="middle" fontSize="11" fill="#334155">{c.label}</text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
          {series.map((s, i) => (
            <li key={s} className="flex items-center gap-1.5"><Swatch id={id} index={i} /> {s}</li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
