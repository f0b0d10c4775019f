import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ClockCountdown } from '../../components/ClockCountdown';
import type { ComplaintPageFragment } from '../../gql/graphql';

type Clock = ComplaintPageFragment['clocks'][number];

/** Every clock of the complaint: its live countdown, the state the API recorded, its deadline. */
export function Clocks({ clocks }: { clocks: Clock[] }) {
  const { t } = useTranslation('complaint');
  return (
    <Table<Clock>
      size="small"
      pagination={false}
      rowKey="kind"
      dataSource={clocks}
      scroll={{ x: true }}
      columns={[
        { key: 'countdown', title: t('clockKind'), render: (_, clock) => <span data-testid={`clock-${clock.kind}`}><ClockCountdown clock={clock} /></span> },
        { key: 'state', title: t('state'), render: (_, clock) => <Tag>{t(`clockState.${clock.state}`)}</Tag> },
        { key: 'due', title: t('due'), render: (_, clock) => new Date(clock.dueAt).toLocaleString() },
      ]}
    />
  );
}
