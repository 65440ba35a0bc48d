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
