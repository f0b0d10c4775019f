import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { clockTone, formatCountdown, secondsLeft, type ClockReading, type ClockTone } from './clock';
import { useNow } from './useNow';

const colours: Record<ClockTone, string> = {
  running: 'green',
  warning: 'gold',
  breached: 'red',
  paused: 'default',
  met: 'blue',
  stopped: 'default',
};

// antd's green and gold tags write their text too pale to read on their tint (axe: 3.4:1 and 2.8:1); these darker
// shades of the same hues read at 5.4:1 and 6.5:1.
const readableText: Partial<Record<ClockTone, string>> = {
  running: '#237804',
  warning: '#874d00',
};

/** An SLA clock's live countdown: green while running, amber from its warning time, red once breached. */
export function ClockCountdown({ clock }: { clock: ClockReading }) {
  const { t } = useTranslation();
  const now = useNow();
  const tone = clockTone(clock, now);
  return (
    <Tooltip title={`${t(`clock.kind.${clock.kind}`, { defaultValue: clock.kind })} · ${t('clock.due')} ${new Date(clock.dueAt).toLocaleString()}`}>
      <Tag color={colours[tone]} data-testid="clock-countdown" data-tone={tone} style={{ fontVariantNumeric: 'tabular-nums', color: readableText[tone] }}>
        {t(`clock.kind.${clock.kind}`, { defaultValue: clock.kind })} {tone === 'met' ? t('clock.met') : tone === 'stopped' ? t('clock.stopped') : formatCountdown(secondsLeft(clock, now))}
      </Tag>
    </Tooltip>
  );
}
