// The readership pages: a period picker, the totals, reads by day as a server-drawn chart with
// its table, and one table per breakdown, each with its CSV. A period without reads says so in
// words instead of drawing an empty chart.
import type { ComponentChildren } from 'preact';
import { format } from '../../../core/i18n.ts';
import type { DayViews } from '../../../services/readership/figures.ts';
import { PERIOD_CHOICES, type Period } from '../../../services/readership/period.ts';
import { DayChart } from './chart.tsx';
import { type FigureFormat, periodQuery } from './format.ts';
import type { ReadershipMessages } from './messages.ts';

export interface Ctx {
  t: ReadershipMessages;
  fmt: FigureFormat;
  period: Period;
}

export function PeriodPicker({ ctx, base }: { ctx: Ctx; base: string }) {
  const { t, period } = ctx;
  return (
    <nav class="nr-card nr-period" aria-label={t.period}>
      <ul class="nr-period-choices">
        {PERIOD_CHOICES.map((n) => {
          const days = Number(n);
          const current = period.days === days;
          return (
            <li key={n}>
              <a href={`${base}?days=${n}`} aria-current={current ? 'page' : undefined}>
                {days === 7 ? t.last7 : format(t.lastDays, { n: days })}
              </a>
            </li>
          );
        })}
      </ul>
      <form method="get" action={base} class="nr-period-dates">
        <label>
          {t.from} <input type="date" name="from" value={period.from} required />
        </label>
        <label>
          {t.to} <input type="date" name="to" value={period.to} required />
        </label>
        <button type="submit" class="nr-secondary">
          {t.show}
        </button>
      </form>
      <p class="nr-meta">
        {format(t.periodOf, { from: ctx.fmt.dayLong(period.from), to: ctx.fmt.dayLong(period.to) })}.{' '}
        {t.utcNote}
      </p>
    </nav>
  );
}

export function Totals({ items }: { items: { label: string; value: string }[] }) {
  return (
    <dl class="nr-stats">
      {items.map((item) => (
        <div key={item.label}>
          <dt>{item.label}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function EmptyFigures({ t }: { t: ReadershipMessages }) {
  return (
    <div class="nr-card nr-empty-figures" role="status">
      <p>
        <strong>{t.empty}</strong>
      </p>
      <p class="nr-meta">{t.emptyHint}</p>
    </div>
  );
}

function CsvLink({ ctx, href }: { ctx: Ctx; href: string }) {
  return (
    <p class="nr-csv">
      <a href={`${href}${href.includes('?') ? '&' : '?'}${periodQuery(ctx.period)}`} download>
        {ctx.t.csv}
      </a>
    </p>
  );
}

/** Reads by day: the chart, then the same numbers as a table for screen readers and copying. */
export function DaysFigure({ ctx, days, csv }: { ctx: Ctx; days: DayViews[]; csv: string }) {
  const { t, fmt, period } = ctx;
  const best = days.reduce((a, b) => (b.views > a.views ? b : a), days[0]!);
  const total = days.reduce((n, d) => n + d.views, 0);
  const label = format(t.chartLabel, {
    from: fmt.dayLong(period.from),
    to: fmt.dayLong(period.to),
    total: fmt.number(total),
    best: fmt.dayLong(best.day),
    max: fmt.number(best.views),
  });
  return (
    <section class="nr-card" aria-labelledby="figures-days">
      <figure class="nr-figure">
        <figcaption>
          <h2 id="figures-days">{t.byDay}</h2>
        </figcaption>
        <DayChart
          points={days.map((d) => ({
            label: fmt.dayShort(d.day),
            fullLabel: fmt.dayLong(d.day),
            value: d.views,
          }))}
          rtl={fmt.rtl}
          label={label}
          formatNumber={fmt.number}
        />
      </figure>
      <details>
        <summary>{t.asTable}</summary>
        <CountTable
          ctx={ctx}
          head={t.day}
          rows={days.map((d) => ({ key: d.day, label: fmt.dayLong(d.day), views: d.views }))}
        />
      </details>
      <CsvLink ctx={ctx} href={csv} />
    </section>
  );
}

export interface CountRow {
  key: string;
  label: ComponentChildren;
  views: number;
}

function CountTable({ ctx, head, rows }: { ctx: Ctx; head: string; rows: CountRow[] }) {
  return (
    <div class="nr-table-wrap">
      <table class="nr-table nr-compact nr-counts">
        <thead>
          <tr>
            <th scope="col">{head}</th>
            <th scope="col" class="nr-num">
              {ctx.t.views}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <td>{row.label}</td>
              <td class="nr-num">{ctx.fmt.number(row.views)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One breakdown (by section, by language…) with its heading, table and CSV link. */
export function CountSection({
  ctx,
  id,
  title,
  head,
  rows,
  csv,
  note,
}: {
  ctx: Ctx;
  id: string;
  title: string;
  head: string;
  rows: CountRow[];
  csv: string;
  note?: string;
}) {
  if (rows.length === 0) return null;
  return (
    <section class="nr-card" aria-labelledby={`figures-${id}`}>
      <h2 id={`figures-${id}`}>{title}</h2>
      {note ? <p class="nr-meta">{note}</p> : null}
      <CountTable ctx={ctx} head={head} rows={rows} />
      <CsvLink ctx={ctx} href={csv} />
    </section>
  );
}

/** An article title that may be in another language than the page, linking to its figures. */
export function ArticleLink({ ctx, id, title, lang }: { ctx: Ctx; id: number; title: string; lang: string }) {
  return (
    <a href={`/newsroom/readership/articles/${id}?${periodQuery(ctx.period)}`} lang={lang} dir="auto">
      {title}
    </a>
  );
}

export function domainLabel(t: ReadershipMessages, domain: string): ComponentChildren {
  return domain === '' ? t.direct : <bdi dir="ltr">{domain}</bdi>;
}
