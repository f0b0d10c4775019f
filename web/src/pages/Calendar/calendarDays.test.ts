import { describe, expect, it } from 'vitest';
import { cycleDay, dayKind, toCalendarInput } from './calendarDays';

describe('the business calendar form', () => {
  const none = { holidays: [], makeUpWorkingDays: [] };

  it('turns a clicked day into a holiday, then a make-up working day, then back into an ordinary day', () => {
    const holiday = cycleDay('2026-12-25', none);
    expect(dayKind('2026-12-25', holiday)).toBe('holiday');
    const makeUp = cycleDay('2026-12-25', holiday);
    expect(makeUp).toEqual({ holidays: [], makeUpWorkingDays: ['2026-12-25'] });
    expect(cycleDay('2026-12-25', makeUp)).toEqual(none);
  });

  it('keeps the marked days in date order', () => {
    expect(cycleDay('2026-12-01', { holidays: ['2026-12-25'], makeUpWorkingDays: [] }).holidays).toEqual(['2026-12-01', '2026-12-25']);
  });

  it('sends the working days in week order, the shifts trimmed, and no ICS when none was imported', () => {
    const input = toCalendarInput(
      { timeZone: 'Asia/Shanghai', workingDays: ['FRIDAY', 'MONDAY'], hours: [{ start: ' 09:00', end: '12:00 ' }], includeChinaMainlandHolidays: true },
      none,
      '  ',
    );
    expect(input).toEqual({
      timeZone: 'Asia/Shanghai', workingDays: ['MONDAY', 'FRIDAY'], hours: [{ start: '09:00', end: '12:00' }],
      holidays: [], makeUpWorkingDays: [], includeChinaMainlandHolidays: true, ics: null,
    });
  });
});
