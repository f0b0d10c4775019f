import { useMutation, useQuery } from '@apollo/client';
import { Alert, Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { DeactivateUserDocument, InviteUserDocument, ReactivateUserDocument, UsersPageDocument, type InviteUserInput } from '../../gql/graphql';
import { ApiKeys } from './ApiKeys';
import { LifecycleSettings } from './LifecycleSettings';
import { invitationLink, platformRoles } from './invitationLink';
import { CardTitle } from '../../components/CardTitle';

/** The tenant's people and integrations: users, invitations, API keys, and how long complaints are kept. */
export default function UsersPage() {
  const { t, i18n } = useTranslation('settings');
  const { data, error, refetch } = useQuery(UsersPageDocument, { fetchPolicy: 'cache-and-network' });
  const [invite, inviting] = useMutation(InviteUserDocument);
  const [deactivate, deactivating] = useMutation(DeactivateUserDocument);
  const [reactivate, reactivating] = useMutation(ReactivateUserDocument);
  const [link, setLink] = useState<string | null>(null);
  const [form] = Form.useForm<InviteUserInput>();

  const policy = data?.policies.find((p) => p.id === data.tenant?.policy?.policyId && p.version === data.tenant.policy.version);
  const roleName = (code: string) => {
    const role = policy?.roles.find((r) => r.code === code);
    if (role) return i18n.language === 'zh-CN' ? role.nameZh : role.nameEn;
    return t(`users.platformRole.${code}`, { defaultValue: code });
  };
  const roleOptions = [...platformRoles, ...(policy?.roles.map((r) => r.code) ?? [])].map((code) => ({ value: code, label: roleName(code) }));

  const send = async (input: InviteUserInput) => {
    const result = await invite({ variables: { input } }).catch(() => null);
    if (!result?.data || !data?.tenant) return;
    setLink(invitationLink(window.location.origin, data.tenant.slug, result.data.inviteUser.token));
    form.resetFields();
    void refetch();
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>{t('users.title')}</Typography.Title>
      <ErrorNotice error={error ?? inviting.error ?? deactivating.error ?? reactivating.error} />
      <Card size="small" title={<CardTitle>{t('users.people')}</CardTitle>}>
        <Table size="small" rowKey="id" pagination={false} dataSource={data?.users ?? []} data-testid="user-list"
          columns={[
            { title: t('users.email'), dataIndex: 'email' },
            { title: t('users.roles'), key: 'roles', render: (_, user) => user.roles.map((r) => <Tag key={r}>{roleName(r)}</Tag>) },
            { title: t('users.state'), key: 'state', render: (_, user) => (user.active ? t('users.active') : t('users.deactivated')) },
            {
              title: t('users.actions'), key: 'actions',
              render: (_, user) => user.active
                ? <Button size="small" danger onClick={() => void deactivate({ variables: { input: { userId: user.id } } }).catch(() => null)}>{t('users.deactivate')}</Button>
                : <Button size="small" onClick={() => void reactivate({ variables: { input: { userId: user.id } } }).catch(() => null)}>{t('users.reactivate')}</Button>,
            },
          ]}
        />
      </Card>
      <Card size="small" title={<CardTitle>{t('users.invite')}</CardTitle>}>
        <Form<InviteUserInput> form={form} layout="inline" onFinish={send} requiredMark={false}>
          <Form.Item name="email" label={t('users.email')} rules={[{ required: true, type: 'email', message: t('users.emailInvalid') }]}>
            <Input style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="roles" label={t('users.roles')} rules={[{ required: true, message: t('required') }]}>
            <Select mode="multiple" options={roleOptions} style={{ minWidth: 260 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={inviting.loading}>{t('users.sendInvitation')}</Button>
        </Form>
        {link && (
          <Alert style={{ marginTop: 12 }} type="success" showIcon data-testid="invitation-link"
            title={t('users.linkOnce')} description={<Typography.Text copyable code>{link}</Typography.Text>} />
        )}
      </Card>
      <Card size="small" title={<CardTitle>{t('users.pending')}</CardTitle>}>
        <Table size="small" rowKey="id" pagination={false} dataSource={data?.invitations ?? []} data-testid="invitation-list"
          locale={{ emptyText: <Typography.Text type="secondary">{t('users.noPending')}</Typography.Text> }}
          columns={[
            { title: t('users.email'), dataIndex: 'email' },
            { title: t('users.roles'), key: 'roles', render: (_, invitation) => invitation.roles.map((r) => <Tag key={r}>{roleName(r)}</Tag>) },
            { title: t('users.expires'), key: 'expires', render: (_, invitation) => new Date(invitation.expiresAt).toLocaleString(i18n.language) },
          ]}
        />
      </Card>
      <ApiKeys />
      <LifecycleSettings />
    </Space>
  );
}
