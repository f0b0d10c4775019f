import { describe, expect, it } from 'vitest';
import { clockTone, formatCountdown, secondsLeft, type ClockReading } from './clock';

// An ACKNOWLEDGE clock of 1 hour warning at the default 80 %: at 08:48, due at 09:00.
const clock: ClockReading = {
  kind: 'ACKNOWLEDGE',
  state: 'RUNNING',
  warnAt: '2026-12-06T08:48:00Z',
  dueAt: '2026-12-06T09:00:00Z',
  remainingSeconds: 3600,
};

describe('a clock countdown', () => {
  it('is green before the warning share of its budget is used', () => {
    expect(clockTone(clock, new Date('2026-12-06T08:47:59Z'))).toBe('running');
  });

  it('turns amber at the warning time, before the server has recorded the warning', () => {
    expect(clockTone(clock, new Date('2026-12-06T08:48:00Z'))).toBe('warning');
  });

  it('is amber once the server recorded the warning', () => {
    expect(clockTone({ ...clock, state: 'WARNED' }, new Date('2026-12-06T08:00:00Z'))).toBe('warning');
  });

  it('turns red at the deadline', () => {
    expect(clockTone(clock, new Date('2026-12-06T09:00:00Z'))).toBe('breached');
  });

  it('is red once the server recorded the breach', () => {
    expect(clockTone({ ...clock, state: 'BREACHED' }, new Date('2026-12-06T08:00:00Z'))).toBe('breached');
  });

  it('counts down to the deadline while it runs', () => {
    expect(secondsLeft(clock, new Date('2026-12-06T08:30:00Z'))).toBe(1800);
  });

  it('stands still while paused', () => {
    expect(secondsLeft({ ...clock, state: 'PAUSED', remainingSeconds: 1200 }, new Date('2026-12-06T10:00:00Z'))).toBe(1200);
  });

  it('shows hours, minutes and seconds, days when there are any, and a minus once overdue', () => {
    expect(formatCountdown(3 * 3600 + 4 * 60 + 5)).toBe('03:04:05');
    expect(formatCountdown(2 * 86_400 + 3 * 3600 + 4 * 60 + 5)).toBe('2d 03:04:05');
    expect(formatCountdown(-7)).toBe('-00:00:07');
  });
});
