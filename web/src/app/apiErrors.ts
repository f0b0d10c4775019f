import type { ApolloError } from '@apollo/client';

/** One error as the API reports it: its extensions.code, message and, for bad input, the field (`input.category`). */
export interface ApiError {
  code: string;
  message: string;
  field?: string;
}

interface ErrorBody {
  message: string;
  extensions?: { code?: unknown; field?: unknown };
}

function toApiError({ message, extensions }: ErrorBody): ApiError {
  return {
    code: typeof extensions?.code === 'string' ? extensions.code : 'INTERNAL',
    message,
    field: typeof extensions?.field === 'string' ? extensions.field : undefined,
  };
}

/**
 * The API's errors in an Apollo error: GraphQL errors of a 200 answer, or those in the body of a 4xx answer (the
 * transport answers 400, 401, 403, 429 with the GraphQL error shape); a network failure without a body is one error.
 */
export function apiErrors(error: ApolloError): ApiError[] {
  if (error.graphQLErrors.length > 0) return error.graphQLErrors.map(toApiError);
  const network = error.networkError;
  const body = network && 'result' in network ? (network.result as { errors?: ErrorBody[] } | string) : undefined;
  if (typeof body === 'object' && body.errors?.length) return body.errors.map(toApiError);
  return [{ code: 'NETWORK', message: network?.message ?? error.message }];
}

/** The errors that name a field of the input, keyed by the form field's name (`input.customer.name` → `customer.name`). */
export function fieldErrors(errors: ApiError[]): Map<string, string> {
  return new Map(errors.filter((error) => error.field).map((error) => [error.field!.replace(/^input\./, ''), error.message]));
}

/** The same as antd form fields (`input.hours` → ['hours']), for form.setFields to show each under its field. */
export function formFieldErrors(error: ApolloError): { name: string[]; errors: string[] }[] {
  return [...fieldErrors(apiErrors(error))].map(([field, message]) => ({ name: field.split('.'), errors: [message] }));
}
