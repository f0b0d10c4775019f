import { useQuery } from '@apollo/client';
import { Button, Col, DatePicker, Row, Segmented, Space, Statistic, Tag, Typography, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { currentSession } from '../../app/session';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ReportDocument, type ReportPeriodInput, type ReportQuery } from '../../gql/graphql';
import { Figure } from './Figure';
import { Ledger } from './Ledger';
import { Measures, Problems, TypicalCases } from './Problems';
import { monthOf, percent, percentText, periodForm, quarterOf, quarterStart, readPeriod, writePeriod, type PeriodForm } from './reportPeriod';

type Report = ReportQuery['report'];
type Tally = Report['byKind'][number];

/** Seed 001's goal for resolution at the first contact. */
const firstContactGoalPercent = 90;

/** The complaint analysis of a month, a quarter or a range of days: the API's `report` as charts and tables. */
export default function ReportsPage() {
  const { t } = useTranslation('reports');
  const [search, setSearch] = useSearchParams();
  const period = readPeriod(search, new Date());
  const { data, loading, error } = useQuery(ReportDocument, { variables: { period } });
  const report = data?.report;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
        {t('title')}
      </Typography.Title>
      <Space wrap>
        <PeriodPicker period={period} onChange={(chosen) => setSearch(writePeriod(chosen))} />
        <DownloadButton file="complaints" period={period} label={t('downloadComplaints')} />
        <DownloadButton file="report" period={period} label={t('downloadReport')} />
      </Space>
      <ErrorNotice error={error} />
      {loading && !report && <Typography.Text>{t('common:loading')}</Typography.Text>}
      {report && <Figures report={report} />}
    </Space>
  );
}

function PeriodPicker({ period, onChange }: { period: ReportPeriodInput; onChange: (period: ReportPeriodInput) => void }) {
  const { t } = useTranslation('reports');
  const form = periodForm(period);
  const today = new Date();
  const starts: Record<PeriodForm, ReportPeriodInput> = {
    month: { month: monthOf(today) },
    quarter: { quarter: quarterOf(today) },
    range: { from: dayjs(today).startOf('month').format('YYYY-MM-DD'), to: dayjs(today).format('YYYY-MM-DD') },
  };
  const day = (value: Dayjs) => value.toDate();
  return (
    <Space wrap>
      <Segmented<PeriodForm>
        aria-label={t('periodForm')}
        value={form}
        options={(['month', 'quarter', 'range'] as const).map((value) => ({ value, label: t(`form.${value}`) }))}
        onChange={(chosen) => onChange(starts[chosen])}
      />
      {form === 'month' && (
        <DatePicker picker="month" allowClear={false} aria-label={t('form.month')} value={dayjs(`${period.month}-01`)}
          onChange={(value: Dayjs | null) => value && onChange({ month: monthOf(day(value)) })} />
      )}
      {form === 'quarter' && (
        <DatePicker picker="quarter" allowClear={false} aria-label={t('form.quarter')} value={dayjs(quarterStart(period.quarter!))}
          onChange={(value: Dayjs | null) => value && onChange({ quarter: quarterOf(day(value)) })} />
      )}
      {form === 'range' && (
        <DatePicker.RangePicker allowClear={false} aria-label={t('form.range')} value={[dayjs(period.from), dayjs(period.to)]}
          onChange={(values) => values?.[0] && values[1] && onChange({ from: values[0].format('YYYY-MM-DD'), to: values[1].format('YYYY-MM-DD') })} />
      )}
    </Space>
  );
}

/** Fetches an export under the user's token (a plain link would carry none) and saves it under the service's name. */
function DownloadButton({ file, period, label }: { file: 'complaints' | 'report'; period: ReportPeriodInput; label: string }) {
  const [messages, holder] = message.useMessage();
  const download = async () => {
    const response = await fetch(`/reports/${file}.csv?${writePeriod(period).toString()}`, {
      headers: { Authorization: `Bearer ${currentSession()?.token ?? ''}` },
    });
    if (!response.ok) {
      const body = (await response.json()) as { errors: { message: string; extensions?: { code?: string } }[] };
      void messages.error(body.errors.map((e) => `${e.extensions?.code ?? ''} ${e.message}`).join('; '));
      return;
    }
    const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? `${file}.csv`;
    const url = URL.createObjectURL(await response.blob());
    Object.assign(document.createElement('a'), { href: url, download: name }).click();
    URL.revokeObjectURL(url);
  };
  return (
    <>
      {holder}
      <Button onClick={() => void download()}>{label}</Button>
    </>
  );
}

