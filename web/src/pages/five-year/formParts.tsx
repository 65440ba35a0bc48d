// What the five-year forms share: saving with a server error shown above the form and its details
// next to the fields, and the count inputs.
import { InputNumber, type FormInstance } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { type Failure } from '../../components/FailureAlert.tsx';
import { applyServerErrors } from '../../components/serverErrors.ts';

/** `save(run)`: runs the request, keeping `saving` while it runs and `failure` when it fails. */
export function useSave(form: FormInstance, fields: readonly string[]) {
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<Failure>();
  async function save(run: () => Promise<void>) {
    setSaving(true);
    setFailure(undefined);
    try {
      await run();
    } catch (e) {
      setFailure({ message: errorMessage(e), rest: applyServerErrors(form, e, fields) });
    } finally {
      setSaving(false);
    }
  }
  return { saving, failure, clearFailure: () => setFailure(undefined), save };
}

/** A whole number of communities or households; Form.Item passes value and onChange. */
export function CountInput(props: {
  id: string;
  max?: number;
  value?: number | null;
  onChange?: (v: number | null) => void;
}) {
  return <InputNumber min={0} max={10_000_000} precision={0} style={{ width: 200 }} {...props} />;
}
