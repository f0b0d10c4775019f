import type { ApolloError } from '@apollo/client';
import { Card, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { apiErrors } from '../../app/apiErrors';
import { ErrorNotice } from '../../components/ErrorNotice';

/** The frame of a tenant's public page: the company's name above, the language switch, no staff navigation. */
export function PublicPage({ tenantName, title, loading, error, children }: {
  tenantName?: string;
  title: string;
  loading: boolean;
  error?: ApolloError;
  children: ReactNode;
}) {
  const { t } = useTranslation('public');
  const unknownTenant = error && apiErrors(error).some(({ code }) => code === 'NOT_FOUND');
  return (
    <main style={{ display: 'flex', justifyContent: 'center', padding: '32px 16px' }}>
      <Card
        style={{ width: 720, maxWidth: '100%' }}
        title={<h1 style={{ fontSize: 20, margin: 0 }}>{tenantName ? `${tenantName} · ${title}` : title}</h1>}
        extra={<LanguageSwitch />}
      >
        {loading ? <Spin /> : unknownTenant ? <Result status="404" title={t('unknownTenant')} /> : error ? <ErrorNotice error={error} /> : children}
      </Card>
    </main>
  );
}
