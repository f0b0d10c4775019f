import { useQuery, useSubscription } from '@apollo/client';
import { Button, Card, Flex, Grid, Input, List, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../app/RequireSession';
import { ClockCountdown } from '../../components/ClockCountdown';
import { ErrorNotice } from '../../components/ErrorNotice';
import { GradeTag } from '../../components/GradeTag';
import { BoardClockAlertsDocument, BoardDocument, BoardGradesDocument, type BoardRowFragment, type OwnerFilter } from '../../gql/graphql';
import { boardVariables, channels, kinds, openStatuses, owners, readFilters, writeFilters, type BoardFilters } from './boardFilter';

// A warning or breach arrives at once over the clockAlerts subscription. Intake publishes no event (clock alerts are
// the only feed the service has), so for a new complaint to show within 2 seconds the board asks for the one page on
// screen again every second: a count and one page by an indexed order, never more than that page.
const newComplaintPollMs = 1000;

export default function BoardPage() {
  const { t } = useTranslation('board');
  // antd greys an empty table's text below a readable contrast; the secondary text colour is readable.
  const emptyText = <Typography.Text type="secondary">{t('empty')}</Typography.Text>;
  const session = useSession();
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  // The cursors of the pages before this one, for going back; the API pages forward from a cursor.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;

  const { data, previousData, error, refetch } = useQuery(BoardDocument, {
    variables: boardVariables(filters, after),
    pollInterval: newComplaintPollMs,
  });
  useSubscription(BoardClockAlertsDocument, { onData: () => void refetch() });
  const { data: policy } = useQuery(BoardGradesDocument);
  const grades = policy?.policies.find((p) => p.id === policy.tenant?.policy?.policyId && p.version === policy.tenant.policy.version)?.grades ?? [];

  const page = (data ?? previousData)?.complaints;
  const rows = page?.edges.map((edge) => edge.node) ?? [];
  const filter = (change: Partial<BoardFilters>) => {
    setCursors([null]);
    setParams(writeFilters({ ...filters, ...change }));
  };
  const owner = (row: BoardRowFragment) =>
    row.ownerId === null ? t('owner.nobody') : row.ownerId === session?.user.id ? t('owner.me') : t('owner.someone');

  const columns: TableColumnsType<BoardRowFragment> = [
    { title: t('column.number'), dataIndex: 'number', render: (_, row) => <Link to={`/complaints/${row.id}`}>{row.number}</Link> },
    { title: t('column.received'), dataIndex: 'receivedAt', render: (at: string) => new Date(at).toLocaleString() },
    { title: t('column.channel'), dataIndex: 'channel', render: (channel: string) => t(`common:channel.${channel}`) },
    { title: t('column.kind'), dataIndex: 'kind', render: (kind: string) => t(`common:kind.${kind}`) },
    { title: t('column.category'), dataIndex: 'category' },
    { title: t('column.grade'), dataIndex: 'grade', render: (_, row) => <GradeTag grade={row.grade} /> },
    { title: t('column.status'), dataIndex: 'status', render: (status: string) => <Tag>{t(`common:status.${status}`)}</Tag> },
    { title: t('column.owner'), dataIndex: 'ownerId', render: (_, row) => owner(row) },
    { title: t('column.nearestClock'), dataIndex: 'nearestClock', render: (_, row) => (row.nearestClock ? <ClockCountdown clock={row.nearestClock} /> : '—') },
  ];

  const multiSelect = <T extends string>(name: keyof BoardFilters, values: readonly T[], label: (value: T) => string, chosen: T[]) => (
    <Select<T[]>
      mode="multiple"
      allowClear
      aria-label={t(`filter.${name}`)}
      placeholder={t(`filter.${name}`)}
      style={{ minWidth: 160 }}
      maxTagCount="responsive"
      value={chosen}
      onChange={(value) => filter({ [name]: value })}
      options={values.map((value) => ({ value, label: label(value) }))}
    />
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap="small">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Typography.Text type="secondary" data-testid="board-total">
          {t('total', { count: page?.totalCount ?? 0 })}
        </Typography.Text>
      </Flex>
      <Flex wrap gap="small" role="search">
        <Input.Search
          allowClear
          aria-label={t('filter.q')}
          placeholder={t('filter.q')}
          defaultValue={filters.q}
          onSearch={(q) => filter({ q })}
          style={{ width: 240 }}
        />
        {multiSelect('status', openStatuses, (s) => t(`common:status.${s}`), filters.status)}
        {multiSelect('grade', grades.map((g) => g.code), (code) => {
          const grade = grades.find((g) => g.code === code)!;
          return t('gradeOption', { zh: grade.nameZh, en: grade.nameEn });
        }, filters.grade)}
        <Select<OwnerFilter | 'ANYONE'>
          aria-label={t('filter.owner')}
          style={{ minWidth: 140 }}
          value={filters.owner ?? 'ANYONE'}
          onChange={(value) => filter({ owner: value === 'ANYONE' ? null : value })}
          options={[{ value: 'ANYONE', label: t('owner.anyone') }, ...owners.map((value) => ({ value, label: t(`owner.${value}`) }))]}
        />
        {multiSelect('channel', channels, (c) => t(`common:channel.${c}`), filters.channel)}
        {multiSelect('kind', kinds, (k) => t(`common:kind.${k}`), filters.kind)}
      </Flex>
      <ErrorNotice error={error} />
      {screens.md === false ? (
        <List
          dataSource={rows}
          rowKey="id"
          locale={{ emptyText }}
          renderItem={(row) => (
            <List.Item>
              <Card size="small" style={{ width: '100%' }} data-testid="board-card"
                title={<Link to={`/complaints/${row.id}`}>{row.number}</Link>}
                extra={<GradeTag grade={row.grade} />}
              >
                <Flex vertical gap={4}>
                  <span>{t(`common:status.${row.status}`)} · {t(`common:channel.${row.channel}`)} · {t(`common:kind.${row.kind}`)}</span>
                  <span>{row.category} · {owner(row)}</span>
                  {row.nearestClock && <ClockCountdown clock={row.nearestClock} />}
                </Flex>
              </Card>
            </List.Item>
          )}
        />
      ) : (
        <Table<BoardRowFragment>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          pagination={false}
          loading={!page && !error}
          locale={{ emptyText }}
          data-testid="board-table"
        />
      )}
      <Flex justify="end" gap="small">
        <Button disabled={cursors.length === 1} onClick={() => setCursors(cursors.slice(0, -1))}>
          {t('previous')}
        </Button>
        <Button
          disabled={!page?.pageInfo.hasNextPage}
          onClick={() => page?.pageInfo.endCursor && setCursors([...cursors, page.pageInfo.endCursor])}
        >
          {t('next')}
        </Button>
      </Flex>
    </Space>
  );
}
