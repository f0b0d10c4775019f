import { type ApolloError, useMutation, useQuery } from '@apollo/client';
import { Button, Card, Form, InputNumber, message } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formFieldErrors } from '../../app/apiErrors';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LifecycleSettingsDocument, UpdateLifecycleSettingsDocument, type UpdateLifecycleSettingsInput } from '../../gql/graphql';
import { CardTitle } from '../../components/CardTitle';

/** How far back intake looks for a repeat complaint, and how long closed complaints are kept. */
export function LifecycleSettings() {
  const { t } = useTranslation('settings');
  const { data, error } = useQuery(LifecycleSettingsDocument);
  const [update, updating] = useMutation(UpdateLifecycleSettingsDocument);
  const [form] = Form.useForm<UpdateLifecycleSettingsInput>();
  const [messages, holder] = message.useMessage();

  useEffect(() => {
    if (data?.tenant) form.setFieldsValue({ duplicateWindowDays: data.tenant.duplicateWindowDays, retentionYears: data.tenant.retentionYears });
  }, [data, form]);

  const submit = async (input: UpdateLifecycleSettingsInput) => {
    const result = await update({ variables: { input } }).catch((refused: ApolloError) => {
      // The API names input.retentionYears, input.hours…: shown under that field of the form.
      form.setFields(formFieldErrors(refused) as Parameters<typeof form.setFields>[0]);
      return null;
    });
    if (result?.data) void messages.success(t('lifecycle.saved'));
  };

  return (
    <Card size="small" title={<CardTitle>{t('lifecycle.title')}</CardTitle>}>
      {holder}
      <ErrorNotice error={error ?? updating.error} />
      <Form<UpdateLifecycleSettingsInput> form={form} layout="inline" onFinish={submit} requiredMark={false}>
        <Form.Item name="duplicateWindowDays" label={t('lifecycle.duplicateWindowDays')} rules={[{ required: true, message: t('required') }]}>
          <InputNumber min={0} precision={0} />
        </Form.Item>
        <Form.Item name="retentionYears" label={t('lifecycle.retentionYears')} rules={[{ required: true, message: t('required') }]}>
          <InputNumber precision={0} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={updating.loading}>{t('lifecycle.save')}</Button>
      </Form>
    </Card>
  );
}
