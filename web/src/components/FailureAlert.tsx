// A form's failed save, above the form: the server's message, and the details that belong to no
// field (those next to a field are shown there: serverErrors.ts). `action` offers a way out, such
// as reloading a record someone else changed meanwhile.
import { Alert } from 'antd';
import type { ReactNode } from 'react';

export interface Failure {
  message: string;
  /** the details no field of the form shows */
  rest: string[];
}

export function FailureAlert({
  failure,
  action,
}: {
  failure?: Failure | null;
  action?: ReactNode;
}) {
  if (!failure) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      title={failure.message}
      description={failure.rest.length > 0 ? failure.rest.join('；') : undefined}
      action={action}
    />
  );
}
