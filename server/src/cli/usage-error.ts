/** Bad arguments: exit status 2 (cli.md). */
export class UsageError extends Error {}
