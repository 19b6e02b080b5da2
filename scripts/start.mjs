#!/usr/bin/env node
// `npm start`: the live chat server on SQLite plus the demo page that connects to it.
//
// - The live chat server (@live-chat/server: createLiveChatServer + createSqliteBackend) keeps
//   its data in a data directory (default .data/ in the repository, git-ignored). The first run
//   creates it with the demo's seed data and a generated HS256 secret; later runs go on with the
//   same data. Development mode: POST /dev/token signs tokens for the demo's user switcher.
//   Simulated customers write in server-side (demo/server.ts).
// - The demo page (demo/index.html) and the customer page (demo/customer.html) are served by
//   @web/dev-server: TypeScript is compiled on the fly by esbuild and workspace packages resolve
//   to their sources, so no build step is needed. Reloads on file changes.
//
//   npm start                        server mode, page on 8080 (the next free port if taken)
//   npm start -- --in-page           the whole backend in the page (memory + IndexedDB), no server
//   npm start -- --reset             delete the data directory first (start again from the seed)
//   npm start -- --data-dir DIR      another data directory (or LIVE_CHAT_DATA_DIR=DIR)
//   npm start -- --port N            the page's port (or PORT=N); 0 picks free ports
//   npm start -- --no-watch          no reloads on file changes
//   npm start -- --logs              the live chat server's JSON logs (level: LOG_LEVEL)
import fs from 'node:fs';
import { register } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureDeps } from './lib/ensure-deps.mjs';
import { EXPORT_CONDITIONS } from './lib/conditions.mjs';
import { rootDir } from './lib/paths.mjs';

const HOST = '127.0.0.1';

const { values: args } = parseArgs({
  options: {
    'in-page': { type: 'boolean', default: false },
    reset: { type: 'boolean', default: false },
    'data-dir': { type: 'string' },
    port: { type: 'string' },
    'no-watch': { type: 'boolean', default: false },
    logs: { type: 'boolean', default: false },
  },
  allowPositionals: false,
});

function isFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, HOST, () => server.close(() => resolve(true)));
  });
}

async function findPort(start, taken = []) {
  if (start === 0) return 0;
  for (let port = start; port < start + 50 && port <= 65535; port++) {
    if (!taken.includes(port) && (await isFree(port))) return port;
  }
  throw new Error(`no free port in ${start}-${start + 49} on ${HOST}`);
}

/** Reads a JSON request body (at most 64 KiB) of a Koa context. */
async function readJson(request, maxBytes) {
  let size = 0;
  const chunks = [];
  for await (const chunk of request) {
    size += chunk.length;
    if (size > maxBytes) throw Object.assign(new Error('The body is too large.'), { status: 413 });
    chunks.push(chunk);
  }
  if (size === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw Object.assign(new Error('The body is not JSON.'), { status: 400 });
  }
}

/**
 * Loads the workspace's TypeScript sources in this process: tsx compiles them, and the
 * '@live-chat/source' condition resolves workspace packages to their sources (no build needed).
 */
async function loadSources() {
  const { register: registerTsx } = await import('tsx/esm/api');
  registerTsx();
  const hook = `export async function resolve(specifier, context, next) {
    const conditions = context.conditions.includes('@live-chat/source')
      ? context.conditions
      : ['@live-chat/source', ...context.conditions];
    return next(specifier, { ...context, conditions });
  }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
}

ensureDeps();
const { startDevServer } = await import('@web/dev-server');
const { esbuildPlugin } = await import('@web/dev-server-esbuild');

const inPage = args['in-page'];
const portArg = args.port ?? process.env.PORT ?? '';
const wanted = /^\d+$/.test(portArg) ? Number(portArg) : 8080;
const port = await findPort(wanted);
if (port !== wanted) console.log(`Port ${wanted} is in use, using ${port}`);

let demo;
if (!inPage) {
  const dataDir = path.resolve(
    rootDir,
    args['data-dir'] ?? process.env.LIVE_CHAT_DATA_DIR ?? '.data',
  );
  if (args.reset) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    console.log(`Deleted ${dataDir}`);
  }
  await loadSources();
  const { startDemoServer } = await import(
    pathToFileURL(path.join(rootDir, 'demo/server.ts')).href
  );
  demo = await startDemoServer({
    dataDir,
    port: await findPort(port === 0 ? 0 : port + 1, [port]),
    logs: args.logs,
  });
  console.log(
    demo.created
      ? `Created ${dataDir} with the demo data (SQLite) and a development secret`
      : `Opened ${dataDir} (SQLite)`,
  );
}

/** The demo API (server mode: demo/server.ts; in-page mode: only the config). */
async function demoApi(context, next) {
  if (!context.path.startsWith('/demo-api/')) return next();
  const apiPath = context.path.slice('/demo-api/'.length);
  try {
    if (!demo) {
      if (apiPath !== 'config') return next();
      context.body = { mode: 'in-page' };
      return undefined;
    }
    // A visitor's message may carry files (in base64); anything else is small.
    const maxBytes = apiPath === 'customer/messages' ? 48 * 1024 * 1024 : 65_536;
    const body = context.method === 'POST' ? await readJson(context.req, maxBytes) : undefined;
    const answer = await demo.handle(
      context.method,
      apiPath,
      body,
      new URLSearchParams(context.querystring),
    );
    if (!answer) return next();
    context.status = answer.status;
    context.body = answer.body;
  } catch (error) {
    context.status = error.status ?? 500;
    context.body = { error: { message: error.message } };
  }
  context.set('cache-control', 'no-store');
  return undefined;
}

const devServer = await startDevServer({
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
  autoExitProcess: false,
  config: {
    rootDir,
    hostname: HOST,
    port,
    watch: !args['no-watch'],
    clearTerminalOnReload: false,
    nodeResolve: { exportConditions: EXPORT_CONDITIONS, extensions: ['.ts', '.mjs', '.js'] },
    plugins: [
      // tsconfig.base.json carries experimentalDecorators / useDefineForClassFields: false.
      esbuildPlugin({ ts: true, tsconfig: path.join(rootDir, 'tsconfig.base.json') }),
    ],
    middleware: [
      // The demo lives in demo/; the server root is the repository so packages resolve.
      function demoRoot(context, next) {
        if (context.path === '/' || context.path === '/demo') {
          context.redirect('/demo/');
          return undefined;
        }
        return next();
      },
      demoApi,
    ],
  },
});

const pagePort = devServer.server.address().port;
console.log(`Live Chat Workspace demo: http://${HOST}:${pagePort}/demo/`);
if (demo) {
  console.log(`Customer page: http://${HOST}:${pagePort}/demo/customer.html`);
  console.log(
    `Live chat server: ${demo.server.wsUrl} (development tokens: POST ${demo.server.url}/dev/token)`,
  );
} else {
  console.log('In-page mode: the backend runs in the page (memory + IndexedDB)');
}

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await Promise.allSettled([devServer.stop(), demo?.close()]);
  process.exit(0);
}
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
