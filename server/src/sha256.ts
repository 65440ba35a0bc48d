/**
 * A SHA-256 hash, with node:crypto loaded at the first one rather than when a module imports it:
 * loading crypto is some 7 ms, a fifth of a bare Node's start, and a command that hashes nothing
 * (`gaizao verify` on an empty database, `gaizao --help`) should not pay it (docs/cli.md,
 * "Start-up").
 */
import type { Hash } from 'node:crypto';

export function sha256(): Hash {
  return process.getBuiltinModule('node:crypto').createHash('sha256');
}
