import { type ApolloError, useMutation } from '@apollo/client';
import { Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrors } from '../../app/apiErrors';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { ComplaintAction } from '../../gql/graphql';
import { actionForms, type FormContext } from './actionForms';
import { formPath } from './rules';

/**
 * One lifecycle action's form. The mutation answers with the complaint, which refreshes the page through Apollo's
 * cache; a refusal is shown as the API said it, each field error under its field, and nothing on the page changes.
 */
export function ActionDialog({ action, context, onClose }: { action: ComplaintAction; context: FormContext; onClose: () => void }) {
  const { t } = useTranslation('complaint');
  const { document, Fields, toInput } = actionForms[action];
  const [run, { loading }] = useMutation(document);
  const [error, setError] = useState<ApolloError>();
  const [form] = Form.useForm();

  const submit = async (values: Record<string, unknown>) => {
    setError(undefined);
    try {
      await run({ variables: { input: { complaintId: context.complaint.id, ...toInput(values) } } });
      onClose();
    } catch (refusal) {
      const apolloError = refusal as ApolloError;
      setError(apolloError);
      form.setFields(apiErrors(apolloError).filter((e) => e.field).map((e) => ({ name: formPath(e.field!), errors: [e.message] })));
    }
  };

  const confirmation = t(`confirm.${action}`, { defaultValue: '' });
  return (
    <Modal
      open
      title={t(`action.${action}`)}
      okText={t('submit')}
      cancelText={t('cancel')}
      confirmLoading={loading}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Form form={form} layout="vertical" onFinish={submit} data-testid={`action-form-${action}`}>
        {confirmation && <Typography.Paragraph>{confirmation}</Typography.Paragraph>}
        {Fields && <Fields {...context} />}
        <ErrorNotice error={error} />
      </Form>
    </Modal>
  );
}
