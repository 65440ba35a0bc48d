/**
 * The floor the load test compares with (npm run bench:load): a bare Fastify server, with one route
 * answering a small JSON document, started as the gaizao servers are (node bare-server.ts PORT).
 */
import Fastify from 'fastify';

const port = Number(process.argv[2]);
const app = Fastify({ logger: false, trustProxy: (_addr: string, hop: number) => hop < 1 });
app.get('/api/health', async () => ({ ok: true }));
app.get('/bare', async () => ({ ok: true, at: new Date().toISOString() }));
await app.listen({ port, host: '127.0.0.1' });
const stop = async () => {
  await app.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
