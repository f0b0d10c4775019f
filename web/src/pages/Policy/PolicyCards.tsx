import { useQuery } from '@apollo/client';
import { Button, Card, Col, Descriptions, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PolicyTermsDocument, type PolicyChoiceQuery } from '../../gql/graphql';
import { gradeColour } from '../../components/GradeTag';
import { nameIn } from './bilingual';

export type PolicyChoice = PolicyChoiceQuery['policies'][number];

/** The selectable policies as cards: what each grade's clocks and approvers are, so a company can compare them. */
export function PolicyCards({ policies, current, onChoose }: { policies: PolicyChoice[]; current?: string; onChoose: (policy: PolicyChoice) => void }) {
  const { t, i18n } = useTranslation('policy');
  const terms = useQuery(PolicyTermsDocument).data?.policies ?? [];
  const termsOf = (policy: PolicyChoice) => terms.find((p) => p.id === policy.id && p.version === policy.version)?.gradeTerms ?? [];
  const roleName = (policy: PolicyChoice, code: string) => {
    const role = policy.roles.find((r) => r.code === code);
    return role ? nameIn(i18n.language, role) : code;
  };
  return (
    <Row gutter={[16, 16]}>
      {policies.filter((policy) => policy.status === 'LOADED').map((policy) => (
        <Col key={`${policy.id}@${policy.version}`} xs={24} lg={12} xl={8}>
          <Card
            data-testid={`policy-card-${policy.id}`}
            title={
              <span>
                {nameIn(i18n.language, policy)} <Typography.Text type="secondary">{i18n.language === 'zh-CN' ? policy.nameEn : policy.nameZh}</Typography.Text>
              </span>
            }
            extra={current === policy.id && <Tag color="green">{t('current')}</Tag>}
            actions={[
              <Button key="choose" type="primary" onClick={() => onChoose(policy)} aria-label={t('chooseNamed', { name: nameIn(i18n.language, policy) })}>
                {t('choose')}
              </Button>,
            ]}
          >
            <Descriptions size="small" column={1} items={[
              { key: 'author', label: t('author'), children: policy.folder ? t('authorPlugin', { folder: policy.folder }) : t('authorTenant') },
              { key: 'version', label: t('version'), children: policy.version },
            ]} />
            {termsOf(policy).map((terms) => (
              <div key={terms.grade.code} style={{ marginTop: 8 }}>
                <Tag color={gradeColour(terms.grade.rank)}>{nameIn(i18n.language, terms.grade)}</Tag>
                <Typography.Text>
                  {terms.clocks.map((clock) => t('clockTerm', { clock: t(`common:clock.kind.${clock.kind}`, { defaultValue: clock.kind }), amount: clock.amount, unit: t(`unit.${clock.unit}`, { count: clock.amount }) })).join(t('listSeparator'))}
                </Typography.Text>
                {terms.approvers.length > 0 && (
                  <div>
                    <Typography.Text type="secondary">{t('approvedBy', { roles: terms.approvers.map((code) => roleName(policy, code)).join(t('listSeparator')) })}</Typography.Text>
                  </div>
                )}
              </div>
            ))}
          </Card>
        </Col>
      ))}
    </Row>
  );
}
