import { useQuery } from '@apollo/client';
import { Alert, Card, Col, Descriptions, Empty, Result, Row, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorNotice } from '../../components/ErrorNotice';
import { GradeTag } from '../../components/GradeTag';
import { ComplaintPageDocument, type ComplaintPageFragment } from '../../gql/graphql';
import { ActionBar } from './ActionBar';
import type { FormContext } from './actionForms';
import { Clocks } from './Clocks';
import { EvidenceList } from './EvidenceList';
import { History } from './History';
import { PlanCard } from './PlanCard';

/** Who an id in the complaint's records is, as far as the complaint's people show it. */
export type PeopleById = Map<string, string>;

function peopleOf(complaint: ComplaintPageFragment): PeopleById {
  return new Map([...complaint.handOverCandidates, ...complaint.handlers, ...(complaint.owner ? [complaint.owner] : [])].map((u) => [u.id, u.email]));
}

/** The complaint page (issue 12, point 4): everything about one complaint, and its lifecycle actions (point 5). */
export default function ComplaintPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('complaint');
  const { data, loading, error } = useQuery(ComplaintPageDocument, { variables: { id } });
  const zh = i18n.language.startsWith('zh');

  if (loading && !data) return <Spin style={{ display: 'block', margin: 48 }} />;
  const complaint = data?.complaint;
  if (!complaint) return error ? <ErrorNotice error={error} /> : <Result status="404" title={t('notFound')} />;

  const people = peopleOf(complaint);
  const policy = data.policies.find((p) => p.id === complaint.policyId && p.version === complaint.policyVersion);
  const named = (choices: { code: string; nameZh: string; nameEn: string }[]) =>
    choices.map((c) => ({ code: c.code, label: zh ? c.nameZh : c.nameEn }));
  const context: FormContext = { complaint, grades: named(policy?.grades ?? []), roles: named(policy?.roles ?? []) };
  const grade = complaint.grade;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="complaint-page">
      <Space wrap align="center">
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="complaint-number">{complaint.number}</Typography.Title>
        <Tag color="blue" data-testid="complaint-status" data-status={complaint.status}>{t(`statusName.${complaint.status}`)}</Tag>
        <GradeTag grade={grade} />
        {complaint.urgency.urgent && <Tag color="red">{t('urgent')}</Tag>}
      </Space>
      {complaint.duplicateOf && (
        <Alert type="warning" showIcon title={<Link to={`/complaints/${complaint.duplicateOf}`}>{t('duplicateOf')}</Link>} />
      )}
      <ActionBar context={context} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card title={t('words')} size="small">
              {/* Verbatim, never editable: corrections are notes. */}
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="complaint-words">{complaint.description}</Typography.Paragraph>
            </Card>
            <Card size="small">
              <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={[
                { key: 'received', label: t('received'), children: new Date(complaint.receivedAt).toLocaleString() },
                { key: 'kind', label: t('kind'), children: complaint.kind },
                { key: 'channel', label: t('channel'), children: complaint.channel },
                { key: 'category', label: t('category'), children: complaint.category },
                { key: 'request', label: t('request'), children: complaint.request ?? '—' },
                { key: 'amount', label: t('amount'), children: complaint.amountInvolved ?? '—' },
                { key: 'gradeReason', label: t('gradeReason'), children: grade?.reason ?? '—' },
              ]} />
            </Card>
            <Card title={t('customer')} size="small">
              <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={[
                { key: 'name', label: t('customerName'), children: complaint.customer.name },
                { key: 'contact', label: t('contact'), children: <span data-testid="customer-contact">{complaint.customer.contact ?? '—'}</span> },
                { key: 'number', label: t('customerNumber'), children: complaint.customer.customerNumber ?? '—' },
                { key: 'tier', label: t('tier'), children: t(`tierName.${complaint.customer.tier}`) },
              ]} />
            </Card>
            <Card title={t('clocks')} size="small">
              <Clocks clocks={complaint.clocks} />
            </Card>
            <Card title={t('people')} size="small">
              <Descriptions size="small" column={1} items={[
                { key: 'owner', label: t('owner'), children: <span data-testid="complaint-owner">{complaint.owner?.email ?? t('nobody')}</span> },
                { key: 'handlers', label: t('handlers'), children: complaint.handlers.map((h) => h.email).join(', ') || '—' },
                ...(complaint.escalatedTo ? [{
                  key: 'escalated',
                  label: t('escalatedTo'),
                  children: <span data-testid="complaint-escalated-to">{context.roles.find((r) => r.code === complaint.escalatedTo)?.label ?? complaint.escalatedTo}</span>,
                }] : []),
              ]} />
            </Card>
            <Card title={t('investigation')} size="small">
              <Descriptions size="small" column={1} items={[
                { key: 'rootCause', label: t('rootCause'), children: complaint.rootCause.length ? <ol style={{ margin: 0, paddingLeft: 20 }}>{complaint.rootCause.map((why, i) => <li key={i}>{why}</li>)}</ol> : '—' },
                { key: 'responsibility', label: t('responsibility'), children: complaint.responsibility ? t(`responsibilityName.${complaint.responsibility}`) : '—' },
                { key: 'remedyOptions', label: t('remedyOptions'), children: <span data-testid="remedy-options">{complaint.remedyOptions.map((r) => t(`remedy.${r}`)).join(', ') || '—'}</span> },
              ]} />
              <Typography.Title level={5}>{t('evidence')}</Typography.Title>
              <EvidenceList evidence={complaint.evidence} people={people} />
            </Card>
            {complaint.plan && <PlanCard plan={complaint.plan} callback={complaint.callback} people={people} />}
          </Space>
        </Col>
        <Col xs={24} lg={10}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card title={t('notes')} size="small">
              {complaint.notes.length === 0 ? <Empty description={t('noNotes')} image={Empty.PRESENTED_IMAGE_SIMPLE} /> : complaint.notes.map((note) => (
                <Typography.Paragraph key={note.id} data-testid="complaint-note">
                  <Tag color={note.visibility === 'INTERNAL' ? 'default' : 'green'}>{t(`visibilityName.${note.visibility}`)}</Tag>
                  {note.text}
                  <Typography.Text type="secondary"> — {note.authorId === null ? t('customer') : people.get(note.authorId) ?? note.authorId}, {new Date(note.at).toLocaleString()}</Typography.Text>
                </Typography.Paragraph>
              ))}
            </Card>
            <Card title={t('history')} size="small">
              <History events={complaint.history} people={people} />
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
