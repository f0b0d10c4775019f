import { useMutation, useQuery } from '@apollo/client';
import { Button, Form, Input, Radio, Result, Select, Space, Typography, type FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { apiErrors, fieldErrors } from '../../../app/apiErrors';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { FeedbackFormDocument, SendFeedbackDocument, type FeedbackKind, type SendFeedbackMutation } from '../../../gql/graphql';
import { FileField, type PickedFile } from '../../Complaint/FileField';
import { PublicPage } from '../PublicPage';
import { publicClient } from '../publicClient';
import { categoryOptions, formFieldOf, maxAttachmentBytes } from './feedbackForm';

interface FeedbackForm {
  kind: FeedbackKind;
  category: string;
  description: string;
  request?: string;
  customerName: string;
  contact: string;
  attachment?: PickedFile;
  website?: string;
}

const kinds: FeedbackKind[] = ['COMPLAINT', 'INQUIRY', 'SUGGESTION', 'HELP_REQUEST'];

/** Issue 13.8: a customer tells the company about a problem, without an account, and gets the number to quote. */
export default function FeedbackPage() {
  const { slug = '' } = useParams();
  const { t, i18n } = useTranslation('feedback');
  const chinese = i18n.language === 'zh-CN';
  const client = publicClient(slug);
  const { data, loading, error } = useQuery(FeedbackFormDocument, { client });
  const [form] = Form.useForm<FeedbackForm>();
  // One key per complaint being written: a double click or a retry after a lost answer makes one complaint.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [receipt, setReceipt] = useState<SendFeedbackMutation['submitPublicComplaint'] | null>(null);
  const [send, { loading: sending, error: refused }] = useMutation(SendFeedbackDocument, { client });

  const submit = async ({ attachment, ...values }: FeedbackForm) => {
    const result = await send({
      variables: {
        input: { ...values, attachments: attachment ? [{ fileName: attachment.fileName, contentType: attachment.contentType, base64: attachment.base64 }] : [] },
        locale: chinese ? 'zh' : 'en',
      },
      context: { headers: { 'Idempotency-Key': idempotencyKey } },
    }).catch((failure: Parameters<typeof apiErrors>[0]) => {
      const fields: Parameters<FormInstance['setFields']>[0] = [...fieldErrors(apiErrors(failure))].map(([field, message]) => ({
        name: formFieldOf(field),
        errors: [message],
      }));
      form.setFields(fields);
      return null;
    });
    if (result?.data) setReceipt(result.data.submitPublicComplaint);
  };

  const another = () => {
    form.resetFields();
    setIdempotencyKey(crypto.randomUUID());
    setReceipt(null);
  };

  const required = { required: true, whitespace: true, message: t('required') };
  return (
    <PublicPage tenantName={data?.publicTenant.name} title={t('title')} loading={loading} error={error}>
      {receipt ? (
        <Result
          status="success"
          title={<span data-testid="feedback-number">{t('recorded', { number: receipt.number })}</span>}
          subTitle={<Typography.Paragraph style={{ whiteSpace: 'pre-line' }}>{receipt.acknowledgement}</Typography.Paragraph>}
          extra={
            <Space wrap>
              <Link to={`/${slug}/track?number=${encodeURIComponent(receipt.number)}`}>{t('track')}</Link>
              <Button type="primary" onClick={another}>
                {t('another')}
              </Button>
            </Space>
          }
        />
      ) : (
        <Form<FeedbackForm> form={form} layout="vertical" onFinish={submit} scrollToFirstError initialValues={{ kind: 'COMPLAINT' }}>
          <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
          <Form.Item name="kind" label={t('kind')} rules={[{ required: true, message: t('required') }]}>
            <Radio.Group optionType="button" options={kinds.map((value) => ({ value, label: t(`common:kind.${value}`) }))} />
          </Form.Item>
          <Form.Item name="category" label={t('category')} rules={[{ required: true, message: t('required') }]}>
            <Select showSearch optionFilterProp="label" placeholder={t('categoryHint')} options={categoryOptions(data?.categories ?? [], chinese)} />
          </Form.Item>
          <Form.Item name="description" label={t('description')} rules={[required, { max: 5000, message: t('tooLong', { max: 5000 }) }]}>
            <Input.TextArea rows={5} placeholder={t('descriptionHint')} />
          </Form.Item>
          <Form.Item name="request" label={t('request')}>
            <Input placeholder={t('requestHint')} />
          </Form.Item>
          <Form.Item name="customerName" label={t('customerName')} rules={[required]}>
            <Input autoComplete="name" />
          </Form.Item>
          <Form.Item name="contact" label={t('contact')} extra={t('contactHint')} rules={[required]}>
            <Input autoComplete="tel" />
          </Form.Item>
          <Form.Item
            name="attachment"
            label={t('attachment')}
            extra={t('attachmentHint', { size: maxAttachmentBytes / 1024 })}
            rules={[{ validator: (_, file?: PickedFile) => (!file || file.size <= maxAttachmentBytes ? Promise.resolve() : Promise.reject(new Error(t('attachmentTooLarge', { size: maxAttachmentBytes / 1024 })))) }]}
          >
            <FileField />
          </Form.Item>
          {/* The bot check: hidden from people and from screen readers; the API refuses a form that fills it in. */}
          <div aria-hidden="true" style={{ position: 'absolute', left: -10000, width: 1, height: 1, overflow: 'hidden' }}>
            <Form.Item name="website" label={t('website')}>
              <Input tabIndex={-1} autoComplete="off" />
            </Form.Item>
          </div>
          <ErrorNotice error={refused} />
          <Button type="primary" htmlType="submit" loading={sending} style={{ marginTop: 16 }}>
            {t('submit')}
          </Button>
        </Form>
      )}
    </PublicPage>
  );
}
