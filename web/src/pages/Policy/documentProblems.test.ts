import { describe, expect, it } from 'vitest';
import { pathOfField, pathOfPointer, schemaProblems } from './documentProblems';

describe('a custom policy document problem', () => {
  it('is placed at the path the API would name', () => {
    expect(pathOfPointer('/grades/1/code')).toBe('grades[1].code');
    expect(pathOfField('input.document.grades[1].code')).toBe('grades[1].code');
  });

  it('is placed at the missing property itself', () => {
    expect(schemaProblems([{ keyword: 'required', instancePath: '/grades/0', schemaPath: '', params: { missingProperty: 'rank' }, message: "must have required property 'rank'" }]))
      .toEqual([{ path: 'grades[0].rank', message: "must have required property 'rank'" }]);
  });
});
