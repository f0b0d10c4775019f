import { Card, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReportQuery } from '../../gql/graphql';
import { Figure } from './Figure';
import { CardTitle } from '../../components/CardTitle';

type Report = ReportQuery['report'];

// Only a rise is coloured: antd's green and orange tags read below WCAG's contrast.
const risen = (trend: string) => (trend === 'UP' ? 'error' : undefined);

/** The top three categories or root causes, against the previous period. */
export function Problems({ title, testId, problems }: { title: string; testId: string; problems: Report['topCategories'] }) {
  const { t } = useTranslation('reports');
  return (
    <Figure
      title={title}
      testId={testId}
      chart={{
        categories: problems.map((p) => p.key),
        series: [
          { name: t('thisPeriod'), values: problems.map((p) => p.count) },
          { name: t('previousPeriod'), values: problems.map((p) => p.previousCount) },
        ],
      }}
      headers={[t('item'), t('thisPeriod'), t('previousPeriod'), t('trendName')]}
      rows={problems.map((p) => ({ key: p.key, cells: [p.key, p.count, p.previousCount, <Tag key="trend" color={risen(p.trend)}>{t(`trend.${p.trend}`)}</Tag>] }))}
    />
  );
}

export function TypicalCases({ cases }: { cases: Report['typicalCases'] }) {
  const { t } = useTranslation('reports');
  return (
    <Card title={<CardTitle>{t('typicalCases')}</CardTitle>} size="small" data-testid="typical-cases">
      <List
        size="small"
        dataSource={cases}
        locale={{ emptyText: <Typography.Text type="secondary">{t('none')}</Typography.Text> }}
        renderItem={(c) => (
          <List.Item>
            <Space wrap>
              <Link to={`/complaints/${c.id}`}>{c.number}</Link>
              <Tag>{c.grade ?? t('common:grade.none')}</Tag>
              <span>{c.category}</span>
              <span>{t(`common:status.${c.status}`)}</span>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** Measures signed off before the period, and whether their problem came back in it. */
export function Measures({ measures }: { measures: Report['preventiveMeasures'] }) {
  const { t } = useTranslation('reports');
  return (
    <Figure
      title={t('preventiveMeasures')}
      testId="preventive-measures"
      headers={[t('problem'), t('measure'), t('measureStatusName'), t('dueOn'), t('thisPeriod'), t('previousPeriod'), t('recurrence')]}
      rows={measures.map((m) => ({
        key: m.measureId,
        cells: [
          `${t(`problemKind.${m.problemKind}`)}: ${m.problemKey}`, m.measure, t(`measureStatus.${m.status}`), m.dueOn, m.count, m.previousCount,
          m.recurred ? <Tag key="r" color="error">{t('recurred')}</Tag> : <Tag key="r">{t('notRecurred')}</Tag>,
        ],
      }))}
    />
  );
}
