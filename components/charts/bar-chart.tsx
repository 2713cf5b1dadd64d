import { seriesColour } from "./palette";

// A horizontal bar chart rendered on the server as SVG: no client JavaScript. Each bar carries
// its value as a direct label, so the length is never the only cue; a hidden value (an
// observer's suppressed count) draws no bar and is labelled with its text ("<5", "–").

export type Bar = { label: string; value: number | null; text: string };

type Props = {
  id: string;
  title: string;
  description: string;
  bars: Bar[];
  /** Colour index into the Okabe–Ito palette. */
  colour?: number;
};

const ROW = 26;
const LABEL_WIDTH = 170;
const WIDTH = 520;
const VALUE_SPACE = 48;

export function BarChart({ id, title, description, bars, colour = 0 }: Props) {
  const max = Math.max(1, ...bars.map((b) => b.value ?? 0));
  const height = bars.length * ROW + 4;
  const scale = (v: number) => ((WIDTH - LABEL_WIDTH - VALUE_SPACE) * v) / max;
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      className="chart max-w-xl"
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {bars.map((b, i) => {
        const y = i * ROW + 2;
        const w = b.value === null ? 0 : scale(b.value);
        return (
          <g key={`${b.label}-${i}`}>
            <text x={LABEL_WIDTH - 8} y={y + ROW / 2 + 4} textAnchor="end" fontSize="12" fill="#1e293b">
              {b.label.length > 26 ? `${b.label.slice(0, 25)}…` : b.label}
            </text>
            <rect x={LABEL_WIDTH} y={y + 4} width={Math.max(w, 0)} height={ROW - 8} fill={seriesColour(colour)} stroke="#1e293b" strokeWidth={w > 0 ? 0.5 : 0} />
            <text x={LABEL_WIDTH + w + 6} y={y + ROW / 2 + 4} fontSize="12" fill="#1e293b" fontWeight="600">
              {b.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
