/**
 * The V8 heap settings every gaizao process runs with: the server and the command line (the first
 * line of bin/gaizao.js, `npm start`, the systemd unit of docs/deploy.md) and the benchmarks that
 * measure them. server/src/cli/build.test.ts holds those places to this list.
 *
 * Left to itself on a machine with gigabytes to spare, V8 lets the heap reach several times what
 * is alive before it collects: the national csv import, with 30–90 MB alive, peaked at 440–470 MB
 * (docs/benchmarks.md, "The heap's settings").
 * - `--max-semi-space-size=4`: the young generation's halves stay at 4 MB, not 32. Rows of a batch
 *   in flight outlive a few young collections whatever their size, so a larger one only holds more.
 * - `--max-old-space-size=2000`: below 2048 MB, V8 lets the old generation grow by at most about
 *   twice what survived its last full collection, not four times. 2 GB is still far above what the
 *   server keeps alive under load (bench:load).
 */
export const NODE_FLAGS = Object.freeze(['--max-semi-space-size=4', '--max-old-space-size=2000']);
