// Server-rendered SVG charts for the statistics page: horizontal bars (one value, or stacked parts), and a line over
// time. Each has a title and a description for screen readers, scales to its box (viewBox) and reads at 360 px.

/** The chart's accessible name and summary, and an id unique on the page (for aria-labelledby). */
type Labelled = { id: string; title: string; desc: string };

const WIDTH = 320;
const BAR_ROW = 30;
/** A label longer than this is cut (the table beside the chart has it whole). */
const MAX_LABEL = 52;
const short = (label: string) => (label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label);

function Frame(props: Labelled & { height: number; children: unknown }) {
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${props.height}`}
      width={WIDTH}
      height={props.height}
      role="img"
      aria-labelledby={`${props.id}-t ${props.id}-d`}
      class="chart"
    >
      <title id={`${props.id}-t`}>{props.title}</title>
      <desc id={`${props.id}-d`}>{props.desc}</desc>
      {props.children}
    </svg>
  );
}

/** One bar per item, its label above it and its count after it; the longest bar fills the width. */
export function BarChart(props: Labelled & { items: { label: string; n: number }[] }) {
  const max = Math.max(1, ...props.items.map((i) => i.n));
  const height = Math.max(BAR_ROW, props.items.length * BAR_ROW + 4);
  return (
    <Frame {...props} height={height}>
      {props.items.map((item, i) => {
        const y = i * BAR_ROW;
        const w = Math.round((item.n / max) * (WIDTH - 60) * 10) / 10;
        return (
          <g>
            <text x="0" y={y + 11} font-size="11" font-family="system-ui,sans-serif" fill="#1c2430">
              {short(item.label)}
            </text>
            <rect
              x="0"
              y={y + 15}
              width={Math.max(w, item.n > 0 ? 1 : 0)}
              height="11"
              rx="2"
              fill="#0f5132"
            />
            <text x={w + 4} y={y + 25} font-size="11" font-family="system-ui,sans-serif" fill="#5b6675">
              {String(item.n)}
            </text>
          </g>
        );
      })}
    </Frame>
  );
}

/** A stacked bar per item: its parts side by side, each part's colour named in `legend`. */
export function StackedBars(
  props: Labelled & {
    legend: { label: string; colour: string }[];
    items: { label: string; parts: number[] }[];
  },
) {
  const max = Math.max(1, ...props.items.map((i) => i.parts.reduce((a, b) => a + b, 0)));
  const legendRows = props.legend.length;
  const top = legendRows * 14 + 6;
  const height = top + props.items.length * BAR_ROW + 4;
  return (
    <Frame {...props} height={height}>
      {props.legend.map((l, i) => (
        <g>
          <rect x="0" y={i * 14} width="10" height="10" fill={l.colour} />
          <text x="14" y={i * 14 + 9} font-size="11" font-family="system-ui,sans-serif" fill="#1c2430">
            {l.label}
          </text>
        </g>
      ))}
      {props.items.map((item, i) => {
        const y = top + i * BAR_ROW;
        let x = 0;
        return (
          <g>
            <text x="0" y={y + 11} font-size="11" font-family="system-ui,sans-serif" fill="#1c2430">
              {short(item.label)}
            </text>
            {item.parts.map((n, p) => {
              const w = Math.round((n / max) * (WIDTH - 10) * 10) / 10;
              const rect = (
                <rect x={x} y={y + 15} width={w} height="11" fill={props.legend[p]?.colour ?? '#999'} />
              );
              x += w;
              return rect;
            })}
          </g>
        );
      })}
    </Frame>
  );
}

/** A line through one point per bucket, with the first, middle and last bucket named under it and its top count. */
export function LineChart(props: Labelled & { points: { label: string; n: number }[] }) {
  const height = 170;
  const left = 34;
  const right = WIDTH - 8;
  const top = 12;
  const bottom = 140;
  const max = Math.max(1, ...props.points.map((p) => p.n));
  const step = props.points.length > 1 ? (right - left) / (props.points.length - 1) : 0;
  const at = props.points.map((p, i) => ({
    x: Math.round((left + i * step) * 10) / 10,
    y: Math.round((bottom - (p.n / max) * (bottom - top)) * 10) / 10,
    ...p,
  }));
  const named = [...new Set([0, Math.floor((at.length - 1) / 2), at.length - 1])].filter((i) => i >= 0);
  return (
    <Frame {...props} height={height}>
      <line x1={left} y1={bottom} x2={right} y2={bottom} stroke="#9aa5b1" />
      <line x1={left} y1={top} x2={left} y2={bottom} stroke="#9aa5b1" />
      <text x={left - 4} y={top + 4} text-anchor="end" font-size="10" font-family="system-ui,sans-serif">
        {String(max)}
      </text>
      <text x={left - 4} y={bottom} text-anchor="end" font-size="10" font-family="system-ui,sans-serif">
        0
      </text>
      <polyline
        points={at.map((p) => `${p.x},${p.y}`).join(' ')}
        fill="none"
        stroke="#0f5132"
        stroke-width="2"
      />
      {at.map((p) => (
        <circle cx={p.x} cy={p.y} r="2.5" fill="#0f5132">
          <title>{`${p.label}: ${p.n}`}</title>
        </circle>
      ))}
      {named.map((i) => {
        const p = at[i];
        if (!p) return null;
        const anchor = i === 0 ? 'start' : i === at.length - 1 ? 'end' : 'middle';
        return (
          <text
            x={p.x}
            y={bottom + 16}
            text-anchor={anchor}
            font-size="10"
            font-family="system-ui,sans-serif"
          >
            {p.label}
          </text>
        );
      })}
    </Frame>
  );
}
