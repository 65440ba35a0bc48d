// 联系人及电话 of the plan table (建办城〔2021〕28号 附件): entered by the province with its
// submission. Shared by the server (which refuses) and the web form (which warns as you type).

import { halfWidth } from './ledger.ts';

export const CONTACT_NAME_MAX = 50;

/** A phone as typed, full-width digits and brackets (０８９８－６５３１２３４５) read as the half-width ones. */
export const contactPhone = (phone: string): string => halfWidth(phone).trim();
/** Loosely a phone number: digits, spaces, hyphens and parentheses, 7–20 characters. */
export const CONTACT_PHONE_PATTERN = /^[0-9 \-()（）]{7,20}$/;

/** What is wrong with a contact, by field, in Chinese; empty when it is fine. */
export function contactErrors(name: string, phone: string): { path: string; message: string }[] {
  const errors: { path: string; message: string }[] = [];
  const n = name.trim();
  const p = contactPhone(phone);
  if (!n) errors.push({ path: 'name', message: '联系人：请填写姓名' });
  else if (n.length > CONTACT_NAME_MAX)
    errors.push({ path: 'name', message: `联系人：不超过 ${CONTACT_NAME_MAX} 个字` });
  if (!p) errors.push({ path: 'phone', message: '联系电话：请填写' });
  else if (!CONTACT_PHONE_PATTERN.test(p) || !/\d/.test(p))
    errors.push({
      path: 'phone',
      message: `联系电话“${p.slice(0, 30)}”格式不正确：只能含数字、空格、连字符和括号，7–20 个字符`,
    });
  return errors;
}
