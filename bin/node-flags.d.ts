/** node-flags.js: the V8 heap settings every gaizao process runs with. */
export declare const NODE_FLAGS: readonly string[];
