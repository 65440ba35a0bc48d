import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import { validation } from '../../errors.ts';
import { errorSchema, partText, uploadName, type App } from '../../http.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import { acceptDeclaration, returnDeclaration, submitDeclaration } from './declarations.service.ts';
import { declarationDiff, candidateSnapshot, submittedSnapshot } from './declarations.versions.ts';
import { acceptanceHistory, revisionDiff } from './revisions.history.ts';
import { reviseDeclaration, setRevisionReason } from './revisions.service.ts';
import {
  freezeForSignoff,
  justifyWarning,
  ministryOverview,
  notificationsFor,
  recordApproval,
  signOff,
} from './signoff.service.ts';
import { setInternalDeadline } from './declarations.deadlines.ts';
import { saveContact, signForReceipt } from './declarations.receipts.ts';
import { verifiedDeclarationView } from './declarations.integrity.ts';
import * as s from '../../../../common/api/declarations.ts';
import { declarationView } from '../../../../common/api/declaration-view.ts';
import { yearOnly } from '../../../../common/api/plan.ts';

const tags = ['年度计划申报'];
const errors = { 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const { unitYear } = s;
const ok = s.stateAfter;

export function declarationRoutes(app: App, db: Kysely<Database>, uploadDir: string): void {
  app.get('/api/declarations/:unit/:year', {
    schema: {
      tags,
      summary:
        '本单位（或下级单位）的年度计划申报：状态、截止日期、检查、退回意见、版本、下级上报情况',
      params: unitYear,
      response: { 200: declarationView, ...errors },
    },
    handler: async (req) =>
      verifiedDeclarationView(db, actorOf(req), req.params.unit, req.params.year),
  });

  app.post('/api/declarations/:unit/:year/submit', {
    schema: {
      tags,
      summary: '上报（冻结一个附校验码的版本）',
      params: unitYear,
      response: { 200: ok, ...errors },
    },
    handler: async (req) => ({
      state: await submitDeclaration(db, actorOf(req), req.params.unit, req.params.year),
    }),
  });

  app.post('/api/declarations/:unit/:year/return', {
    schema: {
      tags,
      summary: '退回下级上报（写明理由，可针对具体小区）',
      params: unitYear,
      body: s.returnBody,
      response: { 200: ok, ...errors },
    },
    handler: async (req) => ({
      state: await returnDeclaration(
        db,
        actorOf(req),
        req.params.unit,
        req.params.year,
        req.body.reason,
        req.body.notes,
      ),
    }),
  });

  app.post('/api/declarations/:unit/:year/accept', {
    schema: { tags, summary: '接收下级上报', params: unitYear, response: { 200: ok, ...errors } },
    handler: async (req) => ({
      state: await acceptDeclaration(db, actorOf(req), req.params.unit, req.params.year),
    }),
  });

  app.post('/api/declarations/:unit/:year/revise', {
    schema: {
      tags,
      summary:
        '调整已接收的计划（计划调整）：写明理由；调整上报并被接收前，已接收的版本仍为现行计划',
      params: unitYear,
      body: s.reviseBody,
      response: { 200: ok, ...errors },
    },
    handler: async (req) => ({
      state: await reviseDeclaration(
        db,
        actorOf(req),
        req.params.unit,
        req.params.year,
        req.body.reason,
      ),
    }),
  });

  app.put('/api/declarations/:unit/:year/revision/reasons/:communityId', {
    schema: {
      tags,
      summary:
        '计划调整中为小区填写调整原因（删除的小区必填：不具备改造条件、居民改造意愿变化、并入其他项目、其他）',
      params: s.revisionReasonParams,
      body: s.revisionReasonBody,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await setRevisionReason(
        db,
        actorOf(req),
        req.params.unit,
        req.params.year,
        req.params.communityId,
        req.body,
      );
      return reply.code(204).send(null);
    },
  });

  app.get('/api/declarations/:unit/:year/revision/diff', {
    schema: {
      tags,
      summary:
        '计划调整与现行计划的差异：新增、删除、变动的小区（附调整原因），合计数及省级计划表各行调整前后',
      params: unitYear,
      response: { 200: s.revisionDiff, ...errors },
    },
    handler: async (req) => revisionDiff(db, actorOf(req), req.params.unit, req.params.year),
  });

  app.get('/api/declarations/:unit/:year/acceptances', {
    schema: {
      tags,
      summary: '计划的各个已接收版本：接收时间、接收人、第几次调整及理由',
      params: unitYear,
      response: { 200: s.acceptanceHistory, ...errors },
    },
    handler: async (req) => acceptanceHistory(db, actorOf(req), req.params.unit, req.params.year),
  });

  app.get('/api/declarations/:unit/:year/diff', {
    schema: {
      tags,
      summary: '两个上报版本之间新增、删除、变动的小区（默认最近两版）',
      params: unitYear,
      querystring: s.diffQuery,
      response: { 200: s.declarationDiff, ...errors },
    },
    handler: async (req) =>
      declarationDiff(
        db,
        actorOf(req),
        req.params.unit,
        req.params.year,
        req.query.from,
        req.query.to,
      ),
  });

  app.get('/api/declarations/:unit/:year/versions/:version', {
    schema: {
      tags,
      summary: '已上报的某一版本（冻结的小区清单和计划表，及其校验码）',
      params: s.versionParams,
      response: { 200: s.frozenSnapshot, ...errors },
    },
    handler: async (req) =>
      submittedSnapshot(db, actorOf(req), req.params.unit, req.params.year, req.params.version),
  });

  app.get('/api/declarations/:unit/:year/candidate', {
    schema: {
      tags,
      summary: '省级计划的会签版本（会签前阅读的冻结计划表及其校验码）',
      params: unitYear,
      response: { 200: s.candidateSnapshot, ...errors },
    },
    handler: async (req) => candidateSnapshot(db, actorOf(req), req.params.unit, req.params.year),
  });

  app.put('/api/declarations/:unit/:year/justifications/:checkId', {
    schema: {
      tags,
      summary: '为警告填写说明（审核人可见）',
      params: s.justificationParams,
      body: s.justificationBody,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await justifyWarning(
        db,
        actorOf(req),
        req.params.unit,
        req.params.year,
        req.params.checkId,
        req.body.text,
      );
      return reply.code(204).send(null);
    },
  });

  app.post('/api/declarations/:unit/:year/freeze', {
    schema: {
      tags,
      summary: '生成会签版本（省级）',
      params: unitYear,
      response: { 200: s.frozenCandidate, ...errors },
    },
    handler: async (req) => freezeForSignoff(db, actorOf(req), req.params.unit, req.params.year),
  });

  app.post('/api/signoffs/:snapshotId', {
    schema: {
      tags,
      summary: '会签：确认所见版本的校验码（省级住建、发展改革、财政部门）',
      params: s.signoffParams,
      body: s.signoffBody,
      response: { 200: s.signoffDone, ...errors },
    },
    handler: async (req) => ({
      role: await signOff(db, actorOf(req), req.params.snapshotId, req.body.hash),
    }),
  });

  app.post('/api/declarations/:unit/:year/approval', {
    schema: {
      tags,
      summary: '录入省级人民政府同意文件（multipart：approvedOn、documentNo、file）',
      params: unitYear,
      consumes: ['multipart/form-data'],
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      if (!req.isMultipart())
        throw validation('请以 multipart/form-data 提交（approvedOn、documentNo、file）');
      const fields: Record<string, string> = {};
      let saved = false;
      for await (const part of req.parts()) {
        if (part.type === 'field') fields[part.fieldname] = partText(part.fieldname, part.value);
        else if (part.fieldname === 'file' && !saved) {
          saved = true;
          await recordApproval(
            db,
            actorOf(req),
            req.params.unit,
            req.params.year,
            {
              approvedOn: fields.approvedOn ?? '',
              documentNo: fields.documentNo ?? '',
              fileName: uploadName(part.filename),
              file: part.file,
            },
            uploadDir,
          );
        } else part.file.resume();
      }
      if (!saved) throw validation('请附上批准文件', [{ path: 'file', message: '必填' }]);
      return reply.code(204).send(null);
    },
  });

  app.put('/api/declarations/:unit/:year/contact', {
    schema: {
      tags,
      summary: '填写计划表的联系人及电话（省级，上报前可改；冻结进会签和上报版本）',
      params: unitYear,
      body: s.contactBody,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await saveContact(db, actorOf(req), req.params.unit, req.params.year, req.body);
      return reply.code(204).send(null);
    },
  });

  app.post('/api/declarations/:unit/:year/receipts', {
    schema: {
      tags,
      summary:
        '签收省级上报的计划（住房和城乡建设部、国家发展改革委、财政部各签收一次；重复签收返回同一回执）',
      params: unitYear,
      body: s.receiptBody,
      response: { 200: s.receiptDone, ...errors },
    },
    handler: async (req) =>
      signForReceipt(db, actorOf(req), req.params.unit, req.params.year, req.body?.version),
  });

  app.put('/api/declarations/:unit/:year/deadline', {
    schema: {
      tags,
      summary:
        '上级为下级设置内部截止日期（市级为县级、省级为市级；不晚于上级自身的截止日期；null 为取消）；截止日期随之变动的更下级单位收到通知',
      params: unitYear,
      body: s.deadlineBody,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await setInternalDeadline(
        db,
        actorOf(req),
        req.params.unit,
        req.params.year,
        req.body.deadline,
      );
      return reply.code(204).send(null);
    },
  });

  app.get('/api/declarations-overview', {
    schema: {
      tags,
      summary:
        '各省上报情况（住房和城乡建设部、国家发展改革委、财政部）：未开始、编制中、按时上报、逾期、已退回，三部门签收情况；及年度报送截止日期',
      querystring: yearOnly,
      response: { 200: s.ministryOverview, ...errors },
    },
    handler: async (req) => ministryOverview(db, actorOf(req), req.query.year),
  });

  app.get('/api/notifications', {
    schema: {
      tags,
      summary: '本单位的通知（退回、接收、七天内到期）',
      querystring: yearOnly,
      response: { 200: s.notifications, ...errors },
    },
    handler: async (req) => ({ items: await notificationsFor(db, actorOf(req), req.query.year) }),
  });
}
