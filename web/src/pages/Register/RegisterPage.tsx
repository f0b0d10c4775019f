import { useMutation, useQuery } from '@apollo/client';
import { Alert, Button, Card, Checkbox, Col, Form, Input, InputNumber, Result, Row, Select, Space, TreeSelect, type FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiErrors, fieldErrors } from '../../app/apiErrors';
import { ErrorNotice } from '../../components/ErrorNotice';
import { GradeTag } from '../../components/GradeTag';
import { IntakeCategoriesDocument, RegisterComplaintDocument, type CustomerInput, type RegisterComplaintMutation, type SubmitComplaintInput } from '../../gql/graphql';
import { channels, kinds } from '../Board/boardFilter';
import { categoryTree } from './categoryTree';
import { atLeastOne, limits, notNegative, optional, required } from './intakeRules';

/** The form's fields: the intake input, with the references and urgency facts the policy reads as attributes. */
interface IntakeForm extends Omit<SubmitComplaintInput, 'facts'> {
  customer: CustomerInput;
  orderReference?: string;
  productReference?: string;
  facts: {
    safetyRisk: boolean;
    legalRisk: boolean;
    publicityRisk: boolean;
    majorServiceFailure: boolean;
    coreFunctionAffected: boolean;
    affectedCustomers: number;
    customerEmotion: 'CALM' | 'UPSET' | 'ANGRY';
  };
}

export function toSubmitInput({ orderReference, productReference, facts, ...intake }: IntakeForm): SubmitComplaintInput {
  const { majorServiceFailure, coreFunctionAffected, ...graded } = facts;
  const attributes = Object.fromEntries(
    Object.entries({ orderReference, productReference, majorServiceFailure, coreFunctionAffected })
      .filter(([, value]) => value !== undefined && value !== '' && value !== false),
  );
  return { ...intake, facts: { ...graded, attributes } };
}

/** Registers a complaint taken by phone or at the counter; a retry or double click never makes two. */
export default function RegisterPage() {
  const { t, i18n } = useTranslation('register');
  const { data: categories, error: categoriesError } = useQuery(IntakeCategoriesDocument);
  const [form] = Form.useForm<IntakeForm>();
  // One key per complaint being registered: the API answers a repeat with the complaint it made the first time.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [registered, setRegistered] = useState<RegisterComplaintMutation['submitComplaint'] | null>(null);
  const [submit, { loading, error }] = useMutation(RegisterComplaintDocument);

  const send = async (values: IntakeForm) => {
    const result = await submit({
      variables: { input: toSubmitInput(values) },
      context: { headers: { 'Idempotency-Key': idempotencyKey } },
    }).catch((refused: Parameters<typeof apiErrors>[0]) => {
      // The API names the field as input.customer.name: shown under the form's customer → name.
      const fields: Parameters<FormInstance['setFields']>[0] = [...fieldErrors(apiErrors(refused))]
        .map(([field, message]) => ({ name: field.split('.'), errors: [message] }));
      form.setFields(fields);
      return null;
    });
    if (result?.data) setRegistered(result.data.submitComplaint);
  };

  const another = () => {
    form.resetFields();
    setIdempotencyKey(crypto.randomUUID());
    setRegistered(null);
  };

  if (registered) {
    return (
      <Result
        status="success"
        title={t('registered', { number: registered.number })}
        subTitle={<GradeTag grade={registered.grade} />}
        extra={
          <Space orientation="vertical">
            {registered.duplicateOf && (
              <Alert type="warning" showIcon title={<>{t('duplicate')} <Link to={`/complaints/${registered.duplicateOf}`}>{t('earlier')}</Link></>} />
            )}
            <Space wrap>
              <Link to={`/complaints/${registered.id}`}>{t('open')}</Link>
              <Button type="primary" onClick={another}>
                {t('another')}
              </Button>
            </Space>
          </Space>
        }
      />
    );
  }

  return (
    <Card title={t('title')}>
      <Form<IntakeForm>
        form={form}
        layout="vertical"
        onFinish={send}
        scrollToFirstError
        initialValues={{
          channel: 'PHONE',
          kind: 'COMPLAINT',
          customer: { tier: 'NORMAL' },
          facts: { affectedCustomers: 1, customerEmotion: 'CALM' },
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="channel" label={t('channel')} rules={[{ required: true, message: t('validation.required') }]}>
              <Select options={channels.map((value) => ({ value, label: t(`common:channel.${value}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="kind" label={t('kind')} rules={[{ required: true, message: t('validation.required') }]}>
              <Select options={kinds.map((value) => ({ value, label: t(`common:kind.${value}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="category" label={t('category')} rules={required(t, limits.category)}>
              <TreeSelect
                // Searching expands the matches present when the words change, so words typed before the tree
                // arrives would leave the late matches folded away: the picker opens once the tree is here.
                disabled={!categories}
                loading={!categories && !categoriesError}
                showSearch
                treeDefaultExpandAll
                placeholder={t('categoryHint')}
                treeData={categoryTree(categories?.categories ?? [], i18n.language === 'zh-CN')}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label={t('description')} rules={required(t, limits.description)} extra={t('descriptionHint')}>
          <Input.TextArea rows={4} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item name={['customer', 'name']} label={t('customerName')} rules={required(t, limits.shortText)}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name={['customer', 'contact']} label={t('contact')} rules={optional(t, limits.shortText)}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name={['customer', 'customerNumber']} label={t('customerNumber')} rules={optional(t, limits.shortText)}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name={['customer', 'tier']} label={t('tier')}>
              <Select options={['NORMAL', 'VIP'].map((value) => ({ value, label: t(`tiers.${value}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="request" label={t('request')} rules={optional(t, limits.request)}>
              <Input placeholder={t('requestHint')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={4}>
            <Form.Item name="amountInvolved" label={t('amount')} rules={notNegative(t)}>
              <InputNumber style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={4}>
            <Form.Item name="orderReference" label={t('orderReference')} rules={optional(t, limits.shortText)}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={4}>
            <Form.Item name="productReference" label={t('productReference')} rules={optional(t, limits.shortText)}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item name={['facts', 'customerEmotion']} label={t('emotion')}>
              <Select options={['CALM', 'UPSET', 'ANGRY'].map((value) => ({ value, label: t(`emotions.${value}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name={['facts', 'affectedCustomers']} label={t('affectedCustomers')} rules={atLeastOne(t)}>
              <InputNumber style={{ width: '100%' }} precision={0} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('urgency')}>
              <Space wrap>
                {(['safetyRisk', 'legalRisk', 'publicityRisk', 'majorServiceFailure', 'coreFunctionAffected'] as const).map((fact) => (
                  <Form.Item key={fact} name={['facts', fact]} valuePropName="checked" noStyle initialValue={false}>
                    <Checkbox>{t(`facts.${fact}`)}</Checkbox>
                  </Form.Item>
                ))}
              </Space>
            </Form.Item>
          </Col>
        </Row>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <ErrorNotice error={categoriesError} />
          <ErrorNotice error={error} />
          <Button type="primary" htmlType="submit" loading={loading}>
            {t('submit')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
