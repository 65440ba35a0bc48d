import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clockFrom, loadConfig, loadSecurity } from './config.ts';

describe('configuration', () => {
  const saved = process.env.UPLOAD_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.UPLOAD_DIR;
    else process.env.UPLOAD_DIR = saved;
  });

  it('keeps uploaded files beside the SQLite file, or in ./data/uploads for PostgreSQL', () => {
    delete process.env.UPLOAD_DIR;
    expect(loadConfig({ databaseUrl: './data/gaizao.db' }).uploadDir).toBe(join('data', 'uploads'));
    expect(loadConfig({ databaseUrl: 'file:/srv/gaizao/main.db' }).uploadDir).toBe(
      '/srv/gaizao/uploads',
    );
    expect(loadConfig({ databaseUrl: 'postgres://u@h/db' }).uploadDir).toBe('./data/uploads');
  });

  it('takes UPLOAD_DIR when it is set', () => {
    process.env.UPLOAD_DIR = '/var/lib/gaizao/files';
    expect(loadConfig({ databaseUrl: './data/gaizao.db' }).uploadDir).toBe('/var/lib/gaizao/files');
  });

  it('reads TRUST_PROXY as a number of proxy hops, and refuses anything else', () => {
    const saved = process.env.TRUST_PROXY;
    try {
      delete process.env.TRUST_PROXY;
      expect(loadConfig().trustProxyHops).toBe(0);
      process.env.TRUST_PROXY = '1';
      expect(loadConfig().trustProxyHops).toBe(1);
      process.env.TRUST_PROXY = '2';
      expect(loadConfig().trustProxyHops).toBe(2);
      process.env.TRUST_PROXY = 'yes';
      expect(() => loadConfig()).toThrow(/TRUST_PROXY/);
    } finally {
      if (saved === undefined) delete process.env.TRUST_PROXY;
      else process.env.TRUST_PROXY = saved;
    }
  });

  it('reads session and password limits, with 30 minutes, 12 hours and no expiry by default', () => {
    expect(loadSecurity({})).toEqual({
      sessionIdleMinutes: 30,
      sessionMaxHours: 12,
      passwordMaxAgeDays: null,
    });
    expect(
      loadSecurity({
        SESSION_IDLE_MINUTES: '15',
        SESSION_MAX_HOURS: '8',
        PASSWORD_MAX_AGE_DAYS: '90',
      }),
    ).toEqual({ sessionIdleMinutes: 15, sessionMaxHours: 8, passwordMaxAgeDays: 90 });
    expect(() => loadSecurity({ SESSION_IDLE_MINUTES: 'soon' })).toThrow(/SESSION_IDLE_MINUTES/);
  });

  it('runs the clock from CLOCK_AT when set, the real one otherwise, and refuses a bad instant', () => {
    let real = Date.parse('2030-01-01T00:00:00Z');
    const tick = () => new Date(real);
    expect(clockFrom(undefined, tick)).toBe(tick);
    expect(clockFrom(' ', tick)).toBe(tick);
    const clock = clockFrom('2026-12-31T10:00:00+08:00', tick);
    expect(clock().toISOString()).toBe('2026-12-31T02:00:00.000Z');
    real += 60_000; // a minute later, the set clock has moved on by a minute too
    expect(clock().toISOString()).toBe('2026-12-31T02:01:00.000Z');
    expect(() => clockFrom('明天', tick)).toThrow(/CLOCK_AT.*明天/);
  });
});
