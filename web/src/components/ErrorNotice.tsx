import type { ApolloError } from '@apollo/client';
import { Alert } from 'antd';
import { apiErrors } from '../app/apiErrors';

/** The API's refusal as it said it: each error's extensions.code and message. */
export function ErrorNotice({ error }: { error: ApolloError | undefined }) {
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="error-notice"
      title={apiErrors(error).map(({ code, message }) => (
        <div key={code + message}>
          <strong>{code}</strong> {message}
        </div>
      ))}
    />
  );
}
