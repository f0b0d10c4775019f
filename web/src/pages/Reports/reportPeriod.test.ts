import { describe, expect, it } from 'vitest';
import { percent, quarterStart, readPeriod, writePeriod } from './reportPeriod';

describe('the report period', () => {
  const today = new Date(2026, 11, 7);

  it('is the month of today when the address names none', () => {
    expect(readPeriod(new URLSearchParams(), today)).toEqual({ month: '2026-12' });
  });

  it('reads a month, a quarter or a range of days from the address, in the form the API takes', () => {
    expect(readPeriod(new URLSearchParams('month=2026-10'), today)).toEqual({ month: '2026-10' });
    expect(readPeriod(new URLSearchParams('quarter=2026-Q4'), today)).toEqual({ quarter: '2026-Q4' });
    expect(readPeriod(new URLSearchParams('from=2026-10-05&to=2026-10-10'), today)).toEqual({ from: '2026-10-05', to: '2026-10-10' });
  });

  it('ignores a malformed period and falls back to the month of today', () => {
    expect(readPeriod(new URLSearchParams('month=2026-13&quarter=2026-Q5&from=2026-10-05'), today)).toEqual({ month: '2026-12' });
  });

  it('writes the same parameters the CSV exports take', () => {
    expect(writePeriod({ from: '2026-10-05', to: '2026-10-10' }).toString()).toBe('from=2026-10-05&to=2026-10-10');
    expect(writePeriod({ quarter: '2026-Q4' }).toString()).toBe('quarter=2026-Q4');
  });

  it('starts a quarter on its first month', () => {
    expect(quarterStart('2026-Q4')).toBe('2026-10-01');
  });

  it('shows a rate as a percentage to one decimal, and nothing when nothing was counted', () => {
    expect(percent(0.9123)).toBe(91.2);
    expect(percent(null)).toBeNull();
  });
});
