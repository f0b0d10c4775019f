import { Steps } from 'antd';
import { useTranslation } from 'react-i18next';

/** Where the company is in setting up: account, policy, its settings, then calendar and users. */
export function WizardSteps({ current }: { current: number }) {
  const { t } = useTranslation('signup');
  return (
    <Steps size="small" current={current} style={{ marginBottom: 24 }} data-testid="wizard-steps"
      items={[{ title: t('steps.account') }, { title: t('steps.policy') }, { title: t('steps.settings') }, { title: t('steps.next') }]}
    />
  );
}
