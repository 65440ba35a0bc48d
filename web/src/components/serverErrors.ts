// Puts a server validation error's details next to the form fields they name.
import type { FormInstance } from 'antd';
import { ApiError } from '../api/client.ts';
import { t } from '../i18n/index.ts';

/**
 * The form field a detail's path names. Paths may come as `username`, `/username`,
 * `body.username` or `roles.0` / `roles[0]`; the first segment after `body` is the field.
 */
export function fieldOfPath(path: string): string | undefined {
  const segments = path.split(/[./[\]]+/).filter(Boolean);
  if (segments[0] === 'body') segments.shift();
  return segments[0];
}

/**
 * Marks fields named by `error.details` (only those in `fields`) and returns the details that
 * matched no field, so the caller can show them with the error's message. `aliases` names the
 * field of a path that is not a field name, such as a column header (建成年份 → buildYear).
 */
export function applyServerErrors(
  form: FormInstance,
  error: unknown,
  fields: readonly string[],
  aliases: Readonly<Record<string, string>> = {},
): string[] {
  if (!(error instanceof ApiError)) return [];
  const byField = new Map<string, string[]>();
  const rest: string[] = [];
  for (const d of error.details) {
    const field = aliases[d.path.trim()] ?? fieldOfPath(d.path);
    if (field && fields.includes(field))
      byField.set(field, [...(byField.get(field) ?? []), t(d.message)]);
    else rest.push(d.path ? t('{a}：{b}', { a: t(d.path), b: t(d.message) }) : t(d.message));
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return rest;
}
