// The period figures are shown for: the last 7, 30 or 90 days, or two dates. Days are UTC, as the
// counts are (migration 012_readership). A period is at most MAX_PERIOD_DAYS long, so every
// figure is a bounded read; a refused period is a 400 naming the field, never an empty page.
import { z } from 'zod';
import { parseInput } from '../../core/validation.ts';

export const PERIOD_CHOICES = ['7', '30', '90'] as const;
export const DEFAULT_DAYS = 30;
export const MAX_PERIOD_DAYS = 366;

/** Whole UTC days, both ends included. */
export interface Period {
  from: string;
  to: string;
  /** How the period was asked for, so links and forms can keep it. */
  days: number | null;
}

export interface PeriodInput {
  days?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' that names a real day ('2026-02-30' does not). */
function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const dayField = z.string().max(10).refine(isDay).optional();

const PeriodRules = z
  .object({ days: z.enum(PERIOD_CHOICES).optional(), from: dayField, to: dayField })
  .superRefine((p, ctx) => {
    const dated = p.from !== undefined || p.to !== undefined;
    if (dated && p.days !== undefined)
      ctx.addIssue({ code: 'custom', path: ['days'], message: 'days or dates' });
    if (p.from !== undefined && p.to === undefined)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'missing' });
    if (p.to !== undefined && p.from === undefined)
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'missing' });
    // A date already refused above is not compared again.
    if (p.from !== undefined && p.to !== undefined && isDay(p.from) && isDay(p.to)) {
      if (p.from > p.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'before from' });
      else if (daysBetween(p.from, p.to) > MAX_PERIOD_DAYS) {
        ctx.addIssue({ code: 'custom', path: ['from'], message: 'too long' });
      }
    }
  });

export const dayOf = (date: Date): string => date.toISOString().slice(0, 10);

export function addDays(day: string, n: number): string {
  return dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS));
}

/** Number of days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** Every day of the period, oldest first. */
export function eachDay(period: Pick<Period, 'from' | 'to'>): string[] {
  const out: string[] = [];
  for (let day = period.from; day <= period.to; day = addDays(day, 1)) out.push(day);
  return out;
}

/** The period asked for, ending today (UTC) when given in days. Throws Malformed naming the field. */
export function resolvePeriod(input: PeriodInput, now: Date = new Date()): Period {
  const p = parseInput(PeriodRules, input);
  if (p.from !== undefined && p.to !== undefined) return { from: p.from, to: p.to, days: null };
  const days = p.days === undefined ? DEFAULT_DAYS : Number(p.days);
  const to = dayOf(now);
  return { from: addDays(to, -(days - 1)), to, days };
}
