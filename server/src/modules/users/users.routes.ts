import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import { errorSchema, type App } from '../../http.ts';
import { actorOf, passwordChangeOf } from '../auth/auth.plugin.ts';
import { presentMe, presentUsers } from './users.presenter.ts';
import { langChoice, me } from '../../../../common/api/auth.ts';
import * as s from '../../../../common/api/users.ts';
import { setUserLang } from './users.repository.ts';
import { createUser, listUsers, updateUser } from './users.service.ts';

const tags = ['用户'];
const errors = { 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

export function userRoutes(app: App, db: Kysely<Database>): void {
  app.get('/api/me', {
    schema: { tags, summary: '当前用户', response: { 200: me } },
    handler: async (req) =>
      presentMe(db, req.auth!.user, req.auth!.csrfToken, passwordChangeOf(req, req.auth!.user)),
  });

  app.put('/api/me/lang', {
    schema: {
      tags,
      summary: '设定本人的界面语言（zh 中文、en 英文），随账号到任何浏览器',
      body: langChoice,
      response: { 204: z.null(), 400: errorSchema },
    },
    handler: async (req, reply) => {
      await setUserLang(db, req.auth!.user.id, req.body.lang);
      return reply.code(204).send(null);
    },
  });

  app.get('/api/users', {
    schema: {
      tags,
      summary: '本人辖区内的用户（安全管理员）',
      querystring: s.userListQuery,
      response: { 200: s.userList, ...errors },
    },
    handler: async (req) => {
      const { items, total } = await listUsers(db, actorOf(req), req.query);
      return { items: await presentUsers(db, items), total };
    },
  });

  app.post('/api/users', {
    schema: {
      tags,
      summary: '新建用户（安全管理员，限本人辖区；系统管理员、安全管理员、审计管理员只能单独设置）',
      body: s.newUser,
      response: { 201: s.user, ...errors },
    },
    handler: async (req, reply) => {
      const u = await createUser(db, actorOf(req), req.body);
      return reply.code(201).send((await presentUsers(db, [u]))[0]!);
    },
  });

  app.patch('/api/users/:id', {
    schema: {
      tags,
      summary: '修改、停用用户或重置密码（安全管理员；带版本号，冲突返回409；不能修改自己的角色）',
      params: s.userIdParam,
      body: s.userPatch,
      response: { 200: s.user, ...errors },
    },
    handler: async (req) => {
      const u = await updateUser(db, actorOf(req), req.params.id, req.body);
      return (await presentUsers(db, [u]))[0]!;
    },
  });
}
