import { Card, Descriptions, List, Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ComplaintPageFragment } from '../../gql/graphql';
import type { PeopleById } from './ComplaintPage';

interface Props {
  plan: NonNullable<ComplaintPageFragment['plan']>;
  callback: ComplaintPageFragment['callback'];
  people: PeopleById;
}

/** The current plan: measures, remedies, who approved it and who still must (with the compensation authority rule), tasks, callback. */
export function PlanCard({ plan, callback, people }: Props) {
  const { t } = useTranslation('complaint');
  return (
    <Card title={`${t('plan')} · ${t('planRevision', { revision: plan.revision })}`} size="small" data-testid="plan">
      <Descriptions size="small" column={1} items={[
        { key: 'short', label: t('shortTerm'), children: plan.shortTermMeasures },
        { key: 'long', label: t('longTerm'), children: plan.longTermMeasures ?? '—' },
        { key: 'remedies', label: t('remedies'), children: plan.remedies.map((r) => t(`remedy.${r}`)).join(', ') },
        { key: 'compensation', label: t('compensation'), children: plan.compensation ?? '—' },
        {
          key: 'approved',
          label: t('approvedBy'),
          children: plan.approvals
            .map((a) => `${a.role}${a.role === a.requiredRole ? '' : ` → ${a.requiredRole}`} (${people.get(a.userId) ?? a.userId})`)
            .join(', ') || '—',
        },
        ...(plan.outstandingApprovals.length ? [{
          key: 'outstanding',
          label: t('stillToApprove'),
          children: (
            <div data-testid="outstanding-approvals">
              {plan.outstandingApprovals.map((slot) => (
                <div key={slot.role}>
                  <Tag color="orange">{slot.role}</Tag>
                  {slot.acceptedRoles.length ? t('approvableBy', { roles: slot.acceptedRoles.join(' / ') }) : t('noneCanApprove')}
                  {slot.aboveAuthority && <Typography.Text type="secondary"> — {slot.aboveAuthority}</Typography.Text>}
                </div>
              ))}
            </div>
          ),
        }] : []),
      ]} />
      <Typography.Title level={5}>{t('tasks')}</Typography.Title>
      <List
        size="small"
        dataSource={plan.tasks}
        renderItem={(task) => (
          <List.Item data-testid="plan-task">
            <List.Item.Meta
              title={`${task.title} · ${task.department}${task.ownerId ? ` · ${people.get(task.ownerId) ?? task.ownerId}` : ''}`}
              description={<>{t('dueAt')}: {new Date(task.dueAt).toLocaleString()}{task.lastNote ? ` — ${task.lastNote}` : ''}</>}
            />
            <Progress percent={task.done ? 100 : task.progress} size="small" style={{ width: 120 }} />
          </List.Item>
        )}
      />
      {callback && (
        <>
          <Typography.Title level={5}>{t('callback')}</Typography.Title>
          <Typography.Paragraph data-testid="callback">
            {(['overall', 'attitude', 'speed', 'professionalism', 'outcome'] as const).map((score) => `${t(score)} ${callback[score]}/5`).join(' · ')}
            {callback.comment ? ` — ${callback.comment}` : ''}
          </Typography.Paragraph>
        </>
      )}
    </Card>
  );
}
