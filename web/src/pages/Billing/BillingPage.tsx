import { useMutation, useQuery } from '@apollo/client';
import { Alert, Button, Card, Col, Descriptions, Progress, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorNotice } from '../../components/ErrorNotice';
import { BillingDocument, OpenBillingPortalDocument, StartCheckoutDocument, type BillingPlanFieldsFragment } from '../../gql/graphql';
import { CardTitle } from '../../components/CardTitle';

/** Stripe's own pages (Checkout, the portal) are another site: the whole window goes there and comes back. */
function goTo(url: string) {
  window.location.assign(url);
}

/** The tenant's plan, subscription and usage against the plan's limits; upgrades through Stripe Checkout. */
export default function BillingPage() {
  const { t, i18n } = useTranslation('billing');
  const [search] = useSearchParams();
  const { data, error } = useQuery(BillingDocument, { fetchPolicy: 'cache-and-network' });
  const [checkout, checkingOut] = useMutation(StartCheckoutDocument);
  const [portal, openingPortal] = useMutation(OpenBillingPortalDocument);
  const billing = data?.billing;
  const date = (value: string | null | undefined) => (value ? new Date(value).toLocaleString(i18n.language) : '—');
  const returned = search.get('checkout');

  const upgrade = async (plan: string) => {
    const { data: started } = await checkout({ variables: { input: { plan } } }).catch(() => ({ data: undefined }));
    if (started) goTo(started.startCheckout.url);
  };
  const manage = async () => {
    const { data: opened } = await portal().catch(() => ({ data: undefined }));
    if (opened) goTo(opened.openBillingPortal.url);
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>{t('title')}</Typography.Title>
      {(returned === 'done' || returned === 'canceled') && <Alert type="info" showIcon title={t(`returned.${returned}`)} />}
      <ErrorNotice error={error ?? checkingOut.error ?? openingPortal.error} />
      {billing && !billing.enabled && <Alert type="info" showIcon title={t('disabled')} />}
      {billing?.warnings.map((warning) => <Alert key={warning} type="warning" showIcon role="alert" title={warning} data-testid="billing-warning" />)}
      {billing && (
        <Card title={<CardTitle>{t('subscription')}</CardTitle>} size="small"
          extra={billing.enabled && billing.status !== 'NONE' && (
            <Button onClick={() => void manage()} loading={openingPortal.loading}>{t('manage')}</Button>
          )}
        >
          <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
            { key: 'plan', label: t('plan'), children: <span data-testid="current-plan">{billing.plan.name}</span> },
            { key: 'status', label: t('statusName'), children: <span data-testid="subscription-status">{t(`status.${billing.status}`)}</span> },
            { key: 'period', label: t('currentPeriodEnd'), children: date(billing.currentPeriodEnd) },
            { key: 'trial', label: t('trialEnd'), children: date(billing.trialEnd) },
            { key: 'grace', label: t('graceEndsAt'), children: date(billing.graceEndsAt) },
            { key: 'readOnly', label: t('standing'), children: billing.readOnly ? t('standingReadOnly') : t('standingWritable') },
          ]} />
          <Typography.Title level={3} style={{ fontSize: 14 }}>{t('usage')}</Typography.Title>
          {billing.usage.map((usage) => (
            <div key={usage.limit} data-testid={`usage-${usage.limit}`}>
              <Typography.Text>
                {t(`limit.${usage.limit}`)}: {usage.max == null ? t('usedOfUnlimited', { used: usage.used }) : t('usedOf', { used: usage.used, max: usage.max })}
              </Typography.Text>
              {usage.max != null && (
                <Progress percent={Math.min(100, Math.round((usage.used / usage.max) * 100))} status={usage.used >= usage.max ? 'exception' : 'normal'}
                  aria-label={t(`limit.${usage.limit}`)} />
              )}
            </div>
          ))}
        </Card>
      )}
      {billing?.enabled && (
        <Row gutter={[16, 16]}>
          {billing.plans.map((plan) => (
            <Col xs={24} md={8} key={plan.code}>
              <PlanCard plan={plan} current={plan.code === billing.plan.code}
                onUpgrade={plan.code !== 'FREE' && plan.code !== billing.plan.code ? () => void upgrade(plan.code) : undefined}
                upgrading={checkingOut.loading} />
            </Col>
          ))}
        </Row>
      )}
    </Space>
  );
}

function PlanCard({ plan, current, onUpgrade, upgrading }: {
  plan: BillingPlanFieldsFragment;
  current: boolean;
  onUpgrade?: () => void;
  upgrading: boolean;
}) {
  const { t } = useTranslation('billing');
  const limit = (max: number | null | undefined) => (max == null ? t('unlimited') : max);
  const yesNo = (allowed: boolean) => (allowed ? t('yes') : t('no'));
  return (
    <Card size="small" data-testid={`plan-${plan.code}`}
      title={<CardTitle>{plan.name} {current && <Tag>{t('current')}</Tag>}</CardTitle>}
      actions={onUpgrade ? [<Button key="upgrade" type="primary" onClick={onUpgrade} loading={upgrading}>{t('upgradeTo', { plan: plan.name })}</Button>] : undefined}
    >
      <Descriptions size="small" column={1} items={[
        { key: 'complaints', label: t('limit.complaintsPerMonth'), children: limit(plan.complaintsPerMonth) },
        { key: 'seats', label: t('limit.agentSeats'), children: limit(plan.agentSeats) },
        { key: 'custom', label: t('customPolicy'), children: yesNo(plan.customPolicyAllowed) },
        { key: 'keys', label: t('apiKeys'), children: yesNo(plan.apiKeysAllowed) },
      ]} />
    </Card>
  );
}
