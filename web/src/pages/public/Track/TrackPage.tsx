import { useLazyQuery, useMutation, useQuery } from '@apollo/client';
import { Alert, Button, Card, Descriptions, Form, Input, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { AnswerPlanDocument, TrackComplaintDocument, TrackingTenantDocument, type TrackedComplaintViewFragment } from '../../../gql/graphql';
import { PublicPage } from '../PublicPage';
import { publicClient } from '../publicClient';

interface Proof {
  number: string;
  contact: string;
}

/** Issue 13.9: a customer follows their complaint by its number and the contact they gave, and answers the plan. */
export default function TrackPage() {
  const { slug = '' } = useParams();
  const [search] = useSearchParams();
  const { t } = useTranslation('track');
  const client = publicClient(slug);
  const tenant = useQuery(TrackingTenantDocument, { client });
  const [proof, setProof] = useState<Proof | null>(null);
  const [track, tracked] = useLazyQuery(TrackComplaintDocument, { client, fetchPolicy: 'network-only' });
  const [answer, answered] = useMutation(AnswerPlanDocument, { client });
  const [declining, setDeclining] = useState(false);

  const find = (values: Proof) => {
    setProof(values);
    void track({ variables: values });
  };
  const respond = async (accepted: boolean, note?: string) => {
    if (!proof) return;
    await answer({ variables: { input: { ...proof, accepted, note } } }).catch(() => null);
    setDeclining(false);
    void track({ variables: proof });
  };

  // A wrong number and a wrong contact are the same answer: null.
  const complaint = tracked.data?.trackComplaint;
  return (
    <PublicPage tenantName={tenant.data?.publicTenant.name} title={t('title')} loading={tenant.loading} error={tenant.error}>
      <Form<Proof> layout="vertical" onFinish={find} initialValues={{ number: search.get('number') ?? '' }}>
        <Form.Item name="number" label={t('number')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
          <Input placeholder="20261207-CHAT-0001" />
        </Form.Item>
        <Form.Item name="contact" label={t('contact')} extra={t('contactHint')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
          <Input autoComplete="tel" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={tracked.loading}>
          {t('find')}
        </Button>
      </Form>
      <div style={{ marginTop: 24 }} aria-live="polite">
        <ErrorNotice error={tracked.error ?? answered.error} />
        {tracked.data && !complaint && <Alert type="warning" showIcon title={t('notFound')} />}
        {complaint && (
          <TrackedComplaint
            complaint={complaint}
            answering={answered.loading}
            declining={declining}
            onAccept={() => void respond(true)}
            onDecline={() => setDeclining(true)}
            onSendDecline={(note) => void respond(false, note)}
          />
        )}
      </div>
    </PublicPage>
  );
}

function TrackedComplaint({ complaint, answering, declining, onAccept, onDecline, onSendDecline }: {
  complaint: TrackedComplaintViewFragment;
  answering: boolean;
  declining: boolean;
  onAccept: () => void;
  onDecline: () => void;
  onSendDecline: (note?: string) => void;
}) {
  const { t, i18n } = useTranslation('track');
  const [note, setNote] = useState('');
  const when = (at: string) => new Date(at).toLocaleString(i18n.language);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label={t('number')}>{complaint.number}</Descriptions.Item>
        <Descriptions.Item label={t('kind')}>{t(`common:kind.${complaint.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('received')}>{when(complaint.receivedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('progress')}>
          <strong data-testid="customer-status">{t(`status.${complaint.status}`)}</strong>
        </Descriptions.Item>
      </Descriptions>
      {complaint.plan && (
        <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('plan')}</h2>}>
          <Descriptions column={1} size="small">
            {complaint.plan.shortTermMeasures && <Descriptions.Item label={t('shortTerm')}>{complaint.plan.shortTermMeasures}</Descriptions.Item>}
            {complaint.plan.longTermMeasures && <Descriptions.Item label={t('longTerm')}>{complaint.plan.longTermMeasures}</Descriptions.Item>}
            {complaint.plan.remedies.length > 0 && (
              <Descriptions.Item label={t('remedies')}>{complaint.plan.remedies.map((r) => t(`complaint:remedy.${r}`)).join(t('listSeparator'))}</Descriptions.Item>
            )}
            {complaint.plan.compensation ? <Descriptions.Item label={t('compensation')}>{t('yuan', { amount: complaint.plan.compensation })}</Descriptions.Item> : null}
          </Descriptions>
          {complaint.mayAnswerPlan && !declining && (
            <Space>
              <Button type="primary" loading={answering} onClick={onAccept}>{t('accept')}</Button>
              <Button danger onClick={onDecline}>{t('decline')}</Button>
            </Space>
          )}
          {complaint.mayAnswerPlan && declining && (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Input.TextArea aria-label={t('declineWhy')} placeholder={t('declineWhy')} value={note} onChange={(e) => setNote(e.target.value)} rows={3} />
              <Button danger loading={answering} onClick={() => onSendDecline(note.trim() || undefined)}>{t('sendDecline')}</Button>
            </Space>
          )}
        </Card>
      )}
      <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('notes')}</h2>}>
        <List
          dataSource={complaint.notes}
          locale={{ emptyText: t('noNotes') }}
          renderItem={(n) => (
            <List.Item>
              <List.Item.Meta title={`${n.fromCustomer ? t('you') : t('us')} · ${when(n.at)}`} description={<Typography.Text style={{ whiteSpace: 'pre-line' }}>{n.text}</Typography.Text>} />
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
