import { describe, expect, it } from 'vitest';
import { formValues, settingsInput } from './settingValues';

const settings = [
  { key: 'seriousAmountThreshold', kind: 'NUMBER' as const, defaultValue: '5000' },
  { key: 'onSiteConfirmedByCustomer', kind: 'BOOLEAN' as const, defaultValue: 'true' },
  { key: 'approvers', kind: 'TEXT' as const, defaultValue: 'CS_SUPERVISOR,CS_DIRECTOR' },
];
const roles = ['CS_SUPERVISOR', 'CS_DIRECTOR'];

describe('the settings form', () => {
  it('starts from the saved settings over the declared defaults, each as its kind', () => {
    expect(formValues(settings, roles, { seriousAmountThreshold: '1000' })).toEqual({
      seriousAmountThreshold: 1000,
      onSiteConfirmedByCustomer: true,
      approvers: ['CS_SUPERVISOR', 'CS_DIRECTOR'],
    });
  });

  it('sends role lists comma-separated and leaves a cleared field to its default', () => {
    expect(settingsInput({ seriousAmountThreshold: null, onSiteConfirmedByCustomer: false, approvers: ['CS_DIRECTOR'] })).toEqual({
      onSiteConfirmedByCustomer: false,
      approvers: 'CS_DIRECTOR',
    });
  });
});
