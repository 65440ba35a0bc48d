/** node-flags.js: the V8 heap settings every gaizao process runs with. */
export declare const NODE_FLAGS: readonly string[];
/** The server's: NODE_FLAGS and --no-allocation-site-pretenuring. */
export declare const SERVER_FLAGS: readonly string[];
