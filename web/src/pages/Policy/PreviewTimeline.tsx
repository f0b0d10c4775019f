import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PreviewPolicyQuery } from '../../gql/graphql';

type PlannedClock = PreviewPolicyQuery['previewPolicy']['clocks'][number];

/** Each clock as a bar from receipt to its due time, with its warning marked, in the tenant's time zone. */
export function PreviewTimeline({ clocks, receivedAt, timeZone }: { clocks: PlannedClock[]; receivedAt: Date; timeZone: string }) {
  const { t, i18n } = useTranslation('policy');
  const format = new Intl.DateTimeFormat(i18n.language, { timeZone, dateStyle: 'medium', timeStyle: 'short' });
  const start = receivedAt.getTime();
  const end = Math.max(start + 1, ...clocks.map((clock) => new Date(clock.dueAt).getTime()));
  const share = (at: string) => `${(100 * (new Date(at).getTime() - start)) / (end - start)}%`;
  return (
    <ol style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('timeline')}>
      {clocks.map((clock) => (
        <li key={clock.kind} data-testid={`preview-clock-${clock.kind}`} style={{ marginBottom: 12 }}>
          <Typography.Text strong>{t(`common:clock.kind.${clock.kind}`, { defaultValue: clock.kind })}</Typography.Text>{' '}
          <Typography.Text>{t('warnsAt', { at: format.format(new Date(clock.warnAt)) })}</Typography.Text>
          {t('listSeparator')}
          <Typography.Text data-testid="due-at">{t('dueAt', { at: format.format(new Date(clock.dueAt)) })}</Typography.Text>
          <div style={{ position: 'relative', height: 10, background: '#f0f0f0', borderRadius: 5, marginTop: 4 }} aria-hidden>
            <div style={{ position: 'absolute', left: 0, width: share(clock.dueAt), height: '100%', background: '#1677ff', borderRadius: 5 }} />
            <div style={{ position: 'absolute', left: share(clock.warnAt), width: 3, height: '100%', background: '#ad4e00' }} />
          </div>
        </li>
      ))}
    </ol>
  );
}