function Figures({ report }: { report: Report }) {
  const { t } = useTranslation('reports');
  const tally = (title: string, testId: string, tallies: Tally[], name: (key: string) => string = (key) => key) => (
    <Col xs={24} lg={12} xl={8} key={testId}>
      <Figure
        title={title}
        testId={testId}
        chart={{ categories: tallies.map((x) => name(x.key)), series: [{ name: t('count'), values: tallies.map((x) => x.count) }] }}
        headers={[t('item'), t('count')]}
        rows={tallies.map((x) => ({ key: x.key, cells: [name(x.key), x.count] }))}
      />
    </Col>
  );
  const grade = (key: string) => (key === 'UNGRADED' ? t('common:grade.none') : key);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Text>{t('periodSummary', { from: report.from, to: report.to, previousFrom: report.previousFrom, previousTo: report.previousTo })}</Typography.Text>
      <Space size="large" wrap>
        <Statistic title={t('total')} value={report.total} />
        <Statistic title={t('resolution')} value={percent(report.resolution.value) ?? '—'} suffix={report.resolution.value == null ? undefined : '%'} />
      </Space>
      <Row gutter={[16, 16]}>
        {tally(t('byKind'), 'by-kind', report.byKind, (key) => t(`common:kind.${key}`))}
        {tally(t('byCategory'), 'by-category', report.byCategory)}
        {tally(t('byGrade'), 'by-grade', report.byGrade, grade)}
        {tally(t('byChannel'), 'by-channel', report.byChannel, (key) => t(`common:channel.${key}`))}
        {tally(t('byDepartment'), 'by-department', report.byDepartment)}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}><SlaCompliance sla={report.sla} /></Col>
        <Col xs={24} xl={6}><FirstContactResolution rate={report.firstContactResolution} /></Col>
        <Col xs={24} xl={6}><Satisfaction satisfaction={report.satisfaction} /></Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}><Problems title={t('topCategories')} testId="top-categories" problems={report.topCategories} /></Col>
        <Col xs={24} lg={12}><Problems title={t('topRootCauses')} testId="top-root-causes" problems={report.topRootCauses} /></Col>
      </Row>
      <TypicalCases cases={report.typicalCases} />
      {report.pointsLedger.yuanPerPoint != null && <Ledger ledger={report.pointsLedger} />}
      <Measures measures={report.preventiveMeasures} />
    </Space>
  );
}

function SlaCompliance({ sla }: { sla: Report['sla'] }) {
  const { t } = useTranslation('reports');
  const kinds = [...new Set(sla.map((row) => row.clockKind))];
  const grades = [null, ...new Set(sla.flatMap((row) => (row.grade ? [row.grade] : [])))];
  const gradeName = (grade: string | null) => grade ?? t('allGrades');
  return (
    <Figure
      title={t('sla')}
      testId="sla"
      chart={{
        categories: kinds.map((kind) => t(`common:clock.kind.${kind}`)),
        series: grades.map((grade) => ({
          name: gradeName(grade),
          values: kinds.map((kind) => percent(sla.find((row) => row.clockKind === kind && row.grade === grade)?.compliance.value)),
        })),
        max: 100,
      }}
      headers={[t('clock'), t('grade'), t('met'), t('breached'), t('running'), t('compliance')]}
      rows={sla.map((row) => ({
        key: `${row.clockKind}-${row.grade ?? ''}`,
        cells: [t(`common:clock.kind.${row.clockKind}`), gradeName(row.grade ?? null), row.met, row.breached, row.running, percentText(row.compliance.value)],
      }))}
    />
  );
}

function FirstContactResolution({ rate }: { rate: Report['firstContactResolution'] }) {
  const { t } = useTranslation('reports');
  const value = percent(rate.value);
  const goal = t('goal', { percent: firstContactGoalPercent });
  return (
    <Figure
      title={t('firstContactResolution')}
      testId="first-contact-resolution"
      chart={{ categories: [t('firstContactResolution')], series: [{ name: t('compliance'), values: [value] }], max: 100, goal: { value: firstContactGoalPercent, label: goal } }}
      headers={[t('resolvedAtFirstContact'), t('resolved'), t('rate'), goal]}
      rows={[{
        key: 'rate',
        cells: [rate.count, rate.outOf, percentText(rate.value),
          value == null ? '—' : value >= firstContactGoalPercent ? <Tag>{t('goalMet')}</Tag> : <Tag color="error">{t('goalMissed')}</Tag>],
      }]}
    />
  );
}

function Satisfaction({ satisfaction }: { satisfaction: Report['satisfaction'] }) {
  const { t } = useTranslation('reports');
  const dimensions = ['overall', 'attitude', 'speed', 'professionalism', 'outcome'] as const;
  return (
    <Figure
      title={t('satisfaction')}
      testId="satisfaction"
      extra={t('callbacks', { count: satisfaction.callbacks })}
      chart={{ categories: dimensions.map((d) => t(`dimension.${d}`)), series: [{ name: t('average'), values: dimensions.map((d) => satisfaction[d] ?? null) }], max: 5 }}
      headers={[t('dimensionName'), t('average')]}
      rows={dimensions.map((d) => ({ key: d, cells: [t(`dimension.${d}`), satisfaction[d] ?? '—'] }))}
    />
  );
}
