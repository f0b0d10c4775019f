import { Button, Card, Result, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { PolicySetUp } from '../Policy/PolicySetUp';
import { WizardSteps } from './WizardSteps';

/**
 * /signup/policy, the wizard after the account exists: choose a policy, tune it beside the preview, then on to the
 * calendar and users. Logging in again while the tenant's policy is not yet chosen brings the admin back here.
 */
export default function WizardPage() {
  const { t } = useTranslation('signup');
  const [search, setSearch] = useSearchParams();
  const done = search.get('step') === 'done';
  const step = done ? 3 : search.get('policy') ? 2 : 1;
  return (
    <main style={{ padding: '24px 16px', maxWidth: 1280, margin: '0 auto' }}>
      <Card title={t('title')} extra={<LanguageSwitch />}>
        <WizardSteps current={step} />
        {done ? (
          <Result status="success" title={t('doneTitle')} subTitle={t('doneText')}
            extra={
              <Space wrap>
                <Link to="/settings/calendar"><Button type="primary">{t('calendarLink')}</Button></Link>
                <Link to="/settings/users"><Button>{t('usersLink')}</Button></Link>
                <Link to="/"><Button>{t('boardLink')}</Button></Link>
              </Space>
            }
          />
        ) : (
          <PolicySetUp onSaved={() => setSearch({ step: 'done' })} />
        )}
      </Card>
    </main>
  );
}
