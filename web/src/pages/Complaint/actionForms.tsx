import type { TypedDocumentNode } from '@apollo/client';
import { Button, Checkbox, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AcknowledgeComplaintDocument, AddNoteDocument, ApprovePlanDocument, AssignComplaintDocument, CloseComplaintDocument,
  DecideResponsibilityDocument, EscalateComplaintDocument, GradeComplaintDocument, HandOverComplaintDocument,
  NotifyCustomerDocument, ProposePlanDocument, RecordCallbackDocument, RecordCustomerConfirmationDocument,
  RecordInvestigationDocument, RejectPlanDocument, ReopenComplaintDocument, ResolveComplaintDocument, UpdateTaskDocument,
  WithdrawComplaintDocument,
  type ComplaintAction, type ComplaintPageFragment, type EvidenceKind, type Remedy, type Responsibility,
} from '../../gql/graphql';
import { FileField, type PickedFile } from './FileField';
import { limits, optionalText, requiredText } from './rules';

/** A grade or role of the complaint's policy, named in the user's language. */
export interface PolicyChoice {
  code: string;
  label: string;
}

/** What a form may offer beside the complaint: the grades and roles of the complaint's own policy version. */
export interface FormContext {
  complaint: ComplaintPageFragment;
  grades: PolicyChoice[];
  roles: PolicyChoice[];
}

/** One lifecycle action's dialog: its mutation, its fields, and how the form's values become the mutation's input. */
export interface ActionForm {
  document: TypedDocumentNode<unknown, { input: { complaintId: string } }>;
  Fields?: ComponentType<FormContext>;
  toInput: (values: Record<string, unknown>) => Record<string, unknown>;
}

// Typed where each action is declared: the values become exactly the mutation's input, less complaintId.
function form<I extends { complaintId: string }, V = Record<string, never>>(
  document: TypedDocumentNode<unknown, { input: I }>,
  Fields?: ComponentType<FormContext>,
  toInput: (values: V) => Omit<I, 'complaintId'> = (values) => values as unknown as Omit<I, 'complaintId'>,
): ActionForm {
  return {
    document: document as unknown as ActionForm['document'],
    Fields,
    toInput: toInput as unknown as ActionForm['toInput'],
  };
}

const evidenceKinds: EvidenceKind[] = ['BATCH', 'QA_REPORT', 'CALL_RECORDING', 'CHAT_LOG', 'DELIVERY_TRACK', 'CCTV', 'ON_SITE_CHECK', 'OTHER'];
const needsConsent: EvidenceKind[] = ['CALL_RECORDING', 'CHAT_LOG'];
const responsibilities: Responsibility[] = ['COMPANY', 'CUSTOMER', 'THIRD_PARTY', 'FORCE_MAJEURE'];
const scores = ['overall', 'attitude', 'speed', 'professionalism', 'outcome'] as const;

function ReasonField() {
  const { t } = useTranslation('complaint');
  return (
    <Form.Item name="reason" label={t('reason')} rules={requiredText(t, limits.reason)}>
      <Input.TextArea rows={3} />
    </Form.Item>
  );
}

function TextField({ name, label, max, required = true }: { name: string; label: string; max: number; required?: boolean }) {
  const { t } = useTranslation('complaint');
  return (
    <Form.Item name={name} label={t(label)} rules={required ? requiredText(t, max) : optionalText(t, max)}>
      <Input.TextArea rows={3} />
    </Form.Item>
  );
}

function HandOverFields({ complaint }: FormContext) {
  const { t } = useTranslation('complaint');
  return (
    <>
      <Form.Item name="newOwnerId" label={t('newOwner')} rules={[{ required: true, message: t('required') }]}>
        <Select showSearch optionFilterProp="label" options={complaint.handOverCandidates.map((u) => ({ value: u.id, label: `${u.email} (${u.roles.join(', ')})` }))} />
      </Form.Item>
      <ReasonField />
    </>
  );
}

function RegradeFields({ grades, complaint }: FormContext) {
  const { t } = useTranslation('complaint');
  return (
    <>
      <Form.Item name="gradeCode" label={t('gradeCode')} rules={[{ required: true, message: t('required') }]}>
        <Select options={grades.filter((g) => g.code !== complaint.grade?.code).map((g) => ({ value: g.code, label: g.label }))} />
      </Form.Item>
      <ReasonField />
    </>
  );
}

interface EvidenceValues { kind: EvidenceKind; text: string; customerConsent?: boolean; file?: PickedFile }
interface InvestigationValues { evidence?: EvidenceValues[]; rootCause?: string[] }

