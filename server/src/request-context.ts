/**
 * What a service may need to know of the HTTP request it serves without being handed it: the
 * client's address, for the audit log's 地址 (docs/security.md, 安全审计: who, when, where). Set
 * for each request by app.ts; absent for the command line and for work no request started.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const store = new AsyncLocalStorage<{ ip: string }>();

/** Runs the rest of a request's handling (`next`) with its client's address known. */
export const withRequest = (ip: string, next: () => void): void => store.run({ ip }, next);

/** The address of the client whose request is being served, if any. */
export const requestIp = (): string | undefined => store.getStore()?.ip;
