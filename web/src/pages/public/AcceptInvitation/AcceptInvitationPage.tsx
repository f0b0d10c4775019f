import { useMutation } from '@apollo/client';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { startSession } from '../../../app/session';
import { AcceptInvitationDocument } from '../../../gql/graphql';
import { PublicPage } from '../PublicPage';

interface PasswordForm {
  password: string;
  confirm: string;
}

/** The link an invitee receives: they choose a password and are signed in with the roles they were invited with. */
export default function AcceptInvitationPage() {
  const { t } = useTranslation('settings');
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const [accept, { loading, error }] = useMutation(AcceptInvitationDocument);
  const tenantSlug = search.get('tenant') ?? '';
  const token = search.get('token') ?? '';

  const submit = async ({ password }: PasswordForm) => {
    const { data } = await accept({ variables: { input: { tenantSlug, token, password } } }).catch(() => ({ data: undefined }));
    if (!data) return;
    startSession(data.acceptInvitation);
    void navigate('/', { replace: true });
  };

  return (
    <PublicPage title={t('accept.title')} loading={false} error={error}>
      {!tenantSlug || !token ? (
        <Alert type="error" showIcon title={t('accept.incomplete')} />
      ) : (
        <Form<PasswordForm> layout="vertical" onFinish={submit} requiredMark={false}>
          <p>{t('accept.intro', { tenant: tenantSlug })}</p>
          <Form.Item name="password" label={t('accept.password')} rules={[{ required: true, min: 8, message: t('accept.passwordRule') }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="confirm" label={t('accept.confirm')} dependencies={['password']}
            rules={[({ getFieldValue }) => ({
              validator: (_, value) => (value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('accept.mismatch')))),
            })]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={loading}>{t('accept.join')}</Button>
        </Form>
      )}
    </PublicPage>
  );
}
