import { describe, expect, it } from 'vitest';
import { formPath } from './rules';

describe('formPath', () => {
  it('puts an error on a field of a list item', () => {
    expect(formPath('input.evidence[0].customerConsent')).toEqual(['evidence', 0, 'customerConsent']);
  });

  it('puts an error on a plain field', () => {
    expect(formPath('input.reason')).toEqual(['reason']);
  });
});
