import { Form, Input, InputNumber, Select, Switch, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { nameIn } from './bilingual';
import type { PolicyChoice } from './PolicyCards';
import { isRoleList, type SettingValue } from './settingValues';

/**
 * The policy's settings as a form generated from what the plugin declares: numbers with their limits, flags, role
 * lists from the policy's roles, text. Limits are shown, not enforced here: the server's refusal names the field.
 */
export function SettingsForm({ policy, form, initialValues, onChange }: {
  policy: PolicyChoice;
  form: FormInstance<Record<string, SettingValue>>;
  initialValues: Record<string, SettingValue>;
  onChange: () => void;
}) {
  const { t, i18n } = useTranslation('policy');
  const roleCodes = policy.roles.map((role) => role.code);
  return (
    <Form form={form} layout="vertical" initialValues={initialValues} onValuesChange={onChange} data-testid="settings-form">
      {policy.settings.map((setting) => {
        const limits = setting.minimum !== null || setting.maximum !== null
          ? t('limits', { min: setting.minimum ?? '−∞', max: setting.maximum ?? '∞' })
          : undefined;
        const label = nameIn(i18n.language, setting);
        return (
          <Form.Item key={setting.key} name={setting.key} label={label} extra={limits}
            valuePropName={setting.kind === 'BOOLEAN' ? 'checked' : 'value'}
          >
            {setting.kind === 'BOOLEAN' ? (
              <Switch aria-label={label} />
            ) : setting.kind === 'NUMBER' || setting.kind === 'WHOLE_NUMBER' ? (
              <InputNumber style={{ width: '100%' }} precision={setting.kind === 'WHOLE_NUMBER' ? 0 : undefined} aria-label={label} />
            ) : isRoleList(setting, roleCodes) ? (
              <Select mode="multiple" aria-label={label}
                options={policy.roles.map((role) => ({ value: role.code, label: nameIn(i18n.language, role) }))}
              />
            ) : (
              <Input aria-label={label} />
            )}
          </Form.Item>
        );
      })}
    </Form>
  );
}
