import { hasRole, type Actor } from '../../domain/actor.ts';

/** Only the audit administrator (审计管理员, 三员分立) reads the audit log: not the system or security administrator. */
export const canReadAudit = (actor: Actor): boolean => hasRole(actor, 'audit_admin');
