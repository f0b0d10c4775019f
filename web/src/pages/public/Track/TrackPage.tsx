import { useLazyQuery, useMutation, useQuery } from '@apollo/client';
import { Alert, Button, Card, Descriptions, Form, Input, List, Radio, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { ErrorNotice } from '../../../components/ErrorNotice';
import {
  AnswerPlanDocument,
  AnswerSurveyDocument,
  TrackComplaintDocument,
  TrackingTenantDocument,
  type TrackedComplaintViewFragment,
} from '../../../gql/graphql';
import { PublicPage } from '../PublicPage';
import { publicClient } from '../publicClient';

/** The complaint's number and the contact given with it, typed; or the token of the link in a message (?t=). */
type Proof = { number: string; contact: string } | { token: string };

export interface SurveyAnswer {
  overall: number;
  outcome: number;
  attitude: number;
  speed: number;
  professionalism: number;
  comment?: string;
}

/**
 * Issue 13.9: a customer follows their complaint by its number and the contact they gave, or straight from the link
 * in a message sent to them, answers the plan and, once it is resolved, the callback survey.
 */
export default function TrackPage() {
  const { slug = '' } = useParams();
  const [search] = useSearchParams();
  const { t } = useTranslation('track');
  const client = publicClient(slug);
  const tenant = useQuery(TrackingTenantDocument, { client });
  const linkToken = search.get('t');
  const [proof, setProof] = useState<Proof | null>(linkToken ? { token: linkToken } : null);
  const [track, tracked] = useLazyQuery(TrackComplaintDocument, { client, fetchPolicy: 'network-only' });
  const [answer, answered] = useMutation(AnswerPlanDocument, { client });
  const [answerSurvey, surveyAnswered] = useMutation(AnswerSurveyDocument, { client });
  const [declining, setDeclining] = useState(false);

  // Opened from a link: the token shows the complaint without typing anything.
  useEffect(() => {
    if (linkToken) void track({ variables: { token: linkToken } });
  }, [linkToken, track]);

  const find = (values: { number: string; contact: string }) => {
    setProof(values);
    void track({ variables: values });
  };
  const respond = async (accepted: boolean, note?: string) => {
    if (!proof) return;
    await answer({ variables: { input: { ...proof, accepted, note } } }).catch(() => null);
    setDeclining(false);
    void track({ variables: proof });
  };
  const sendSurvey = async (scores: SurveyAnswer) => {
    if (!proof) return;
    await answerSurvey({ variables: { input: { ...proof, ...scores, comment: scores.comment?.trim() || undefined } } }).catch(() => null);
    void track({ variables: proof });
  };

  // A wrong number, a wrong contact and a bad link are the same answer: null.
  const complaint = tracked.data?.trackComplaint;
  const showForm = !linkToken || (tracked.data && !complaint);
  return (
    <PublicPage tenantName={tenant.data?.publicTenant.name} title={t('title')} loading={tenant.loading} error={tenant.error}>
      {showForm && (
      <Form<{ number: string; contact: string }> layout="vertical" onFinish={find} initialValues={{ number: search.get('number') ?? '' }}>
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
      )}
      <div style={{ marginTop: 24 }} aria-live="polite">
        <ErrorNotice error={tracked.error ?? answered.error ?? surveyAnswered.error} />
        {tracked.data && !complaint && <Alert type="warning" showIcon title={t(linkToken ? 'linkNotValid' : 'notFound')} />}
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
        {complaint?.mayAnswerSurvey && <SurveyForm sending={surveyAnswered.loading} onSend={(scores) => void sendSurvey(scores)} />}
        {surveyAnswered.data && !complaint?.mayAnswerSurvey && <Alert type="success" showIcon title={t('survey.thanks')} style={{ marginTop: 16 }} />}
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
          // antd greys an empty list's text below a readable contrast; the secondary text colour is readable.
          locale={{ emptyText: <Typography.Text type="secondary">{t('noNotes')}</Typography.Text> }}
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

const scores = ['overall', 'outcome', 'attitude', 'speed', 'professionalism'] as const;
const points = [1, 2, 3, 4, 5];

/** The callback survey (seed 003): each dimension and the whole scored 1 to 5, and the customer's own words. */
function SurveyForm({ sending, onSend }: { sending: boolean; onSend: (answer: SurveyAnswer) => void }) {
  const { t } = useTranslation('track');
  return (
    <Card size="small" style={{ marginTop: 16 }} title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('survey.title')}</h2>}>
      <Typography.Paragraph>{t('survey.intro')}</Typography.Paragraph>
      <Form<SurveyAnswer> layout="vertical" onFinish={onSend}>
        {scores.map((score) => (
          <Form.Item key={score} name={score} label={t(`survey.${score}`)} rules={[{ required: true, message: t('survey.scoreRequired') }]}>
            <Radio.Group
              aria-label={t(`survey.${score}`)}
              optionType="button"
              buttonStyle="solid"
              options={points.map((n) => ({ value: n, label: String(n), title: t(`survey.score${n}`) }))}
            />
          </Form.Item>
        ))}
        <Form.Item name="comment" label={t('survey.comment')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={sending}>{t('survey.send')}</Button>
      </Form>
    </Card>
  );
}
