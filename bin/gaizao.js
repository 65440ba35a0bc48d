#!/usr/bin/env -S node --max-semi-space-size=4 --max-old-space-size=2000
/**
 * `gaizao …` (`npx gaizao`, `npm install -g`): the compiled command line in dist/server, built by
 * `npm run build` (and at npm install and npm start; docs/cli.md, "The build"). Started as a
 * command, it runs with the heap settings of node-flags.js (the line above); `node bin/gaizao.js`
 * must be given them.
 */
import { existsSync } from 'node:fs';
import module from 'node:module';

const main = new URL('../dist/server/main.js', import.meta.url);
if (!existsSync(main)) {
  console.error(
    'gaizao 尚未构建：缺少 dist/server/main.js。请在项目目录运行 npm run build（或 npm install）。',
  );
  process.exit(1);
}
// V8's compiled code kept on disk between runs: most of a small command's start is compiling.
module.enableCompileCache?.();
// Stack traces in the TypeScript sources when asked for them (--debug); off otherwise, as reading
// the source maps costs start-up time.
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);
await import(main.href);
