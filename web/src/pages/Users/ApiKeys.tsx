import { useMutation, useQuery } from '@apollo/client';
import { Alert, Button, Card, Checkbox, Form, Input, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ApiKeysDocument, CreateApiKeyDocument, RevokeApiKeyDocument, type CreateApiKeyInput } from '../../gql/graphql';
import { apiKeyScopes } from './invitationLink';
import { CardTitle } from '../../components/CardTitle';

/** Integration keys: the secret shown once on creation (only its hash is kept), revoked at once. */
export function ApiKeys() {
  const { t, i18n } = useTranslation('settings');
  const { data, error, refetch } = useQuery(ApiKeysDocument, { fetchPolicy: 'cache-and-network' });
  const [create, creating] = useMutation(CreateApiKeyDocument);
  const [revoke, revoking] = useMutation(RevokeApiKeyDocument);
  const [secret, setSecret] = useState<string | null>(null);
  const [form] = Form.useForm<CreateApiKeyInput>();

  const submit = async (input: CreateApiKeyInput) => {
    const result = await create({ variables: { input } }).catch(() => null);
    if (!result?.data) return;
    setSecret(result.data.createApiKey.key);
    form.resetFields();
    void refetch();
  };

  return (
    <Card size="small" title={<CardTitle>{t('apiKeys.title')}</CardTitle>}>
      <ErrorNotice error={error ?? creating.error ?? revoking.error} />
      <Form<CreateApiKeyInput> form={form} layout="inline" onFinish={submit} requiredMark={false} initialValues={{ scopes: ['complaints:submit'] }}>
        <Form.Item name="name" label={t('apiKeys.name')} rules={[{ required: true, message: t('required') }]}>
          <Input style={{ width: 220 }} />
        </Form.Item>
        {/* No required rule: antd would put aria-required on the checkbox group, which its role does not allow; the API refuses none. */}
        <Form.Item name="scopes" label={t('apiKeys.scopes')}>
          <Checkbox.Group options={apiKeyScopes.map((scope) => ({ value: scope, label: scope }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={creating.loading}>{t('apiKeys.create')}</Button>
      </Form>
      {secret && (
        <Alert style={{ marginTop: 12 }} type="success" showIcon data-testid="api-key-secret"
          title={t('apiKeys.shownOnce')} description={<Typography.Text copyable code>{secret}</Typography.Text>} />
      )}
      <Table size="small" rowKey="id" pagination={false} dataSource={data?.apiKeys ?? []} data-testid="api-key-list" style={{ marginTop: 12 }}
        locale={{ emptyText: <Typography.Text type="secondary">{t('apiKeys.none')}</Typography.Text> }}
        columns={[
          { title: t('apiKeys.name'), dataIndex: 'name' },
          { title: t('apiKeys.scopes'), key: 'scopes', render: (_, key) => key.scopes.map((s) => <Tag key={s}>{s}</Tag>) },
          { title: t('apiKeys.created'), key: 'created', render: (_, key) => new Date(key.createdAt).toLocaleString(i18n.language) },
          {
            title: t('users.actions'), key: 'revoke',
            render: (_, key) => key.revokedAt
              ? t('apiKeys.revokedAt', { at: new Date(key.revokedAt).toLocaleString(i18n.language) })
              : <Button size="small" danger onClick={() => void revoke({ variables: { input: { id: key.id } } }).catch(() => null)}>{t('apiKeys.revoke')}</Button>,
          },
        ]}
      />
    </Card>
  );
}
