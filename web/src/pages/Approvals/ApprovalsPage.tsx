import { useQuery } from '@apollo/client';
import { List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ClockCountdown } from '../../components/ClockCountdown';
import { ErrorNotice } from '../../components/ErrorNotice';
import { GradeTag } from '../../components/GradeTag';
import { ApprovalsDocument } from '../../gql/graphql';

/** Plans waiting for a role the user holds, oldest complaint first, as the API decides (approvalQueue). */
export default function ApprovalsPage() {
  const { t } = useTranslation('approvals');
  const { data, loading, error } = useQuery(ApprovalsDocument, { fetchPolicy: 'cache-and-network' });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('title')}
      </Typography.Title>
      <ErrorNotice error={error} />
      <List
        bordered
        loading={loading && !data}
        dataSource={data?.approvalQueue ?? []}
        rowKey="id"
        locale={{ emptyText: t('empty') }}
        renderItem={(complaint) => (
          <List.Item data-testid="approval-item" extra={complaint.nearestClock && <ClockCountdown clock={complaint.nearestClock} />}>
            <List.Item.Meta
              title={
                <Space wrap>
                  <Link to={`/complaints/${complaint.id}`}>{complaint.number}</Link>
                  <GradeTag grade={complaint.grade} />
                  <Tag>{t(`common:kind.${complaint.kind}`)}</Tag>
                </Space>
              }
              description={t('summary', {
                category: complaint.category,
                received: new Date(complaint.receivedAt).toLocaleString(),
                revision: complaint.plan?.revision ?? 1,
                compensation: complaint.plan?.compensation ?? 0,
                approved: complaint.plan?.approvals.map((a) => a.role).join(', ') || t('noneYet'),
              })}
            />
          </List.Item>
        )}
      />
    </Space>
  );
}
