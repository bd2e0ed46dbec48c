// The server-drawn chart: bars in proportion, time running in the page's reading direction,
// round axis labels, a line past MAX_BARS days, and a label for screen readers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from 'preact-render-to-string';
import {
  type ChartPoint,
  chartGeometry,
  DayChart,
  labelWidth,
  MAX_BARS,
  niceMax,
  VIEW_WIDTH,
} from './chart.tsx';

const days = (values: number[]): ChartPoint[] =>
  values.map((value, i) => ({ label: `d${i + 1}`, fullLabel: `day ${i + 1}`, value }));

describe('readership chart', () => {
  it('rounds the value axis up to 1, 2 or 5 × 10ⁿ', () => {
    assert.deepEqual([0, 1, 3, 7, 10, 11, 180, 2001].map(niceMax), [1, 1, 5, 10, 10, 20, 200, 5000]);
  });

  it('draws bars in proportion to the values, on a shared baseline', () => {
    const g = chartGeometry(days([10, 5, 0]), false);
    assert.equal(g.kind, 'bars');
    assert.equal(g.top, 10);
    const [a, b, c] = g.slots;
    assert.equal(a!.height, b!.height * 2);
    assert.equal(c!.height, 0);
    assert.equal(a!.y + a!.height, g.plotBottom);
    assert.deepEqual(
      g.ticks.map((t) => t.value),
      [0, 5, 10],
    );
  });

  it('runs time left to right in LTR pages and right to left in RTL pages', () => {
    const ltr = chartGeometry(days([1, 2, 3]), false).slots.map((s) => s.x);
    const rtl = chartGeometry(days([1, 2, 3]), true).slots.map((s) => s.x);
    assert.ok(ltr[0]! < ltr[1]! && ltr[1]! < ltr[2]!, 'oldest day on the left in LTR');
    assert.ok(rtl[0]! > rtl[1]! && rtl[1]! > rtl[2]!, 'oldest day on the right in RTL');
    for (const x of [...ltr, ...rtl]) assert.ok(x > 0 && x < VIEW_WIDTH);
  });

  it('switches to a line past MAX_BARS days', () => {
    assert.equal(chartGeometry(days(Array.from({ length: MAX_BARS + 1 }, (_, i) => i)), true).kind, 'line');
    assert.equal(chartGeometry(days(Array(MAX_BARS).fill(1)), true).kind, 'bars');
  });

  it('labels the first and last day and as many between as fit without touching', () => {
    for (const n of [1, 2, 7, 30, 90, 366]) {
      const points = days(Array(n).fill(3)).map((p) => ({ ...p, label: '28 نوفمبر' }));
      for (const rtl of [true, false]) {
        const g = chartGeometry(points, rtl);
        assert.equal(g.labels[0]!.index, 0, `n=${n}`);
        assert.equal(g.labels.at(-1)!.index, n - 1, `n=${n}`);
        if (n >= 7) assert.ok(g.labels.length >= 3, `n=${n}: ${g.labels.length} labels`);
        const xs = g.labels.map((l) => l.x).sort((a, b) => a - b);
        for (const x of xs)
          assert.ok(x - labelWidth('28 نوفمبر') / 2 >= 0 && x + labelWidth('28 نوفمبر') / 2 <= VIEW_WIDTH);
        for (let i = 1; i < xs.length; i++) {
          assert.ok(xs[i]! - xs[i - 1]! >= labelWidth('28 نوفمبر'), `n=${n}: labels ${i - 1} and ${i} touch`);
        }
      }
    }
  });

  it('renders an SVG with a label for screen readers, a tooltip per bar, and no NaN when all is zero', () => {
    const html = render(
      <DayChart points={days([0, 0])} rtl label="Views by day: 0" formatNumber={(n) => `#${n}`} />,
    );
    assert.match(html, /<svg[^>]* role="img"[^>]* aria-label="Views by day: 0"/);
    assert.match(html, /<title>day 2: #0<\/title>/);
    assert.match(html, />#1<\/text>/);
    assert.doesNotMatch(html, /NaN|Infinity/);
  });
});
