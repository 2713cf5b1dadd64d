import { seriesColour } from "./palette";

// A small line over months (a trend at a glance), server-rendered SVG with a dot and a direct
// label at its last point. Hidden values (an observer's "<5") break the line rather than
// pretending to be zero.

type Props = { id: string; title: string; description: string; values: (number | null)[]; lastText: string; colour?: number };

const WIDTH = 160;
const HEIGHT = 40;

export function Sparkline({ id, title, description, values, lastText, colour = 0 }: Props) {
  const max = Math.max(1, ...values.map((v) => v ?? 0));
  const x = (i: number) => 4 + (i * (WIDTH - 48)) / Math.max(1, values.length - 1);
  const y = (v: number) => HEIGHT - 6 - ((HEIGHT - 12) * v) / max;
  const segments: string[] = [];
  let current = "";
  values.forEach((v, i) => {
    if (v === null) {
      if (current) segments.push(current);
      current = "";
      return;
    }
    current += `${current ? "L" : "M"}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
  });
  if (current) segments.push(current);
  const last = values.length - 1;
  const lastValue = values[last];
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="chart">
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {segments.map((d, i) => <path key={i} d={d} fill="none" stroke={seriesColour(colour)} strokeWidth="2" />)}
      {lastValue !== null && lastValue !== undefined ? <circle cx={x(last)} cy={y(lastValue)} r="3" fill={seriesColour(colour)} /> : null}
      <text x={WIDTH - 40} y={HEIGHT / 2 + 4} fontSize="12" fontWeight="600" fill="#1e293b">{lastText}</text>
    </svg>
  );
}
