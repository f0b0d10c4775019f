import { useQuery } from '@apollo/client';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BillingStandingDocument } from '../../gql/graphql';

/** On every signed-in page while the subscription leaves the desk read-only: what still works, and where to pay. */
export function ReadOnlyBanner() {
  const { t } = useTranslation('billing');
  const { data } = useQuery(BillingStandingDocument, { fetchPolicy: 'cache-and-network' });
  if (!data?.billing.readOnly) return null;
  return (
    <Alert
      type="warning"
      showIcon
      banner
      data-testid="read-only-banner"
      title={t('readOnly.title')}
      description={<>{t('readOnly.stillWorks')} <Link to="/settings/billing">{t('readOnly.pay')}</Link></>}
    />
  );
}
