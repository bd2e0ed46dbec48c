// Views by day as an SVG drawn on the server: no script, nothing from another host. Time runs in
// the page's reading direction (oldest on the right in Arabic, as Arabic papers print their
// charts), the value axis sits on the side reading starts from. Bars up to MAX_BARS days, a line
// beyond (bars a pixel wide say nothing). The numbers are also given as a table beside it: the
// chart is a picture with a summary for screen readers, the table is the accessible version.
import type { JSX } from 'preact';

export interface ChartPoint {
  /** Short label for the axis ("3 Dec"). */
  label: string;
  /** Full label for the bar's tooltip and the table ("3 December 2026"). */
  fullLabel: string;
  value: number;
}

// Narrow enough that the labels stay legible on a 390 px phone, where the picture shrinks to fit.
export const VIEW_WIDTH = 360;
export const VIEW_HEIGHT = 200;
export const MAX_BARS = 45;
const FONT = 12;
const TOP = 12;
const BOTTOM = 26;
const AXIS = 40;
const EDGE = 8;
const LABEL_GAP = 12;

/** A generous estimate of a label's width in user units (no font metrics on the server). */
export function labelWidth(text: string): number {
  return text.length * FONT * 0.6;
}

/** The smallest 1, 2 or 5 × 10ⁿ at or above the highest value: round axis labels. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

export interface ChartGeometry {
  kind: 'bars' | 'line';
  /** Left edge and width of the plot area (user units). */
  plotLeft: number;
  plotWidth: number;
  plotTop: number;
  plotBottom: number;
  top: number;
  /** Each point's slot: its centre, its bar's left edge and width, its height. */
  slots: { x: number; barX: number; barWidth: number; y: number; height: number }[];
  /** Value axis ticks: value and height. */
  ticks: { value: number; y: number }[];
  /** Where the value labels stand (outside the plot, on the side reading starts from). */
  valueX: number;
  valueAnchor: 'start' | 'end';
  /** The points whose labels are printed under the axis, and where (centre, inside the picture). */
  labels: { index: number; x: number }[];
}

export function chartGeometry(points: readonly ChartPoint[], rtl: boolean): ChartGeometry {
  const top = niceMax(Math.max(0, ...points.map((p) => p.value)));
  const plotLeft = rtl ? EDGE : AXIS;
  const plotWidth = VIEW_WIDTH - AXIS - EDGE;
  const plotTop = TOP;
  const plotBottom = VIEW_HEIGHT - BOTTOM;
  const plotHeight = plotBottom - plotTop;
  const n = Math.max(1, points.length);
  const slot = plotWidth / n;
  const kind = points.length > MAX_BARS ? 'line' : 'bars';
  const barWidth = Math.max(1, slot * 0.7);
  const slots = points.map((p, i) => {
    // In a right-to-left page the first (oldest) day takes the rightmost slot.
    const index = rtl ? n - 1 - i : i;
    const x = plotLeft + slot * index + slot / 2;
    const height = (Math.max(0, p.value) / top) * plotHeight;
    return { x, barX: x - barWidth / 2, barWidth, y: plotBottom - height, height };
  });
  const ticks = [0, top / 2, top]
    .filter((value) => Number.isInteger(value))
    .map((value) => ({ value, y: plotBottom - (value / top) * plotHeight }));
  // As many day labels as fit side by side without touching, always the first and the last.
  const widest = Math.max(1, ...points.map((p) => labelWidth(p.label)));
  const fit = Math.max(2, Math.floor(plotWidth / (widest + LABEL_GAP)));
  const count = Math.min(points.length, fit);
  const wanted =
    count <= 1
      ? points.map((_, i) => i)
      : [
          ...new Set(
            Array.from({ length: count }, (_, k) => Math.round((k * (points.length - 1)) / (count - 1))),
          ),
        ];
  // Labels at the edges are pulled inside the picture; one pulled onto its neighbour drops the
  // neighbour, never the first or last day.
  const labels: { index: number; x: number }[] = [];
  for (const index of wanted) {
    const x = clampLabel(slots[index]!.x, points[index]!.label);
    const clear = (other: { index: number; x: number }) =>
      Math.abs(other.x - x) >=
      (labelWidth(points[other.index]!.label) + labelWidth(points[index]!.label)) / 2 + LABEL_GAP / 2;
    while (labels.length > 1 && !clear(labels[labels.length - 1]!)) labels.pop();
    if (labels.length === 1 && !clear(labels[0]!) && index !== points.length - 1) continue;
    labels.push({ index, x });
  }
  return {
    kind,
    plotLeft,
    plotWidth,
    plotTop,
    plotBottom,
    top,
    slots,
    ticks,
    valueX: rtl ? plotLeft + plotWidth + 6 : plotLeft - 6,
    valueAnchor: rtl ? 'start' : 'end',
    labels,
  };
}

/** Keeps a label of this many characters inside the picture when centred on x. */
export function clampLabel(x: number, text: string): number {
  const half = labelWidth(text) / 2;
  return Math.min(VIEW_WIDTH - half - 2, Math.max(half + 2, x));
}

export function DayChart({
  points,
  rtl,
  label,
  formatNumber,
}: {
  points: readonly ChartPoint[];
  rtl: boolean;
  /** What the picture says, for those who cannot see it (totals, highest day). */
  label: string;
  formatNumber: (n: number) => string;
}): JSX.Element {
  const g = chartGeometry(points, rtl);
  const dir = rtl ? 'rtl' : 'ltr';
  const line = g.slots.map((s) => `${s.x.toFixed(1)},${s.y.toFixed(1)}`).join(' ');
  return (
    <svg
      class="nr-chart"
      viewBox={`0 0 ${VIEW_WIDTH} ${VIEW_HEIGHT}`}
      role="img"
      aria-label={label}
      direction="ltr"
      font-size={FONT}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title>{label}</title>
      {g.ticks.map((tick) => (
        <g key={tick.value} class="nr-chart-tick">
          <line x1={g.plotLeft} x2={g.plotLeft + g.plotWidth} y1={tick.y} y2={tick.y} />
          <text x={g.valueX} y={tick.y + FONT / 3} text-anchor={g.valueAnchor}>
            {formatNumber(tick.value)}
          </text>
        </g>
      ))}
      {g.kind === 'bars' ? (
        g.slots.map((s, i) => (
          <rect
            key={points[i]!.fullLabel}
            class="nr-chart-bar"
            x={s.barX.toFixed(1)}
            y={s.y.toFixed(1)}
            width={s.barWidth.toFixed(1)}
            height={s.height.toFixed(1)}
          >
            <title>{`${points[i]!.fullLabel}: ${formatNumber(points[i]!.value)}`}</title>
          </rect>
        ))
      ) : (
        <polyline class="nr-chart-line" points={line} fill="none" />
      )}
      {g.labels.map(({ index: i, x }) => {
        const text = points[i]!.label;
        return (
          <text
            key={`label-${i}`}
            class="nr-chart-label"
            x={x.toFixed(1)}
            y={g.plotBottom + FONT + 6}
            text-anchor="middle"
            direction={dir}
          >
            {text}
          </text>
        );
      })}
    </svg>
  );
}
