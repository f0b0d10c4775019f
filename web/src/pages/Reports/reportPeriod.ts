import type { ReportPeriodInput } from '../../gql/graphql';

export type PeriodForm = 'month' | 'quarter' | 'range';

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;
const quarterPattern = /^\d{4}-Q[1-4]$/;
const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

const twoDigits = (n: number) => String(n).padStart(2, '0');

export function monthOf(day: Date): string {
  return `${day.getFullYear()}-${twoDigits(day.getMonth() + 1)}`;
}

export function quarterOf(day: Date): string {
  return `${day.getFullYear()}-Q${Math.floor(day.getMonth() / 3) + 1}`;
}

/** The first day of a quarter (2026-Q4 → 2026-10-01), for the picker to show it. */
export function quarterStart(quarter: string): string {
  const [year, q] = quarter.split('-Q');
  return `${year}-${twoDigits((Number(q) - 1) * 3 + 1)}-01`;
}

/**
 * The period the page's address names, in the form the API takes (?month=2026-10, ?quarter=2026-Q4 or
 * ?from=2026-10-05&to=2026-10-10), else the month of today; the same parameters ask the CSV exports for it.
 */
export function readPeriod(search: URLSearchParams, today: Date): ReportPeriodInput {
  const month = search.get('month');
  const quarter = search.get('quarter');
  const from = search.get('from');
  const to = search.get('to');
  if (month && monthPattern.test(month)) return { month };
  if (quarter && quarterPattern.test(quarter)) return { quarter };
  if (from && to && dayPattern.test(from) && dayPattern.test(to)) return { from, to };
  return { month: monthOf(today) };
}

export function periodForm(period: ReportPeriodInput): PeriodForm {
  return period.month ? 'month' : period.quarter ? 'quarter' : 'range';
}

/** The period as address parameters: for the page's own address and for the CSV downloads. */
export function writePeriod(period: ReportPeriodInput): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of ['month', 'quarter', 'from', 'to'] as const) {
    const value = period[name];
    if (value) params.set(name, value);
  }
  return params;
}

/** A rate's value (0.9123) as a percentage to one decimal (91.2), null when nothing was counted. */
export function percent(value: number | null | undefined): number | null {
  return value == null ? null : Math.round(value * 1000) / 10;
}

export function percentText(value: number | null | undefined): string {
  const shown = percent(value);
  return shown == null ? '—' : `${shown} %`;
}
