/**
 * The V8 heap settings every gaizao process runs with: the server and the command line (the first
 * line of bin/gaizao.js, `npm start`, the systemd unit of docs/deploy.md) and the benchmarks that
 * measure them. server/src/cli/build.test.ts holds those places to this list.
 *
 * Left to itself on a machine with gigabytes to spare, V8 lets the heap reach several times what
 * is alive before it collects: the national csv import, with 30–90 MB alive, peaked at 440–470 MB
 * (docs/benchmarks.md, "The heap's settings").
 * - `--max-semi-space-size=4`: the young generation's halves stay at 4 MB (V8 lets them grow to
 *   tens of MB on a large machine). With this alone: 339 MB, in 8.26 s against 8.08–8.11 s.
 * - `--max-old-space-size=2000`: below 2048 MB, V8's heap controller lets the old generation grow
 *   to about twice what survived its last full collection, not four times. With both: 267–275 MB,
 *   in 8.3–8.5 s. The month-end load test passes with the 2 GB cap (docs/benchmarks-load.md, run
 *   C); the servers' heap there was not measured.
 */
export const NODE_FLAGS = Object.freeze(['--max-semi-space-size=4', '--max-old-space-size=2000']);

/**
 * The server's settings (`npm start`, the systemd unit of docs/deploy.md, the load test's servers,
 * the benchmarks' children, which measure what the server does): NODE_FLAGS and
 * `--no-allocation-site-pretenuring`. V8 then does not decide, from a young collection in which
 * many objects of one allocation site survived, to allocate that site's objects in the old
 * generation from then on. Left on, it at times did so for an xlsx's parse (the import's worker),
 * whose objects die young: the old generation filled twice a second and the parse ran at up to
 * half speed. Of ten parses of the national file, eight took 13.7–18.6 s with 76–89 full
 * collections, two 11.4–11.5 s with 13–18; with the setting, three of three took 9.2–11.3 s with
 * 7–8, and peaked at 206–221 MB against 233–260 MB. In two full runs an hour apart, not
 * alternated, the xlsx import took 11.5 s against 14.9 s on SQLite, 22.6 s against 27.2 s on
 * PostgreSQL (docs/benchmarks.md, 2026-12-08).
 *
 * Not on the command line's first line: every start took 11 ms longer with it (`gaizao verify`,
 * 80–82 ms against 69–70 ms, alternated), past the start-up target. `gaizao serve` started as a
 * command runs without it, correctly, with the slower parse.
 */
export const SERVER_FLAGS = Object.freeze([...NODE_FLAGS, '--no-allocation-site-pretenuring']);
