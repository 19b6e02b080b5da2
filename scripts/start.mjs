#!/usr/bin/env node
// `npm start`: serves the demo (demo/index.html) with @web/dev-server on 127.0.0.1.
// TypeScript (demo and workspace packages) is compiled on the fly by esbuild and workspace
// packages resolve to their sources, so no build step is needed. Reloads on file changes.
//   PORT=9000 npm start     (default 8080; the next free port is used if it is taken)
import net from 'node:net';
import path from 'node:path';
import { ensureDeps } from './lib/ensure-deps.mjs';
import { EXPORT_CONDITIONS } from './lib/conditions.mjs';
import { rootDir } from './lib/paths.mjs';

const HOST = '127.0.0.1';

function isFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, HOST, () => server.close(() => resolve(true)));
  });
}

async function findPort(start) {
  for (let port = start; port < start + 50 && port <= 65535; port++) {
    if (await isFree(port)) return port;
  }
  throw new Error(`no free port in ${start}-${start + 49} on ${HOST}`);
}

ensureDeps();
const { startDevServer } = await import('@web/dev-server');
const { esbuildPlugin } = await import('@web/dev-server-esbuild');

const wanted = Number.parseInt(process.env.PORT ?? '', 10) || 8080;
const port = await findPort(wanted);
if (port !== wanted) console.log(`Port ${wanted} is in use, using ${port}`);

await startDevServer({
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
  config: {
    rootDir,
    hostname: HOST,
    port,
    watch: true,
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
    ],
  },
});

console.log(`Live Chat Workspace demo: http://${HOST}:${port}/demo/`);
