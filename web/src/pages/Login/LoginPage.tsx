import { useApolloClient, useMutation } from '@apollo/client';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { prefetchBoardPage, prefetchDesk } from '../../app/desk';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { startSession } from '../../app/session';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LogInDocument, type LogInInput } from '../../gql/graphql';

export default function LoginPage() {
  const { t } = useTranslation('login');
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const from = search.get('from');
  const client = useApolloClient();
  const [logIn, { loading, error }] = useMutation(LogInDocument);

  useEffect(() => {
    const idle = requestIdleCallback(prefetchDesk);
    return () => cancelIdleCallback(idle);
  }, []);

  const submit = async (input: LogInInput) => {
    const { data } = await logIn({ variables: { input } }).catch(() => ({ data: undefined }));
    if (!data) return;
    const { policyChosenAt, ...tenant } = data.logIn.tenant;
    startSession({ ...data.logIn, tenant });
    // An admin who left the sign-up wizard before choosing the policy goes back to it.
    if (!policyChosenAt && data.logIn.user.roles.includes('TENANT_ADMIN')) {
      void navigate('/signup/policy', { replace: true });
      return;
    }
    // Only a path of this console, never another site.
    const destination = from?.startsWith('/') && !from.startsWith('//') ? from : '/';
    prefetchBoardPage(client, destination);
    void navigate(destination, { replace: true });
  };

  return (
    <main style={{ display: 'flex', justifyContent: 'center', padding: '10vh 16px' }}>
      <Card title={t('title')} style={{ width: 400, maxWidth: '100%' }}
        extra={<LanguageSwitch />}
      >
        {from && <Alert type="info" showIcon title={t('sessionEnded')} style={{ marginBottom: 16 }} />}
        <Form<LogInInput> layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="tenantSlug" label={t('tenantSlug')} rules={[{ required: true, message: t('required') }]}>
            <Input autoComplete="organization" autoFocus />
          </Form.Item>
          <Form.Item name="email" label={t('email')} rules={[{ required: true, type: 'email', message: t('emailInvalid') }]}>
            <Input autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label={t('password')} rules={[{ required: true, message: t('required') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <ErrorNotice error={error} />
          <Button type="primary" htmlType="submit" loading={loading} block style={{ marginTop: 16 }}>
            {t('submit')}
          </Button>
        </Form>
        <p style={{ marginTop: 16 }}>
          {t('noAccount')} <Link to="/signup" style={{ textDecoration: 'underline' }}>{t('signUp')}</Link>
        </p>
      </Card>
    </main>
  );
}
