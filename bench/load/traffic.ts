/**
 * The month-end traffic (npm run bench:load), driven by autocannon: unit accounts that log in and
 * submit their month's report, one after the other on each connection, while viewers refresh the
 * dashboard, the progress table and the plan table. Every response is recorded by route.
 */
import autocannon from 'autocannon';

/** The callback form answers the instance (to follow and stop); results come by route instead. */
const ignoreResult = (): void => {};

export interface RouteStats {
  latencies: number[];
  statuses: Map<number, number>;
}

/** Responses by route, and the requests that got none (timeouts, resets). */
export class Recorder {
  readonly routes = new Map<string, RouteStats>();
  noResponse = 0;
  record(route: string, status: number, ms: number): void {
    let r = this.routes.get(route);
    if (!r) this.routes.set(route, (r = { latencies: [], statuses: new Map() }));
    r.latencies.push(ms);
    r.statuses.set(status, (r.statuses.get(status) ?? 0) + 1);
  }
  /** Follows an autocannon instance: each response under its connection's current route. */
  follow(instance: autocannon.Instance): void {
    instance.on('response', (client, status, _bytes, ms) => {
      const ctx = (client as unknown as { requestIterator: { context: Ctx } }).requestIterator
        .context;
      this.record(ctx.route ?? '?', status, ms);
    });
    instance.on('reqError', () => this.noResponse++);
  }
}

interface Ctx {
  route?: string;
  unit?: { username: string; code: string };
  cookie?: string;
  csrf?: string;
}

const header = (headers: Record<string, unknown> | undefined, name: string): string => {
  const key = Object.keys(headers ?? {}).find((k) => k.toLowerCase() === name);
  const v = key ? headers![key] : undefined;
  return Array.isArray(v) ? v.join('; ') : String(v ?? '');
};

export interface Session {
  cookie: string;
  csrf: string;
}

/** The session a successful login answers: its cookie and CSRF token. */
export function sessionOf(
  body: string,
  headers: Record<string, unknown> | undefined,
): Session | null {
  const sid = /gaizao_sid=([^;]+)/.exec(header(headers, 'set-cookie'))?.[1];
  if (!sid) return null;
  const csrf = (JSON.parse(body) as { user?: { csrfToken?: string } }).user?.csrfToken ?? '';
  return { cookie: `gaizao_sid=${sid}`, csrf };
}

export interface SubmitOptions {
  url: string;
  units: { username: string; code: string }[];
  password: string;
  year: number;
  period: string;
  connections: number;
}

/**
 * Each unit logs in and submits once: 2 × units requests in all, split evenly between the
 * connections (units must be a multiple of connections, so no connection stops between the two).
 */
export function submitters(o: SubmitOptions, rec: Recorder): autocannon.Instance {
  if (o.units.length % o.connections)
    throw new Error(`单位数 ${o.units.length} 应为连接数 ${o.connections} 的整数倍`);
  let next = 0;
  const instance = autocannon(
    {
      url: o.url,
      connections: o.connections,
      amount: o.units.length * 2,
      timeout: 60,
      requests: [
        {
          method: 'POST',
          path: '/api/auth/login',
          setupRequest: (req, context) => {
            const ctx = context as Ctx;
            ctx.unit = o.units[next++]!;
            ctx.route = 'POST /api/auth/login';
            const body = JSON.stringify({ username: ctx.unit.username, password: o.password });
            return { ...req, headers: { 'content-type': 'application/json' }, body };
          },
          onResponse: (status, body, context, headers) => {
            const s = status === 200 ? sessionOf(body, headers) : null;
            if (s) Object.assign(context, s);
          },
        },
        {
          method: 'POST',
          setupRequest: (req, context) => {
            const ctx = context as Ctx;
            ctx.route = 'POST /api/monthly-reports/:unit/:year/:period';
            return {
              ...req,
              path: `/api/monthly-reports/${ctx.unit!.code}/${o.year}/${o.period}`,
              headers: { cookie: ctx.cookie ?? '', 'x-csrf-token': ctx.csrf ?? '' },
              body: '',
            };
          },
        },
      ],
    },
    ignoreResult,
  );
  rec.follow(instance);
  return instance;
}

export interface ViewOptions {
  url: string;
  /** logged-in viewers with the scope their views ask for */
  viewers: (Session & { scope: string })[];
  year: number;
  month: number;
  connections: number;
}

/** Viewers refresh the three views in turn, each request in the next viewer's session, until stopped. */
export function viewers(o: ViewOptions, rec: Recorder): autocannon.Instance {
  let next = 0;
  const view = (route: string, path: (scope: string) => string): autocannon.Request => ({
    method: 'GET',
    setupRequest: (req, context) => {
      const v = o.viewers[next++ % o.viewers.length]!;
      (context as Ctx).route = `GET ${route}`;
      return { ...req, path: path(v.scope), headers: { cookie: v.cookie } };
    },
  });
  const instance = autocannon(
    {
      url: o.url,
      connections: o.connections,
      duration: 3600,
      timeout: 60,
      requests: [
        view('/api/dashboard', (s) => `/api/dashboard?scope=${s}&year=${o.year}`),
        view(
          '/api/progress-table',
          (s) => `/api/progress-table?scope=${s}&year=${o.year}&month=${o.month}`,
        ),
        view('/api/plan-table', (s) => `/api/plan-table?province=${s}&year=${o.year}`),
      ],
    },
    ignoreResult,
  );
  rec.follow(instance);
  return instance;
}

/** Requests a second on one route for `seconds`, and what failed (empty: nothing). */
export async function throughput(
  url: string,
  headers: Record<string, string>,
  connections: number,
  seconds: number,
): Promise<{ rps: number; failed: string }> {
  const r = await autocannon({ url, headers, connections, duration: seconds, timeout: 30 });
  const failed = [
    r.non2xx && `${r.non2xx} 个非 2xx 响应`,
    r.timeouts && `${r.timeouts} 个超时`,
    r.errors - r.timeouts > 0 && `${r.errors - r.timeouts} 个连接错误`,
  ].filter(Boolean);
  return { rps: r.requests.average, failed: failed.join('，') };
}

/** Logs the viewers in, a few at a time (before the measured run). */
export async function loginAll<T extends { username: string }>(
  url: string,
  accounts: T[],
  password: string,
  parallel = 8,
): Promise<(T & Session)[]> {
  const out: (T & Session)[] = [];
  for (let i = 0; i < accounts.length; i += parallel) {
    const batch = accounts.slice(i, i + parallel);
    const sessions = await Promise.all(
      batch.map(async (a) => {
        const res = await fetch(`${url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: a.username, password }),
        });
        const body = await res.text();
        const s =
          res.status === 200 ? sessionOf(body, { 'set-cookie': res.headers.getSetCookie() }) : null;
        if (!s) throw new Error(`登录 ${a.username} 失败：${res.status} ${body.slice(0, 200)}`);
        return { ...a, ...s };
      }),
    );
    out.push(...sessions);
  }
  return out;
}
