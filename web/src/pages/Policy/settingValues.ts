import type { SettingKind } from '../../gql/graphql';

export interface SettingDeclaration {
  key: string;
  kind: SettingKind;
  defaultValue: string;
}

export type SettingValue = number | boolean | string | string[] | null | undefined;

/** A role list is a text setting whose default is made of the policy's role codes, comma-separated. */
export function isRoleList(setting: SettingDeclaration, roleCodes: readonly string[]): boolean {
  return setting.kind === 'TEXT' && setting.defaultValue !== '' && setting.defaultValue.split(',').every((code) => roleCodes.includes(code.trim()));
}

/** The form's starting values: the tenant's saved settings when it runs this policy, else the declared defaults. */
export function formValues(settings: readonly SettingDeclaration[], roleCodes: readonly string[], saved: Record<string, unknown> | undefined): Record<string, SettingValue> {
  return Object.fromEntries(
    settings.map((setting) => {
      const text = String(saved?.[setting.key] ?? setting.defaultValue);
      switch (setting.kind) {
        case 'NUMBER':
        case 'WHOLE_NUMBER':
          return [setting.key, Number(text)];
        case 'BOOLEAN':
          return [setting.key, text === 'true'];
        default:
          return [setting.key, isRoleList(setting, roleCodes) ? text.split(',').map((code) => code.trim()) : text];
      }
    }),
  );
}

/** What selectPolicy and previewPolicy take: numbers and flags as JSON values, role lists comma-separated; blanks left to their defaults. */
export function settingsInput(values: Record<string, SettingValue>): Record<string, number | boolean | string> {
  const input: Record<string, number | boolean | string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === null || value === undefined || value === '') continue;
    input[key] = Array.isArray(value) ? value.join(',') : value;
  }
  return input;
}
