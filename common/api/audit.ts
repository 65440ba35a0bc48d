// The audit log's routes (审计管理员): a page of entries, and the same filter as csv.
import { z } from 'zod';

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}/, '日期格式应为 YYYY-MM-DD')
  .optional();
export const auditFilter = z.object({
  user: z.string().max(64).optional(),
  region: z
    .string()
    .regex(/^\d{6}$/, '区划代码应为6位数字')
    .optional(),
  action: z.string().max(64).optional(),
  from: date,
  to: date,
});
export type AuditFilter = z.infer<typeof auditFilter>;

export const auditQuery = auditFilter.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type AuditQuery = z.infer<typeof auditQuery>;

const auditItem = z.object({
  id: z.number(),
  at: z.string(),
  username: z.string().nullable(),
  region: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  ip: z.string().nullable(),
  detail: z.string().nullable(),
  hash: z.string().nullable(),
});
export type AuditItem = z.infer<typeof auditItem>;

export const auditPage = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(auditItem),
});
export type AuditPage = z.infer<typeof auditPage>;
