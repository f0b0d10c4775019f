import { Alert } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PolicySetUp } from './PolicySetUp';

/** /settings/policy: an admin chooses or retunes the tenant's policy, with the preview, at any time after sign-up. */
export default function PolicyPage() {
  const { t } = useTranslation('policy');
  const [, setSearch] = useSearchParams();
  const [saved, setSaved] = useState(false);
  return (
    <>
      {saved && <Alert type="success" showIcon role="status" title={t('saved')} closable onClose={() => setSaved(false)} style={{ marginBottom: 16 }} />}
      <Link to="/settings/policy/custom">{t('customLink')}</Link>
      <PolicySetUp onSaved={() => { setSaved(true); setSearch({}); }} />
    </>
  );
}
