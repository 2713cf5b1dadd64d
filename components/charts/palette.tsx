// Okabe–Ito: eight colours told apart with every common colour-vision deficiency. Each series
// also gets its own fill pattern, so colour is never the only cue (WCAG 1.4.1), in print too.
export const OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"] as const;

export type PatternKind = "solid" | "diagonal" | "dots" | "cross" | "horizontal" | "vertical";
export const PATTERNS: readonly PatternKind[] = ["solid", "diagonal", "dots", "cross", "horizontal", "vertical"];

export const seriesColour = (i: number) => OKABE_ITO[i % OKABE_ITO.length]!;
export const seriesPattern = (i: number) => PATTERNS[i % PATTERNS.length]!;

/** `<pattern>` definitions for a chart's series: the colour as ground, white marks over it. */
export function PatternDefs({ id, count }: { id: string; count: number }) {
  return (
    <defs>
      {Array.from({ length: count }, (_, i) => {
        const colour = seriesColour(i);
        const kind = seriesPattern(i);
        return (
          <pattern key={i} id={`${id}-p${i}`} width="6" height="6" patternUnits="userSpaceOnUse">
            <rect width="6" height="6" fill={colour} />
            {kind === "diagonal" ? <path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke="#fff" strokeWidth="1.2" /> : null}
            {kind === "dots" ? <circle cx="3" cy="3" r="1.2" fill="#fff" /> : null}
            {kind === "cross" ? <path d="M0,0 l6,6 M6,0 l-6,6" stroke="#fff" strokeWidth="1" /> : null}
            {kind === "horizontal" ? <path d="M0,3 h6" stroke="#fff" strokeWidth="1.2" /> : null}
            {kind === "vertical" ? <path d="M3,0 v6" stroke="#fff" strokeWidth="1.2" /> : null}
          </pattern>
        );
      })}
    </defs>
  );
}

/** A legend entry's swatch: the same pattern as the series. */
export function Swatch({ id, index }: { id: string; index: number }) {
  return (
    <svg width="14" height="14" aria-hidden="true" focusable="false" className="inline-block align-[-2px]">
      <PatternDefs id={`${id}-s${index}`} count={index + 1} />
      <rect width="14" height="14" fill={`url(#${id}-s${index}-p${index})`} stroke="#1e293b" strokeWidth="0.5" />
    </svg>
  );
}
