/** The parts of an SLA clock a countdown needs, as the API gives them. */
export interface ClockReading {
  kind: string;
  state: 'RUNNING' | 'PAUSED' | 'MET' | 'WARNED' | 'BREACHED' | 'STOPPED';
  warnAt: string;
  dueAt: string;
  remainingSeconds: number;
}

export type ClockTone = 'running' | 'warning' | 'breached' | 'paused' | 'met' | 'stopped';

/**
 * How urgent the clock looks now: amber from its warning time (the policy's warning share of the budget, which the API
 * gives as warnAt), red from its deadline, whichever comes first, the state the server recorded or the time passing
 * on screen; a paused or met clock stands still.
 */
export function clockTone(clock: ClockReading, now: Date): ClockTone {
  if (clock.state === 'MET') return 'met';
  // Its purpose lapsed (resolved, withdrawn, closed, reopened): it neither warns nor breaches.
  if (clock.state === 'STOPPED') return 'stopped';
  if (clock.state === 'PAUSED') return 'paused';
  if (clock.state === 'BREACHED' || now >= new Date(clock.dueAt)) return 'breached';
  if (clock.state === 'WARNED' || now >= new Date(clock.warnAt)) return 'warning';
  return 'running';
}

/** Seconds left on the clock now: to its deadline while it runs, frozen as the API read it while paused or met. */
export function secondsLeft(clock: ClockReading, now: Date): number {
  return clock.state === 'PAUSED' || clock.state === 'MET' || clock.state === 'STOPPED'
    ? clock.remainingSeconds
    : Math.floor((new Date(clock.dueAt).getTime() - now.getTime()) / 1000);
}

/** "2d 03:04:05", "03:04:05" or, once overdue, "-00:00:07". */
export function formatCountdown(seconds: number): string {
  const sign = seconds < 0 ? '-' : '';
  let rest = Math.abs(seconds);
  const days = Math.floor(rest / 86_400);
  rest -= days * 86_400;
  const clock = [Math.floor(rest / 3600), Math.floor((rest % 3600) / 60), rest % 60]
    .map((part) => String(part).padStart(2, '0'))
    .join(':');
  return `${sign}${days > 0 ? `${days}d ` : ''}${clock}`;
}
