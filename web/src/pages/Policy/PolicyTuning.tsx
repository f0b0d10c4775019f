import { useMutation, useQuery, type ApolloError } from '@apollo/client';
import { Alert, Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space, Typography, type FormInstance } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrors } from '../../app/apiErrors';
import { ErrorNotice } from '../../components/ErrorNotice';
import { GradeTag } from '../../components/GradeTag';
import { PreviewPolicyDocument, SelectPolicyDocument, type PolicyChoiceQuery, type PreviewPolicyInput } from '../../gql/graphql';
import { nameIn } from './bilingual';
import type { PolicyChoice } from './PolicyCards';
import { PreviewTimeline } from './PreviewTimeline';
import { SettingsForm } from './SettingsForm';
import { formValues, settingsInput, type SettingValue } from './settingValues';

interface Sample {
  category?: string;
  amountInvolved?: number | null;
  risks: string[];
  affectedCustomers?: number | null;
  receivedAt: string;
}

const risks = ['safetyRisk', 'legalRisk', 'publicityRisk'] as const;
const debounceMs = 400;

/** "2026-03-04T10:30" as a datetime-local input shows the browser's time now. */
function localNow(): string {
  const now = new Date();
  now.setSeconds(0, 0);
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** Puts each of the API's field errors under its field: input.settings.<key> in the settings form, input.sample.<field> in the sample's. */
function showFieldErrors(error: ApolloError | undefined, settings: FormInstance, sample: FormInstance) {
  const errors = error ? apiErrors(error) : [];
  const under = (prefix: string) => errors.filter((e) => e.field?.startsWith(prefix)).map((e) => ({ name: e.field!.slice(prefix.length).split('.')[0]!, errors: [e.message] }));
  const clear = (form: FormInstance) => form.getFieldsError().filter((f) => f.errors.length).map((f) => ({ name: f.name, errors: [] }));
  settings.setFields([...clear(settings), ...under('input.settings.')]);
  sample.setFields([...clear(sample), ...under('input.sample.')]);
}

/** The settings form beside a sample complaint and how the policy, so tuned, would grade, clock and route it; saving selects the policy. */
export function PolicyTuning({ policy, data, onSaved }: { policy: PolicyChoice; data: PolicyChoiceQuery; onSaved: () => void }) {
  const { t, i18n } = useTranslation('policy');
  const [settingsForm] = Form.useForm<Record<string, SettingValue>>();
  const [sampleForm] = Form.useForm<Sample>();
  const tenant = data.tenant!;
  const running = tenant.policy;
  const categories = data.categories.filter((category) => category.parentCode);
  const initialSettings = useMemo(
    () => formValues(policy.settings, policy.roles.map((role) => role.code), running?.policyId === policy.id ? (running.settings as Record<string, unknown>) : undefined),
    [policy, running],
  );
  const initialSample: Sample = { category: categories[0]?.code, risks: [], affectedCustomers: 1, receivedAt: localNow() };

  const build = (settings: Record<string, SettingValue>, values: Partial<Sample>): PreviewPolicyInput => {
    const sample = { ...initialSample, ...values };
    return {
      policyId: policy.id,
      settings: settingsInput(settings),
      sample: {
        category: sample.category ?? '',
        amountInvolved: sample.amountInvolved ?? null,
        receivedAt: new Date(sample.receivedAt).toISOString(),
        facts: { ...Object.fromEntries(risks.map((risk) => [risk, sample.risks.includes(risk)])), affectedCustomers: sample.affectedCustomers ?? 1 },
      },
    };
  };
  const [input, setInput] = useState<PreviewPolicyInput>(() => build(initialSettings, initialSample));
  const [changes, setChanges] = useState(0);
  // Asks again once the admin has stopped typing for a moment, with the forms as they are then.
  useEffect(() => {
    if (changes === 0) return;
    const timer = setTimeout(() => setInput(build(settingsForm.getFieldsValue(), sampleForm.getFieldsValue())), debounceMs);
    return () => clearTimeout(timer);
  }, [changes]);
  const changed = () => setChanges((n) => n + 1);

  const preview = useQuery(PreviewPolicyDocument, { variables: { input } });
  const [select, saving] = useMutation(SelectPolicyDocument);
  useEffect(() => showFieldErrors(preview.error ?? saving.error, settingsForm, sampleForm), [preview.error, saving.error, settingsForm, sampleForm]);

  const save = async () => {
    const { data: saved } = await select({ variables: { input: { policyId: policy.id, settings: settingsInput(settingsForm.getFieldsValue()) } } }).catch(() => ({ data: undefined }));
    if (saved) onSaved();
  };

  const roleNames = (codes: string[]) =>
    codes.map((code) => { const role = policy.roles.find((r) => r.code === code); return role ? nameIn(i18n.language, role) : code; }).join(t('listSeparator'));
  const result = preview.data?.previewPolicy;
  const switching = running && (running.policyId !== policy.id || running.version !== policy.version);

  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} lg={11}>
        <Card title={t('settingsTitle', { name: nameIn(i18n.language, policy), version: policy.version })}>
          {policy.settings.length === 0 && <Typography.Paragraph>{t('noSettings')}</Typography.Paragraph>}
          <SettingsForm policy={policy} form={settingsForm} initialValues={initialSettings} onChange={changed} />
          {switching && (
            <Alert type="info" showIcon style={{ marginBottom: 16 }} data-testid="switch-note"
              title={t('switchNote', { from: `${running.policyId} ${running.version}`, to: `${policy.id} ${policy.version}` })}
            />
          )}
          <ErrorNotice error={saving.error} />
          <Button type="primary" onClick={() => void save()} loading={saving.loading} style={{ marginTop: 16 }}>
            {t('save')}
          </Button>
        </Card>
      </Col>
      <Col xs={24} lg={13}>
        <Card title={t('sampleTitle')}>
          <Form form={sampleForm} layout="vertical" initialValues={initialSample} onValuesChange={changed}>
            <Form.Item name="category" label={t('sample.category')}>
              <Select showSearch optionFilterProp="label"
                options={categories.map((category) => ({ value: category.code, label: `${nameIn(i18n.language, category)} (${category.code})` }))}
              />
            </Form.Item>
            <Space wrap>
              <Form.Item name="amountInvolved" label={t('sample.amountInvolved')}>
                <InputNumber min={0} style={{ width: 160 }} />
              </Form.Item>
              <Form.Item name="affectedCustomers" label={t('sample.affectedCustomers')}>
                <InputNumber precision={0} style={{ width: 120 }} />
              </Form.Item>
              <Form.Item name="receivedAt" label={t('sample.receivedAt')}>
                <Input type="datetime-local" />
              </Form.Item>
            </Space>
            <Form.Item name="risks" label={t('sample.facts')}>
              <Checkbox.Group options={risks.map((risk) => ({ value: risk, label: t(`sample.${risk}`) }))} />
            </Form.Item>
          </Form>
        </Card>
        <Card title={t('previewTitle')} style={{ marginTop: 16 }} data-testid="policy-preview" aria-busy={preview.loading}>
          {preview.error && !result && <ErrorNotice error={preview.error} />}
          {result && (
            <>
              <Typography.Paragraph>
                {t('grade')} <GradeTag grade={result.grade} />{' '}
                <Typography.Text data-testid="grade-reason">{result.grade.reason}</Typography.Text>
              </Typography.Paragraph>
              <PreviewTimeline clocks={result.clocks} receivedAt={new Date(input.sample.receivedAt!)} timeZone={tenant.timeZone} />
              <Typography.Paragraph data-testid="preview-approvers">
                {result.approvers.length ? t('approvedBy', { roles: roleNames(result.approvers) }) : t('noApproval')}
              </Typography.Paragraph>
              {result.reviewers.length > 0 && <Typography.Paragraph>{t('reviewedBy', { roles: roleNames(result.reviewers) })}</Typography.Paragraph>}
              <Typography.Text type="secondary">{t('calendarNote', { timeZone: tenant.timeZone })}</Typography.Text>
            </>
          )}
        </Card>
      </Col>
    </Row>
  );
}
