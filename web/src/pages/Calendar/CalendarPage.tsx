import { type ApolloError, useMutation, useQuery } from '@apollo/client';
import { Alert, Button, Calendar, Card, Checkbox, Col, ConfigProvider, Form, Input, Row, Select, Space, Switch, Tag, Typography, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formFieldErrors } from '../../app/apiErrors';
import { ErrorNotice } from '../../components/ErrorNotice';
import { SaveBusinessCalendarDocument, TenantCalendarDocument } from '../../gql/graphql';
import { cycleDay, dayKind, toCalendarInput, weekDays, type CalendarForm, type MarkedDays } from './calendarDays';
import { CardTitle } from '../../components/CardTitle';

const zones = Intl.supportedValuesOf('timeZone').map((zone) => ({ value: zone, label: zone }));

/** The tenant's business calendar: zone, working days and shifts, holidays and make-up days, an ICS import. */
export default function CalendarPage() {
  const { t } = useTranslation('settings');
  const { data, error } = useQuery(TenantCalendarDocument);
  const [save, saving] = useMutation(SaveBusinessCalendarDocument);
  const [form] = Form.useForm<CalendarForm>();
  const [marked, setMarked] = useState<MarkedDays>({ holidays: [], makeUpWorkingDays: [] });
  const [ics, setIcs] = useState<{ name: string; text: string } | null>(null);
  const [replanned, setReplanned] = useState<number | null>(null);
  const tenant = data?.tenant;

  useEffect(() => {
    if (!tenant) return;
    const { calendar } = tenant;
    form.setFieldsValue({
      timeZone: tenant.timeZone,
      workingDays: calendar.workingDays,
      hours: calendar.hours.map(({ start, end }) => ({ start, end })),
      includeChinaMainlandHolidays: calendar.includeChinaMainlandHolidays,
    });
    setMarked({ holidays: calendar.holidays, makeUpWorkingDays: calendar.makeUpWorkingDays });
  }, [tenant, form]);

  const submit = async (values: CalendarForm) => {
    setReplanned(null);
    const result = await save({ variables: { input: toCalendarInput(values, marked, ics?.text ?? null) } }).catch((refused: ApolloError) => {
      // The API names input.retentionYears, input.hours…: shown under that field of the form.
      form.setFields(formFieldErrors(refused) as Parameters<typeof form.setFields>[0]);
      return null;
    });
    if (!result?.data) return;
    setIcs(null);
    setReplanned(result.data.saveBusinessCalendar.replannedClocks);
  };

  const dayCell = (day: Dayjs) => {
    const kind = dayKind(day.format('YYYY-MM-DD'), marked);
    return kind === 'ordinary' ? null : <Tag color={kind === 'holiday' ? 'error' : 'processing'}>{t(`calendar.dayKind.${kind}`)}</Tag>;
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>{t('calendar.title')}</Typography.Title>
      <ErrorNotice error={error ?? saving.error} />
      {replanned !== null && (
        <Alert type="success" showIcon role="status" data-testid="calendar-saved" title={t('calendar.saved', { count: replanned })} />
      )}
      <Form<CalendarForm> form={form} layout="vertical" onFinish={submit} disabled={!tenant}>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={10}>
            <Card size="small" title={<CardTitle>{t('calendar.week')}</CardTitle>}>
              <Form.Item name="timeZone" label={t('calendar.timeZone')} rules={[{ required: true, message: t('required') }]}>
                <Select showSearch options={zones} />
              </Form.Item>
              <Form.Item name="workingDays" label={t('calendar.workingDays')}>
                <Checkbox.Group options={weekDays.map((day) => ({ value: day, label: t(`calendar.weekDay.${day}`) }))} />
              </Form.Item>
              <Form.List name="hours">
                {(shifts, { add, remove }) => (
                  <Form.Item label={t('calendar.hours')} help={t('calendar.hoursHelp')}>
                    {shifts.map((shift, index) => (
                      <Space key={shift.key} align="baseline" wrap>
                        <Form.Item name={[shift.name, 'start']} rules={[{ required: true, message: t('required') }]}>
                          <Input aria-label={t('calendar.shiftStart', { n: index + 1 })} placeholder="09:00" style={{ width: 96 }} />
                        </Form.Item>
                        <span>–</span>
                        <Form.Item name={[shift.name, 'end']} rules={[{ required: true, message: t('required') }]}>
                          <Input aria-label={t('calendar.shiftEnd', { n: index + 1 })} placeholder="18:00" style={{ width: 96 }} />
                        </Form.Item>
                        <Button onClick={() => remove(shift.name)}>{t('calendar.removeShift')}</Button>
                      </Space>
                    ))}
                    <div><Button onClick={() => add({ start: '', end: '' })}>{t('calendar.addShift')}</Button></div>
                  </Form.Item>
                )}
              </Form.List>
              <Form.Item name="includeChinaMainlandHolidays" label={t('calendar.includeChinaMainlandHolidays')} valuePropName="checked">
                <Switch />
              </Form.Item>
              <Form.Item label={t('calendar.ics')} help={ics ? t('calendar.icsChosen', { name: ics.name }) : t('calendar.icsHelp')}>
                <Upload accept=".ics,text/calendar" showUploadList={false}
                  beforeUpload={(file) => { void file.text().then((text) => setIcs({ name: file.name, text })); return false; }}
                >
                  <Button>{t('calendar.icsChoose')}</Button>
                </Upload>
              </Form.Item>
            </Card>
          </Col>
          <Col xs={24} xl={14}>
            <Card size="small" title={<CardTitle>{t('calendar.days')}</CardTitle>}>
              <Typography.Paragraph>{t('calendar.daysHelp')}</Typography.Paragraph>
              {/* The neighbouring months' days in antd's disabled grey read below WCAG's contrast: darkened here. */}
              <ConfigProvider theme={{ token: { colorTextDisabled: 'rgba(0, 0, 0, 0.56)' } }}>
                <Calendar fullscreen={false} cellRender={(day, info) => (info.type === 'date' ? dayCell(day) : null)}
                  headerRender={({ value, onChange }) => <MonthHeader month={value} onChange={onChange} />}
                  onSelect={(day, { source }) => source === 'date' && setMarked(cycleDay(day.format('YYYY-MM-DD'), marked))} />
              </ConfigProvider>
              <DayList label={t('calendar.holidays')} testId="holiday-list" dates={marked.holidays} />
              <DayList label={t('calendar.makeUpWorkingDays')} testId="make-up-list" dates={marked.makeUpWorkingDays} />
            </Card>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={saving.loading} style={{ marginTop: 16 }}>{t('calendar.save')}</Button>
      </Form>
    </Space>
  );
}

/** The month shown, with labelled buttons for the months either side (antd's own header has unlabelled selects). */
function MonthHeader({ month, onChange }: { month: Dayjs; onChange: (month: Dayjs) => void }) {
  const { t, i18n } = useTranslation('settings');
  return (
    <Space style={{ marginBottom: 8 }}>
      <Button aria-label={t('calendar.previousMonth')} onClick={() => onChange(month.subtract(1, 'month'))}>‹</Button>
      <Typography.Text strong data-testid="calendar-month">
        {month.toDate().toLocaleDateString(i18n.language, { year: 'numeric', month: 'long' })}
      </Typography.Text>
      <Button aria-label={t('calendar.nextMonth')} onClick={() => onChange(month.add(1, 'month'))}>›</Button>
    </Space>
  );
}

function DayList({ label, testId, dates }: { label: string; testId: string; dates: string[] }) {
  const { t } = useTranslation('settings');
  return (
    <div data-testid={testId} style={{ marginTop: 8 }}>
      <Typography.Text strong>{label}: </Typography.Text>
      {dates.length === 0 ? t('calendar.noDays') : dates.map((date) => <Tag key={date}>{date}</Tag>)}
    </div>
  );
}
