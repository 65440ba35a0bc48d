/**
 * Every route states what it answers (issue 12, part 1): the OpenAPI document, generated from the
 * routes' zod schemas, lists a response schema for each operation's success status. A route without
 * one is serialised with plain JSON.stringify (so nothing guards what leaves the server) and the
 * web has to guess its shape. Routes that answer a file (xlsx, csv, pdf, images, print html)
 * declare their content type instead.
 *
 * The document does not depend on the database engine, so this runs on SQLite only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './bootstrap.ts';
import type { Db } from './db/create-db.ts';
import { buildApp } from './app.ts';
import type { App } from './http.ts';
import { newDatabaseUrl } from './test-support/engines.ts';
import { addUser, loginAs } from './test-support/fixtures.ts';

/**
 * Operations allowed to lack a success response schema, each with its reason:
 * `'GET /api/…': 'why'`. None today (issue 12); a new entry needs a reason a reviewer accepts.
 */
const ALLOWED: Record<string, string> = {};

interface MediaType {
  schema?: Record<string, unknown>;
}
interface Operation {
  responses?: Record<string, { content?: Record<string, MediaType> }>;
}
type Paths = Record<string, Record<string, Operation>>;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Why an operation fails the rule, or undefined when it states its success answer. */
function problem(op: Operation): string | undefined {
  const success = Object.entries(op.responses ?? {}).filter(([code]) => /^2(\d\d|XX)$/.test(code));
  if (success.length === 0) return '没有成功状态（2xx）的响应';
  for (const [code, res] of success) {
    if (code === '204') continue;
    const content = res.content;
    if (!content || Object.keys(content).length === 0) return `${code} 没有响应结构`;
    for (const [type, media] of Object.entries(content)) {
      const isJson = type.includes('json');
      const schema = media.schema ?? {};
      // An empty JSON schema is z.any()/z.unknown(): it says nothing about the body.
      if (isJson && Object.keys(schema).length === 0) return `${code} ${type} 的结构为空`;
    }
  }
  return undefined;
}

describe('OpenAPI document', () => {
  let db: Db;
  let target: ReturnType<typeof newDatabaseUrl>;
  let app: App;
  let paths: Paths;
  beforeAll(async () => {
    target = newDatabaseUrl('sqlite');
    db = await openDatabase(target.url);
    app = await buildApp({ db, serveWeb: false });
    await addUser(db.db, 'root', '000000', ['admin']);
    const admin = await loginAs(app, 'root');
    const res = await admin.get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    paths = res.json().paths;
  });
  afterAll(async () => {
    await app.close();
    await db.destroy();
    await target.cleanup();
  });

  it('lists a response schema (or a file content type) for every operation’s success status', () => {
    const failing: string[] = [];
    let operations = 0;
    for (const [path, item] of Object.entries(paths)) {
      for (const method of METHODS) {
        const op = item[method];
        if (!op) continue;
        operations++;
        const key = `${method.toUpperCase()} ${path}`;
        const why = problem(op);
        if (why && !(key in ALLOWED)) failing.push(`${key}: ${why}`);
      }
    }
    expect(operations).toBeGreaterThan(80);
    if (failing.length > 0)
      console.log(`缺少响应结构的接口（${failing.length}）：\n${failing.join('\n')}`);
    expect(failing).toEqual([]);
  });

  it('keeps the allow-list honest: every entry names an operation that still lacks a schema', () => {
    const stale = Object.keys(ALLOWED).filter((key) => {
      const [method, path] = key.split(' ');
      const op = paths[path!]?.[method!.toLowerCase()];
      return !op || problem(op) === undefined;
    });
    expect(stale).toEqual([]);
  });
});
