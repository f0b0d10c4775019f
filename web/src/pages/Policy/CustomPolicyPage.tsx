import { useLazyQuery, useMutation, useQuery } from '@apollo/client';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import { Alert, Button, Card, Col, Input, Row, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiErrors } from '../../app/apiErrors';
import { ErrorNotice } from '../../components/ErrorNotice';
import { KeptCustomPoliciesDocument, PolicyChoiceDocument, UploadCustomPolicyDocument } from '../../gql/graphql';
// The example the API's own tests upload: a valid document to start from.
import example from '../../../../src/ComplaintCloud.Infrastructure/Plugins/Declarative/custom-policy.example.json?raw';
import { pathOfField, schemaProblems, type DocumentProblem } from './documentProblems';
import { PolicyTuning } from './PolicyTuning';

/** The published schema, compiled once it has arrived. */
function useSchemaValidator(): ValidateFunction | undefined {
  const [validate, setValidate] = useState<ValidateFunction>();
  useEffect(() => {
    void fetch('/schemas/custom-policy.schema.json')
      .then((response) => response.json() as Promise<object>)
      .then((schema) => setValidate(() => new Ajv2020({ allErrors: true, strict: false }).compile(schema)));
  }, []);
  return validate;
}

/**
 * /settings/policy/custom: the tenant's own policy as a JSON document, checked against the published schema as it is
 * typed, kept as a version by uploadCustomPolicy, then tuned and previewed like any other policy.
 */
export default function CustomPolicyPage() {
  const { t } = useTranslation('policy');
  const validate = useSchemaValidator();
  const [text, setText] = useState(example);
  const [serverProblems, setServerProblems] = useState<DocumentProblem[]>([]);
  const [savedVersion, setSavedVersion] = useState<string>();
  const [openedVersion, setOpenedVersion] = useState<string>();
  const choice = useQuery(PolicyChoiceDocument, { fetchPolicy: 'network-only' });
  const [upload, uploading] = useMutation(UploadCustomPolicyDocument);
  const [readKept, kept] = useLazyQuery(KeptCustomPoliciesDocument, { fetchPolicy: 'network-only' });

  const checked = useMemo((): { document?: unknown; problems: DocumentProblem[] } => {
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch (error) {
      return { problems: [{ path: '', message: t('custom.notJson', { detail: (error as Error).message }) }] };
    }
    return { document, problems: validate && !validate(document) ? schemaProblems(validate.errors ?? []) : [] };
  }, [text, validate, t]);

  const open = async (version: string) => {
    const { data, error } = await readKept();
    const document = data?.policies.find((policy) => policy.id === 'custom' && policy.version === version)?.document;
    if (error || document == null) {
      return;
    }
    setText(JSON.stringify(document, null, 2));
    setServerProblems([]);
    setSavedVersion(undefined);
    setOpenedVersion(version);
  };

  const save = async () => {
    setServerProblems([]);
    setOpenedVersion(undefined);
    try {
      const { data } = await upload({ variables: { input: { document: checked.document } } });
      setSavedVersion(data?.uploadCustomPolicy.version);
      await choice.refetch();
    } catch (refused) {
      setServerProblems(apiErrors(refused as Parameters<typeof apiErrors>[0]).map((error) => ({ path: pathOfField(error.field), message: `${error.code} ${error.message}` })));
    }
  };

  const versions = choice.data?.policies.filter((policy) => policy.id === 'custom') ?? [];
  const newest = versions.at(-1);
  const problems = [...checked.problems, ...serverProblems];
  return (
    <>
      <Link to="/settings/policy">{t('back')}</Link>
      <Typography.Title level={2}>{t('custom.title')}</Typography.Title>
      <Row gutter={[24, 24]}>
        <Col xs={24} lg={16}>
          <Card title={t('custom.document')} extra={<a href="/schemas/custom-policy.schema.json">{t('custom.schema')}</a>}>
            <Input.TextArea value={text} onChange={(event) => { setText(event.target.value); setServerProblems([]); }}
              aria-label={t('custom.document')} spellCheck={false} autoSize={{ minRows: 16, maxRows: 32 }}
              style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 13 }}
            />
            {!validate && <Spin size="small" />}
            {problems.length > 0 && (
              <ul style={{ marginTop: 12, paddingLeft: 20 }} data-testid="document-problems" role="alert">
                {problems.map((problem) => (
                  <li key={problem.path + problem.message}>
                    <Typography.Text code>{problem.path || t('custom.wholeDocument')}</Typography.Text> {problem.message}
                  </li>
                ))}
              </ul>
            )}
            {savedVersion && <Alert type="success" showIcon role="status" style={{ marginTop: 12 }} title={t('custom.kept', { version: savedVersion })} />}
            {openedVersion && <Alert type="info" showIcon role="status" style={{ marginTop: 12 }} title={t('custom.opened', { version: openedVersion })} />}
            <Button type="primary" style={{ marginTop: 16 }} onClick={() => void save()} loading={uploading.loading}
              disabled={!validate || checked.problems.length > 0}
            >
              {t('custom.keep')}
            </Button>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('custom.versions')}>
            {versions.length === 0 ? t('custom.noVersions') : (
              <Space orientation="vertical" data-testid="custom-versions">
                {versions.map((policy) => (
                  <Space key={policy.version}>
                    <Tag>{policy.version}</Tag>
                    <Button size="small" onClick={() => void open(policy.version)} loading={kept.loading}>
                      {t('custom.open', { version: policy.version })}
                    </Button>
                  </Space>
                ))}
              </Space>
            )}
            {kept.error && <ErrorNotice error={kept.error} />}
          </Card>
        </Col>
      </Row>
      {newest && choice.data && (
        <div style={{ marginTop: 24 }}>
          <Typography.Title level={3}>{t('custom.previewTitle', { version: newest.version })}</Typography.Title>
          <PolicyTuning key={newest.version} policy={newest} data={choice.data} onSaved={() => void choice.refetch()} />
        </div>
      )}
    </>
  );
}
