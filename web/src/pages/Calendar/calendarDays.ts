import type { DayOfWeek, UpdateBusinessCalendarInput } from '../../gql/graphql';

export const weekDays: DayOfWeek[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

/** What the tenant made of a date: an ordinary day (the weekday decides), a holiday, or a make-up working day. */
export type DayKind = 'ordinary' | 'holiday' | 'makeUp';

export interface MarkedDays {
  holidays: string[];
  makeUpWorkingDays: string[];
}

export function dayKind(date: string, marked: MarkedDays): DayKind {
  if (marked.holidays.includes(date)) return 'holiday';
  if (marked.makeUpWorkingDays.includes(date)) return 'makeUp';
  return 'ordinary';
}

const next: Record<DayKind, DayKind> = { ordinary: 'holiday', holiday: 'makeUp', makeUp: 'ordinary' };

/** A click on a day of the month calendar: ordinary → holiday → make-up working day → ordinary; each list sorted. */
export function cycleDay(date: string, marked: MarkedDays): MarkedDays {
  const kind = next[dayKind(date, marked)];
  const without = (dates: string[]) => dates.filter((d) => d !== date);
  const withIt = (dates: string[]) => [...dates, date].sort();
  return {
    holidays: kind === 'holiday' ? withIt(marked.holidays) : without(marked.holidays),
    makeUpWorkingDays: kind === 'makeUp' ? withIt(marked.makeUpWorkingDays) : without(marked.makeUpWorkingDays),
  };
}

export interface CalendarForm {
  timeZone: string;
  workingDays: DayOfWeek[];
  hours: { start: string; end: string }[];
  includeChinaMainlandHolidays: boolean;
}

/** The form, the marked days and an imported ICS file as the API's input; an empty file sends no ICS. */
export function toCalendarInput(form: CalendarForm, marked: MarkedDays, ics: string | null): UpdateBusinessCalendarInput {
  return {
    timeZone: form.timeZone,
    workingDays: weekDays.filter((day) => form.workingDays.includes(day)),
    hours: form.hours.map(({ start, end }) => ({ start: start.trim(), end: end.trim() })),
    holidays: marked.holidays,
    makeUpWorkingDays: marked.makeUpWorkingDays,
    includeChinaMainlandHolidays: form.includeChinaMainlandHolidays,
    ics: ics?.trim() ? ics : null,
  };
}
