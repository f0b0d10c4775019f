import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';

/** The server's limits (Complaint.Lifecycle and its parts), mirrored so a form refuses what the API would. */
export const limits = {
  reason: 2_000,
  note: 5_000,
  evidenceText: 5_000,
  taskText: 500,
  whys: 5,
  evidenceItems: 20,
  tasks: 50,
  fileBytes: 10 * 1024 * 1024,
} as const;

/** Required text of 1 to `max` characters, not only spaces. */
export function requiredText(t: TFunction, max: number): Rule[] {
  return [{ required: true, whitespace: true, message: t('required') }, ...optionalText(t, max)];
}

export function optionalText(t: TFunction, max: number): Rule[] {
  return [{ max, message: t('tooLong', { max }) }];
}

/** A form path for an API field: `input.evidence[0].text` → ['evidence', 0, 'text']. */
export function formPath(field: string): (string | number)[] {
  return field
    .replace(/^input\.?/, '')
    .split(/[.[\]]/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
