import type { ErrorObject } from 'ajv';

/** Where in the policy document something is wrong, written as the API names it (grades[1].code), and what. */
export interface DocumentProblem {
  path: string;
  message: string;
}

/** A JSON pointer as the API writes a field: /grades/1/code → grades[1].code. */
export function pathOfPointer(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}

/** The schema validator's complaints as problems at their paths; a missing property is reported at the property. */
export function schemaProblems(errors: readonly ErrorObject[]): DocumentProblem[] {
  return errors.map((error) => {
    const missing = error.keyword === 'required' ? `/${String((error.params as { missingProperty: string }).missingProperty)}` : '';
    return { path: pathOfPointer(error.instancePath + missing), message: error.message ?? error.keyword };
  });
}

/** The API's field (input.document.grades[1].code) as a path of the document. */
export function pathOfField(field: string | undefined): string {
  return (field ?? '').replace(/^input\.document\.?/, '');
}
