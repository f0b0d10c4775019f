import { useLazyQuery, useMutation, type ApolloError } from '@apollo/client';
import { Button, Card, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { apiErrors, fieldErrors } from '../../app/apiErrors';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { startSession } from '../../app/session';
import { ErrorNotice } from '../../components/ErrorNotice';
import { SignUpDocument, SlugAvailabilityDocument, type SignUpInput } from '../../gql/graphql';
import { WizardSteps } from './WizardSteps';

const slugCheckDelayMs = 400;

/** /signup, step 1: the company, its slug checked as it is typed, the first admin. The account exists from here on. */
export default function SignUpPage() {
  const { t } = useTranslation('signup');
  const navigate = useNavigate();
  const [form] = Form.useForm<SignUpInput>();
  const [signUp, { loading, error }] = useMutation(SignUpDocument);
  const [checkSlug, slugCheck] = useLazyQuery(SlugAvailabilityDocument);
  const slug = Form.useWatch('slug', form);
  const [checked, setChecked] = useState<string>();

  useEffect(() => {
    if (!slug) return;
    const timer = setTimeout(() => void checkSlug({ variables: { slug } }).then(() => setChecked(slug)), slugCheckDelayMs);
    return () => clearTimeout(timer);
  }, [slug, checkSlug]);

  const availability = slugCheck.data?.slugAvailability;
  const slugStatus = !slug || checked !== slug || availability?.slug !== slug ? undefined : availability.available ? 'success' : 'error';
  const slugHelp = slugStatus === 'success' ? t('slugFree', { slug }) : slugStatus === 'error' ? availability?.reason : undefined;

  const submit = async (input: SignUpInput) => {
    try {
      const { data } = await signUp({ variables: { input } });
      if (!data) return;
      startSession(data.signUp);
      void navigate('/signup/policy', { replace: true });
    } catch (refused) {
      form.setFields([...fieldErrors(apiErrors(refused as ApolloError))].map(([name, message]) => ({ name: name as keyof SignUpInput, errors: [message] })));
    }
  };

  return (
    <main style={{ display: 'flex', justifyContent: 'center', padding: '6vh 16px' }}>
      <Card title={t('title')} style={{ width: 520, maxWidth: '100%' }} extra={<LanguageSwitch />}>
        <WizardSteps current={0} />
        <Form<SignUpInput> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="companyName" label={t('companyName')} rules={[{ required: true, message: t('required') }]}>
            <Input autoComplete="organization" autoFocus />
          </Form.Item>
          <Form.Item name="slug" label={t('slug')} extra={t('slugHelp')} hasFeedback={slugStatus !== undefined}
            validateStatus={slugStatus} help={slugHelp}
            rules={[{ required: true, message: t('required') }]}
          >
            <Input autoComplete="off" data-testid="slug-input" />
          </Form.Item>
          <Form.Item name="adminEmail" label={t('adminEmail')} rules={[{ required: true, type: 'email', message: t('emailInvalid') }]}>
            <Input autoComplete="username" />
          </Form.Item>
          <Form.Item name="adminPassword" label={t('adminPassword')} rules={[{ required: true, message: t('required') }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <ErrorNotice error={error} />
          <Button type="primary" htmlType="submit" loading={loading} block style={{ marginTop: 16 }}>
            {t('submit')}
          </Button>
        </Form>
        <p style={{ marginTop: 16 }}>
          {t('haveAccount')} <Link to="/login" style={{ textDecoration: 'underline' }}>{t('logIn')}</Link>
        </p>
      </Card>
    </main>
  );
}
