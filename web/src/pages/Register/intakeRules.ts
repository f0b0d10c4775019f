import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';

// The limits intake enforces (ComplaintIntake.Validate on the server): checked here first so a person sees them at once.
export const limits = { description: 20_000, category: 200, shortText: 500, request: 20_000 } as const;

export function required(t: TFunction, max: number): Rule[] {
  return [
    { required: true, whitespace: true, message: t('validation.required') },
    { max, message: t('validation.max', { max }) },
  ];
}

export function optional(t: TFunction, max: number): Rule[] {
  return [{ max, message: t('validation.max', { max }) }];
}

export const notNegative = (t: TFunction): Rule[] => [{ type: 'number', min: 0, message: t('validation.notNegative') }];

export const atLeastOne = (t: TFunction): Rule[] => [{ type: 'number', min: 1, message: t('validation.atLeastOne') }];
