// A modal around one antd form: what the create and edit modals share. Each time it opens (or
// `resetKey` changes while open) the form restarts from `initialValues` and the last failure goes.
// OK validates, then runs `onSubmit` with the OK button loading; a failure puts the server's details
// next to the fields they name (serverErrors.ts) and its message, with the details no field shows,
// in an Alert above the form (FailureAlert.tsx). `onSubmit` itself says what succeeded and closes.
import { Form, Modal, type FormInstance, type FormProps } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { ApiError, errorMessage } from '../api/client.ts';
import { t } from '../i18n/index.ts';
import { FailureAlert, type Failure } from './FailureAlert.tsx';
import { applyServerErrors } from './serverErrors.ts';

interface Props<V> {
  form: FormInstance<V>;
  open: boolean;
  /** The form restarts when this changes while open: another record, or a newer version of it. */
  resetKey?: string | number | null;
  /** What the form shows after a restart. */
  initialValues?: Parameters<FormInstance<V>['setFieldsValue']>[0];
  title: ReactNode;
  okText?: string;
  /** The OK button's id, which the browser tests and the English walk press. */
  submitId?: string;
  width?: number;
  /** Unmount the form when closed instead of keeping it rendered (forceRender). */
  destroyOnHidden?: boolean;
  /** The fields a server error's details may name. */
  fields?: readonly string[];
  /** A one-field form shows every failure under that field instead of in an Alert. */
  failureField?: string;
  /** The Alert's message for an error; errorMessage(e) unless said otherwise. */
  failureMessage?: (error: unknown) => string;
  /** A way out of a failure shown in the Alert, such as reloading after a 409. */
  failureAction?: (error: unknown) => ReactNode;
  /** Enter in a field submits, as in a one-field form. */
  submitOnEnter?: boolean;
  formProps?: Omit<FormProps<V>, 'form' | 'layout' | 'onFinish'>;
  onSubmit: (values: V) => Promise<void>;
  onClose: () => void;
  children: ReactNode;
}

/**
 * Whether a save failed because the record changed meanwhile (the version sent is stale): told by
 * the error's sub-code, not by its status, since a duplicate name is a 409 too.
 */
export const isStale = (e: unknown): boolean =>
  e instanceof ApiError && e.subCode === 'STALE_VERSION';

export function FormModal<V>({
  form,
  open,
  resetKey,
  initialValues,
  title,
  okText = t('保存'),
  submitId,
  width,
  destroyOnHidden,
  fields = [],
  failureField,
  failureMessage = errorMessage,
  failureAction,
  submitOnEnter,
  formProps,
  onSubmit,
  onClose,
  children,
}: Props<V>) {
  const [saving, setSaving] = useState(false);
  const [failed, setFailed] = useState<{ failure: Failure; error: unknown } | null>(null);

  useEffect(() => {
    if (!open) return;
    setFailed(null);
    form.resetFields();
    if (initialValues) form.setFieldsValue(initialValues);
  }, [open, resetKey, form]);

  async function submit() {
    const values = await form.validateFields();
    setSaving(true);
    setFailed(null);
    try {
      await onSubmit(values);
    } catch (error) {
      if (failureField) {
        const detail = error instanceof ApiError ? error.details[0] : undefined;
        form.setFields([
          { name: failureField, errors: [detail?.message ?? errorMessage(error)] },
        ] as Parameters<FormInstance<V>['setFields']>[0]);
      } else {
        const rest = applyServerErrors(form, error, fields);
        setFailed({ failure: { message: failureMessage(error), rest }, error });
      }
    } finally {
      setSaving(false);
    }
  }
  // A failed validation has already marked its fields.
  const submitQuietly = () => void submit().catch(() => undefined);

  return (
    <Modal
      title={title}
      open={open}
      okText={okText}
      cancelText={t('取消')}
      okButtonProps={submitId ? { id: submitId } : undefined}
      confirmLoading={saving}
      onOk={submitQuietly}
      onCancel={onClose}
      forceRender={!destroyOnHidden}
      destroyOnHidden={destroyOnHidden}
      width={width}
    >
      <FailureAlert failure={failed?.failure} action={failed && failureAction?.(failed.error)} />
      <Form<V>
        {...formProps}
        form={form}
        layout="vertical"
        onFinish={submitOnEnter ? submitQuietly : undefined}
      >
        {children}
      </Form>
    </Modal>
  );
}
