import { Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportQuery } from '../../gql/graphql';
import { Figure } from './Figure';

type PointsLedger = ReportQuery['report']['pointsLedger'];

/** The winery's penalty points booked in the period, by target, department and person, with money in yuan. */
export function Ledger({ ledger }: { ledger: PointsLedger }) {
  const { t, i18n } = useTranslation('reports');
  const yuan = new Intl.NumberFormat(i18n.language, { style: 'currency', currency: 'CNY' });
  const money = (value: number | null | undefined) => (value == null ? '—' : yuan.format(value));
  const target = (code: string) => t(`target.${code}`);
  const figures = [t('entries'), t('points'), t('money')];
  return (
    <section aria-labelledby="ledger-title">
      <Typography.Title level={2} id="ledger-title" style={{ fontSize: 18 }}>
        {t('ledger')} <Typography.Text type="secondary">{t('yuanPerPoint', { money: money(ledger.yuanPerPoint) })}</Typography.Text>
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={8}>
          <Figure
            title={t('ledgerByTarget')}
            testId="ledger-by-target"
            chart={{ categories: ledger.byTarget.map((x) => target(x.target)), series: [{ name: t('points'), values: ledger.byTarget.map((x) => x.points) }] }}
            headers={[t('targetName'), ...figures]}
            rows={ledger.byTarget.map((x) => ({ key: x.target, cells: [target(x.target), x.entries, x.points, money(x.money)] }))}
          />
        </Col>
        <Col xs={24} xl={8}>
          <Figure
            title={t('ledgerByDepartment')}
            testId="ledger-by-department"
            headers={[t('department'), ...figures]}
            rows={ledger.byDepartment.map((x) => ({ key: x.department ?? '', cells: [x.department ?? t('noDepartment'), x.entries, x.points, money(x.money)] }))}
          />
        </Col>
        <Col xs={24} xl={8}>
          <Figure
            title={t('ledgerByPerson')}
            testId="ledger-by-person"
            headers={[t('targetName'), t('department'), t('person'), ...figures]}
            rows={ledger.byPerson.map((x) => ({
              key: `${x.target}-${x.department ?? ''}-${x.personId ?? ''}`,
              cells: [target(x.target), x.department ?? t('noDepartment'), x.personEmail ?? '—', x.entries, x.points, money(x.money)],
            }))}
          />
        </Col>
      </Row>
    </section>
  );
}
