import { PassThrough } from 'node:stream';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import { forbidden, notFound, validation } from '../../errors.ts';
import { errorSchema, uploadName, type App } from '../../http.ts';
import { CSV, fileResponse, XLSX } from '../../file-response.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import { findCommunity } from './communities.repository.ts';
import {
  communityDetail,
  createCommunity,
  filterFor,
  listLedger,
  updateCommunity,
} from './communities.service.ts';
import { scanAll, setPairStatus } from './duplicates.service.ts';
import { exportLedger, writeTemplate } from './export/export.service.ts';
import {
  cancelImport,
  confirmImport,
  getImport,
  uploadAndCheck,
  type ImportSettings,
} from './import/imports.service.ts';
import { canEditLedger, inScope } from './ledger.policy.ts';
import * as s from '../../../../common/api/ledger.ts';

const tags = ['台账'];
const errors = { 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const attachment = (name: string) =>
  `attachment; filename="ledger"; filename*=UTF-8''${encodeURIComponent(name)}`;

export function ledgerRoutes(app: App, db: Kysely<Database>, imports: ImportSettings): void {
  app.get('/api/communities', {
    schema: {
      tags,
      summary: '台账小区列表（筛选、搜索、排序、分页，含当前筛选的合计）',
      querystring: s.ledgerListQuery,
      response: { 200: s.ledgerPage, ...errors },
    },
    handler: async (req) => listLedger(db, actorOf(req), req.query),
  });

  app.get('/api/communities/export', {
    schema: {
      tags,
      summary: '按当前筛选导出台账（导入模板的列，xlsx 或 csv）',
      querystring: s.exportQuery,
      response: { 200: fileResponse('台账 xlsx 或 csv', XLSX, CSV) },
    },
    handler: async (req, reply) => {
      const { format, ...filterQuery } = req.query;
      const filter = await filterFor(db, actorOf(req), filterQuery);
      const stream = new PassThrough();
      void exportLedger(db, filter, format, stream).catch((e: unknown) =>
        stream.destroy(e as Error),
      );
      const date = new Date().toISOString().slice(0, 10);
      return reply
        .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : XLSX)
        .header('content-disposition', attachment(`老旧小区改造台账-${date}.${format}`))
        .send(stream);
    },
  });

  app.get('/api/communities/:id', {
    schema: {
      tags,
      summary: '小区详情（字段、所属项目、修改历史、疑似重复）',
      params: s.idParam,
      response: { 200: s.communityDetail, ...errors },
    },
    handler: async (req) => communityDetail(db, actorOf(req), req.params.id),
  });

  app.post('/api/communities', {
    schema: {
      tags,
      summary: '新增小区（与导入相同的校验）',
      body: s.communityInput,
      response: { 201: s.communityDetail, ...errors },
    },
    handler: async (req, reply) => {
      const id = await createCommunity(db, actorOf(req), req.body);
      return reply.code(201).send(await communityDetail(db, actorOf(req), id));
    },
  });

  app.put('/api/communities/:id', {
    schema: {
      tags,
      summary: '修改小区（带版本号；他人已修改时返回409及对方的修改）',
      params: s.idParam,
      body: s.communityUpdate,
      response: { 200: s.communityDetail, ...errors },
    },
    handler: async (req) => {
      const { version, ...input } = req.body;
      await updateCommunity(db, actorOf(req), req.params.id, version, input);
      return communityDetail(db, actorOf(req), req.params.id);
    },
  });

  app.post('/api/communities/:id/duplicates/:otherId', {
    schema: {
      tags,
      summary: '确认或排除疑似重复',
      params: s.pairParams,
      body: s.pairBody,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      const actor = actorOf(req);
      if (!canEditLedger(actor)) throw forbidden('没有编辑台账的权限');
      for (const id of [req.params.id, req.params.otherId]) {
        const c = await findCommunity(db, id);
        if (!c || !inScope(actor, c.region_path)) throw notFound('小区');
      }
      if (
        !(await setPairStatus(
          db,
          req.params.id,
          req.params.otherId,
          req.body.status,
          actor.username,
        ))
      )
        throw notFound('疑似重复记录');
      return reply.code(204).send(null);
    },
  });

  app.post('/api/duplicates/scan', {
    schema: {
      tags,
      summary: '重新排查本辖区的疑似重复（辖区小区所在的地级单位整体排查，记录新发现的）',
      response: { 200: s.duplicateScan, ...errors },
    },
    handler: async (req) => {
      const actor = actorOf(req);
      if (!canEditLedger(actor)) throw forbidden('没有编辑台账的权限');
      return scanAll(db, actor.regionPath);
    },
  });

  app.get('/api/imports/template.xlsx', {
    schema: {
      tags,
      summary: '下载导入模板（含填写说明）',
      response: { 200: fileResponse('导入模板 xlsx', XLSX) },
    },
    handler: async (_req, reply) => {
      const stream = new PassThrough();
      void writeTemplate(stream).then(
        () => stream.end(),
        (e: unknown) => stream.destroy(e as Error),
      );
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment('老旧小区改造项目清单导入模板.xlsx'))
        .send(stream);
    },
  });

  app.post('/api/imports', {
    schema: {
      tags,
      summary:
        '上传项目清单（kind=projects）或已获中央补助的历史清单（kind=subsidised-history）并检查（不写入台账）；multipart 字段 file',
      consumes: ['multipart/form-data'],
      querystring: s.importQuery,
      response: { 201: s.importJob, ...errors, 413: errorSchema, 429: errorSchema },
    },
    handler: async (req, reply) => {
      const actor = actorOf(req);
      if (!canEditLedger(actor)) throw forbidden('没有导入台账的权限');
      if (!req.isMultipart()) throw validation('请以 multipart/form-data 上传文件（字段名 file）');
      const file = await req.file();
      if (!file) throw validation('没有收到文件');
      return reply
        .code(201)
        .send(
          await uploadAndCheck(
            db,
            imports,
            actor,
            uploadName(file.filename),
            file.file,
            req.query.kind,
          ),
        );
    },
  });

  app.post('/api/imports/:id/confirm', {
    schema: {
      tags,
      summary: '确认导入已检查通过的文件（后台执行，轮询进度）',
      params: s.importIdParam,
      response: { 202: s.importJob, ...errors },
    },
    handler: async (req, reply) =>
      reply.code(202).send(await confirmImport(db, imports.connect, actorOf(req), req.params.id)),
  });

  app.delete('/api/imports/:id', {
    schema: {
      tags,
      summary: '取消尚未导入的任务（删除已上传的文件）',
      params: s.importIdParam,
      response: { 200: s.importJob, ...errors },
    },
    handler: async (req) => cancelImport(db, actorOf(req), req.params.id),
  });

  app.get('/api/imports/:id', {
    schema: {
      tags,
      summary: '导入任务状态与进度',
      params: s.importIdParam,
      response: { 200: s.importJob, ...errors },
    },
    handler: async (req) => getImport(db, actorOf(req), req.params.id),
  });
}
