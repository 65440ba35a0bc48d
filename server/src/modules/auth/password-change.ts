/**
 * A user changes their own password (POST /api/me/password): the current password, then a new
 * one under the shared policy (common/password.ts) that differs from the current one. It clears
 * the initial-password flag, restarts the password's age and ends the user's other sessions.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { passwordChangeBody, type PasswordChangeBody } from '../../../../common/api/auth.ts';
import { checkPasswordPolicy } from '../../../../common/password.ts';
import type { Database } from '../../db/schema.ts';
import { AppError, validation } from '../../errors.ts';
import { errorSchema, type App } from '../../http.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { findUserById, setOwnPassword } from '../users/users.repository.ts';
import type { Authenticated } from './auth.service.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { deleteOtherSessions } from './auth.repository.ts';

export async function changeOwnPassword(
  db: Kysely<Database>,
  auth: Authenticated,
  input: PasswordChangeBody,
  ip: string | null,
  now = new Date(),
): Promise<void> {
  const user = await findUserById(db, auth.actor.userId);
  if (!user || !(await verifyPassword(user.password_hash, input.currentPassword)))
    throw new AppError('VALIDATION', '当前密码不正确', [
      { path: 'currentPassword', message: '当前密码不正确' },
    ]);
  const problem =
    input.newPassword === input.currentPassword
      ? '新密码不能与当前密码相同'
      : checkPasswordPolicy(input.newPassword, user.username);
  if (problem) throw validation(problem, [{ path: 'newPassword', message: problem }]);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await setOwnPassword(trx, user.id, passwordHash, now);
    await deleteOtherSessions(trx, user.id, auth.sessionId);
    await insertAudit(
      trx,
      {
        actorUserId: user.id,
        actorUsername: user.username,
        action: 'auth.password_changed',
        target: user.username,
        ip,
      },
      now,
    );
  });
}

export function passwordChangeRoutes(app: App, db: Kysely<Database>): void {
  app.post('/api/me/password', {
    schema: {
      tags: ['认证'],
      summary: '修改自己的密码（首次登录或密码过期时须先修改）',
      body: passwordChangeBody,
      response: { 204: z.null(), 400: errorSchema, 401: errorSchema, 403: errorSchema },
    },
    handler: async (req, reply) => {
      await changeOwnPassword(db, req.auth!, req.body, req.ip);
      return reply.code(204).send(null);
    },
  });
}