function InvestigationFields() {
  const { t } = useTranslation('complaint');
  return (
    <>
      <Form.List name="evidence">
        {(items, { add, remove }) => (
          <>
            {items.map(({ key, name }) => (
              <fieldset key={key} style={{ border: '1px solid #f0f0f0', padding: 8, marginBottom: 8 }}>
                <Form.Item name={[name, 'kind']} label={t('evidenceKind')} rules={[{ required: true, message: t('required') }]}>
                  <Select options={evidenceKinds.map((kind) => ({ value: kind, label: t(`evidenceKindName.${kind}`) }))} />
                </Form.Item>
                <Form.Item name={[name, 'text']} label={t('evidenceText')} rules={requiredText(t, limits.evidenceText)}>
                  <Input.TextArea rows={2} />
                </Form.Item>
                <Form.Item
                  name={[name, 'customerConsent']}
                  valuePropName="checked"
                  dependencies={[['evidence', name, 'kind']]}
                  rules={[({ getFieldValue }) => ({
                    validator: (_, consent?: boolean) =>
                      consent || !needsConsent.includes(getFieldValue(['evidence', name, 'kind']) as EvidenceKind)
                        ? Promise.resolve() : Promise.reject(new Error(t('consentNeeded'))),
                  })]}
                >
                  <Checkbox>{t('consent')}</Checkbox>
                </Form.Item>
                <Form.Item name={[name, 'file']} label={t('file')}
                  rules={[{ validator: (_, file?: PickedFile) => (!file || file.size <= limits.fileBytes ? Promise.resolve() : Promise.reject(new Error(t('fileTooLarge')))) }]}
                >
                  <FileField />
                </Form.Item>
                <Button size="small" onClick={() => remove(name)}>{t('remove')}</Button>
              </fieldset>
            ))}
            {items.length < limits.evidenceItems && <Button onClick={() => add({ kind: 'OTHER' })}>{t('addEvidence')}</Button>}
          </>
        )}
      </Form.List>
      <Form.List name="rootCause">
        {(items, { add, remove }) => (
          <div style={{ marginTop: 16 }}>
            {items.map(({ key, name }, index) => (
              <Space key={key} align="baseline" style={{ display: 'flex' }}>
                <Form.Item name={name} label={t('why', { n: index + 1 })} rules={requiredText(t, limits.reason)}>
                  <Input style={{ width: 320, maxWidth: '60vw' }} />
                </Form.Item>
                <Button size="small" onClick={() => remove(name)}>{t('remove')}</Button>
              </Space>
            ))}
            {items.length < limits.whys && <Button onClick={() => add('')}>{t('addWhy')}</Button>}
          </div>
        )}
      </Form.List>
    </>
  );
}

function ResponsibilityFields() {
  const { t } = useTranslation('complaint');
  return (
    <>
      <Form.Item name="responsibility" label={t('responsibility')} rules={[{ required: true, message: t('required') }]}>
        <Radio.Group options={responsibilities.map((r) => ({ value: r, label: t(`responsibilityName.${r}`) }))} />
      </Form.Item>
      <ReasonField />
    </>
  );
}

interface TaskValues { title: string; department: string; ownerId?: string; dueAt: string }
interface PlanValues { shortTermMeasures: string; longTermMeasures?: string; remedies: Remedy[]; compensation?: number | null; tasks?: TaskValues[] }

function PlanFields({ complaint }: FormContext) {
  const { t } = useTranslation('complaint');
  const people = [...complaint.handOverCandidates, ...(complaint.owner ? [complaint.owner] : [])];
  return (
    <>
      <TextField name="shortTermMeasures" label="shortTerm" max={limits.reason} />
      <TextField name="longTermMeasures" label="longTerm" max={limits.reason} required={false} />
      <Form.Item name="remedies" label={t('remedies')} rules={[{ required: true, type: 'array', min: 1, message: t('remediesNeeded') }]}>
        <Checkbox.Group options={complaint.remedyOptions.map((r) => ({ value: r, label: t(`remedy.${r}`) }))} />
      </Form.Item>
      <Form.Item name="compensation" label={t('compensation')}>
        <InputNumber min={0} precision={2} style={{ width: 200 }} />
      </Form.Item>
      <Form.List name="tasks">
        {(items, { add, remove }) => (
          <>
            {items.map(({ key, name }) => (
              <fieldset key={key} style={{ border: '1px solid #f0f0f0', padding: 8, marginBottom: 8 }}>
                <Form.Item name={[name, 'title']} label={t('taskTitle')} rules={requiredText(t, limits.taskText)}><Input /></Form.Item>
                <Form.Item name={[name, 'department']} label={t('department')} rules={requiredText(t, limits.taskText)}><Input /></Form.Item>
                <Form.Item name={[name, 'ownerId']} label={t('taskOwner')}>
                  <Select allowClear options={people.map((u) => ({ value: u.id, label: u.email }))} />
                </Form.Item>
                <Form.Item name={[name, 'dueAt']} label={t('dueAt')} rules={[{ required: true, message: t('required') }]}>
                  <Input type="datetime-local" />
                </Form.Item>
                <Button size="small" onClick={() => remove(name)}>{t('remove')}</Button>
              </fieldset>
            ))}
            {items.length < limits.tasks && <Button onClick={() => add()}>{t('addTask')}</Button>}
          </>
        )}
      </Form.List>
    </>
  );
}

