/**
 * Browser journeys: a real `gaizao serve --demo` process on a fresh SQLite file, driven by Debian's
 * Chromium through playwright-core. Without Chromium the suites are skipped, loudly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContextOptions,
  type Locator,
  type Page,
} from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';

export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);

/** describe() when Chromium is there; otherwise a skipped suite and a warning that says how to fix it. */
export function describeBrowser(title: string, fn: () => void): void {
  if (hasChromium) {
    describe(`${title} [browser]`, fn);
    return;
  }
  console.warn(
    `\n⚠ 未找到 Chromium（${chromiumPath}）：浏览器测试已跳过（SKIPPED）。安装：apt-get install chromium fonts-noto-cjk，或设置 CHROMIUM_PATH。\n`,
  );
  describe.skip(`${title} [browser: SKIPPED — no Chromium]`, fn);
}

export interface RunningServer {
  url: string;
  dbPath: string;
  stop: () => Promise<void>;
}

export interface DemoServerOptions {
  /** The server's clock starts at this instant (CLOCK_AT, config.ts) and runs on. */
  clockAt?: string;
  /** More environment for the server process, such as MAP_TILE_URL. */
  env?: Record<string, string>;
}

export async function startDemoServer(options: DemoServerOptions = {}): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'gaizao-e2e-'));
  const dbPath = join(dir, 'e2e.db');
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'server/src/cli/main.ts',
      'serve',
      '--demo',
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--db',
      dbPath,
    ],
    {
      env: { ...process.env, ...options.env, DATABASE_URL: '', CLOCK_AT: options.clockAt ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  // The server takes any free port and prints it: a port picked here and handed over could be
  // taken meanwhile by another test's server, and this test would then talk to that one.
  const deadline = Date.now() + 150_000;
  let url: string;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    const port = /已启动：http:\/\/localhost:(\d+)/.exec(output)?.[1];
    if (port) {
      url = `http://127.0.0.1:${port}`;
      if ((await fetch(`${url}/api/health`).catch(() => undefined))?.ok) break;
    }
    if (Date.now() > deadline) throw new Error(`server did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    dbPath,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `args`: more Chromium switches, e.g. `--lang=en-US` for a browser that speaks English. */
export function launchBrowser(args: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      ...args,
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** The demo accounts' password (server/src/demo/seed.ts). */
export const DEMO_PASSWORD = 'gaizao-demo';

/** A page of a fresh context, signed in as a demo account and showing the home page. */
export async function signIn(
  browser: Browser,
  url: string,
  username: string,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const page = await (await browser.newContext(options)).newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(url);
  await page.locator('#login-username').fill(username);
  await page.locator('#login-password').fill(DEMO_PASSWORD);
  await page.locator('#login-submit').click();
  await page.locator('#current-region').waitFor();
  return page;
}

/** A demo server and a Chromium for one file's tests; the fields are there once beforeAll ran. */
export interface DemoSession {
  url: string;
  /** The server's SQLite file, for a test that prepares data underneath it. */
  dbPath: string;
  browser: Browser;
  /** A page of a fresh context, signed in as a demo account and showing the home page. */
  signIn: (username: string, options?: BrowserContextOptions) => Promise<Page>;
  /** A page of a fresh context, signed in as nobody. */
  newPage: (options?: BrowserContextOptions) => Promise<Page>;
}

/**
 * Starts a demo server and Chromium before the file's tests (beforeAll) and stops them after
 * (afterAll). Hooks the file registers later run after these on the way in and before them on the
 * way out, so they may use the server and close what they opened in it. `browserArgs`: Chromium
 * switches (launchBrowser); `env` is read when the server starts, so it may name what an earlier
 * beforeAll set up.
 */
export function useDemoServer(
  options: {
    clockAt?: string;
    env?: () => Record<string, string>;
    browserArgs?: string[];
  } = {},
): DemoSession {
  const session = {} as DemoSession;
  let server: RunningServer | undefined;
  beforeAll(async () => {
    server = await startDemoServer({ clockAt: options.clockAt, env: options.env?.() });
    const browser = await launchBrowser(options.browserArgs);
    Object.assign(session, {
      url: server.url,
      dbPath: server.dbPath,
      browser,
      signIn: (username: string, context?: BrowserContextOptions) =>
        signIn(browser, server!.url, username, context),
      newPage: async (context?: BrowserContextOptions) =>
        (await browser.newContext(context)).newPage(),
    } satisfies DemoSession);
  });
  afterAll(async () => {
    await session.browser?.close();
    await server?.stop();
  });
  return session;
}

/**
 * Picks `label` in the antd Select whose input has id `selectId`, and waits until the select shows
 * it. On a loaded machine a click can land while the dropdown is still opening or already closing
 * and be lost, as a person's click sometimes is; like a person, this tries again (three times).
 */
export async function chooseOption(page: Page, selectId: string, label: string): Promise<void> {
  const select = page.locator('.ant-select', { has: page.locator(`#${selectId}`) });
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  for (let attempt = 1; ; attempt++) {
    // A retry finds the dropdown open or closed; a click on the select would toggle it.
    if (!(await open.isVisible())) await select.click();
    await open.locator(`.ant-select-item-option[title="${label}"]`).click();
    const shown = async () => (await select.innerText()).includes(label);
    const deadline = Date.now() + 5_000;
    while (!(await shown()) && Date.now() < deadline) await page.waitForTimeout(100);
    if (await shown()) return;
    if (attempt === 3) throw new Error(`下拉框 #${selectId} 选不中“${label}”`);
  }
}

/**
 * Types `value` into the antd date (or month) picker whose input has id `id` and commits it, as a
 * person typing a date does: ISO text ('2026-12-06', '2026-12'), then Enter.
 */
export async function typeDate(page: Page, id: string, value: string): Promise<void> {
  const input = page.locator(`#${id}`);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

/** The open modal, once its opening animation is over (clicks during it can miss). */
export async function openModal(page: Page): Promise<Locator> {
  const open = page.locator('.ant-modal:visible').last();
  await open.waitFor();
  await expect.poll(() => open.evaluate((m) => getComputedStyle(m).opacity)).toBe('1');
  return open;
}

/** The error antd shows under the field whose input has id `id`. */
export const fieldError = (scope: Locator, id: string): Locator =>
  scope
    .locator('.ant-form-item', { has: scope.page().locator(`#${id}`) })
    .locator('.ant-form-item-explain-error');