function ConfirmationFields() {
  const { t } = useTranslation('complaint');
  return (
    <>
      <Form.Item name="accepted" rules={[{ required: true, message: t('required') }]}>
        <Radio.Group options={[{ value: true, label: t('accepted') }, { value: false, label: t('declined') }]} />
      </Form.Item>
      <TextField name="note" label="note" max={limits.note} required={false} />
    </>
  );
}

function TaskFields({ complaint }: FormContext) {
  const { t } = useTranslation('complaint');
  return (
    <>
      <Form.Item name="taskId" label={t('task')} rules={[{ required: true, message: t('required') }]}>
        <Select options={(complaint.plan?.tasks ?? []).filter((task) => !task.done).map((task) => ({ value: task.id, label: `${task.title} · ${task.department}` }))} />
      </Form.Item>
      <Form.Item name="progress" label={t('progress')}>
        <InputNumber min={0} max={100} suffix="%" />
      </Form.Item>
      <Form.Item name="done" valuePropName="checked"><Checkbox>{t('done')}</Checkbox></Form.Item>
      <TextField name="note" label="note" max={limits.taskText} required={false} />
    </>
  );
}

function CallbackFields() {
  const { t } = useTranslation('complaint');
  return (
    <>
      {scores.map((score) => (
        <Form.Item key={score} name={score} label={`${t(score)} (1–5)`} rules={[{ required: true, type: 'integer', min: 1, max: 5, message: '1–5' }]}>
          <InputNumber min={1} max={5} precision={0} />
        </Form.Item>
      ))}
      <TextField name="comment" label="comment" max={limits.note} required={false} />
    </>
  );
}

function EscalateFields({ roles }: FormContext) {
  const { t } = useTranslation('complaint');
  return (
    <>
      <Form.Item name="toRole" label={t('toRole')} rules={[{ required: true, message: t('required') }]}>
        <Select showSearch optionFilterProp="label" options={roles.map((r) => ({ value: r.code, label: r.label }))} />
      </Form.Item>
      <ReasonField />
    </>
  );
}

function NoteFields() {
  const { t } = useTranslation('complaint');
  return (
    <>
      <TextField name="text" label="text" max={limits.note} />
      <Form.Item name="visibility" label={t('visibility')} initialValue="INTERNAL">
        <Radio.Group options={(['INTERNAL', 'CUSTOMER_VISIBLE'] as const).map((v) => ({ value: v, label: t(`visibilityName.${v}`) }))} />
      </Form.Item>
    </>
  );
}

const reasonOnly = <I extends { complaintId: string; reason: string }>(document: TypedDocumentNode<unknown, { input: I }>) => form(document, ReasonField);

/** Every lifecycle action the API names, with its dialog. */
export const actionForms: Record<ComplaintAction, ActionForm> = {
  ACKNOWLEDGE: form(AcknowledgeComplaintDocument),
  // Taking it: the caller becomes the owner.
  ASSIGN: form(AssignComplaintDocument),
  HAND_OVER: form(HandOverComplaintDocument, HandOverFields),
  REGRADE: form(GradeComplaintDocument, RegradeFields),
  RECORD_INVESTIGATION: form(RecordInvestigationDocument, InvestigationFields, ({ evidence, rootCause }: InvestigationValues) => ({
    evidence: (evidence ?? []).map(({ kind, text, customerConsent, file }) => ({
      kind, text, customerConsent: customerConsent ?? false, fileName: file?.fileName, contentType: file?.contentType, fileBase64: file?.base64,
    })),
    rootCause: rootCause?.length ? rootCause : undefined,
  })),
  DECIDE_RESPONSIBILITY: form(DecideResponsibilityDocument, ResponsibilityFields),
  PROPOSE_PLAN: form(ProposePlanDocument, PlanFields, ({ tasks, compensation, ...plan }: PlanValues) => ({
    ...plan,
    compensation: compensation ?? undefined,
    tasks: (tasks ?? []).map((task) => ({ ...task, dueAt: new Date(task.dueAt).toISOString() })),
  })),
  APPROVE_PLAN: form(ApprovePlanDocument),
  REJECT_PLAN: reasonOnly(RejectPlanDocument),
  NOTIFY_CUSTOMER: form(NotifyCustomerDocument, () => <TextField name="message" label="message" max={limits.note} />),
  RECORD_CUSTOMER_CONFIRMATION: form(RecordCustomerConfirmationDocument, ConfirmationFields),
  UPDATE_TASK: form(UpdateTaskDocument, TaskFields),
  RESOLVE: form(ResolveComplaintDocument, () => <TextField name="summary" label="summary" max={limits.reason} />),
  RECORD_CALLBACK: form(RecordCallbackDocument, CallbackFields),
  REOPEN: reasonOnly(ReopenComplaintDocument),
  CLOSE: form(CloseComplaintDocument),
  ESCALATE: form(EscalateComplaintDocument, EscalateFields),
  WITHDRAW: reasonOnly(WithdrawComplaintDocument),
  ADD_NOTE: form(AddNoteDocument, NoteFields),
};
