/// <reference types="node" />
// `npm test` installs the system packages its suites need before running them: Chromium and
// PostgreSQL, with one apt-get run as root, each package tried at most once per run, and a
// clear line for whatever is still missing.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
// @ts-expect-error: a plain ES module script, without type declarations.
import { ensureSystemPackages, findPostgresBin } from '../../scripts/lib/system-packages.mjs';
// @ts-expect-error: a plain ES module script, without type declarations.
import { aptInstall } from '../../scripts/lib/apt.mjs';

type Found = { chrome?: string; postgresBin?: string };
type Needs = { chromium?: boolean; postgresql?: boolean };

/** A machine where packages appear once "installed", and everything that was logged. */
function machine(options: { has?: string[]; canApt?: boolean; installWorks?: boolean } = {}) {
  const present = new Set(options.has ?? []);
  const installs: string[][] = [];
  const lines: string[] = [];
  const ensure = (needs: Needs, env: Record<string, string> = {}): Found =>
    ensureSystemPackages(needs, {
      env,
      canApt: options.canApt ?? true,
      log: (line: string) => lines.push(line),
      findChrome: () => (present.has('chromium') ? '/usr/bin/chromium' : undefined),
      findPostgresBin: () => (present.has('postgresql') ? '/usr/lib/postgresql/15/bin' : undefined),
      aptInstall: (packages: string[]) => {
        installs.push(packages);
        if (options.installWorks === false) return false;
        for (const name of packages) present.add(name);
        return true;
      },
    });
  return { ensure, installs, lines };
}

test('nothing is installed when everything needed is present', () => {
  const m = machine({ has: ['chromium', 'postgresql'] });
  assert.deepEqual(m.ensure({ chromium: true, postgresql: true }), {
    chrome: '/usr/bin/chromium',
    postgresBin: '/usr/lib/postgresql/15/bin',
  });
  assert.deepEqual(m.installs, []);
  assert.deepEqual(m.lines, []);
});

test('as root, missing Chromium and PostgreSQL are installed in one apt-get run', () => {
  const m = machine();
  const found = m.ensure({ chromium: true, postgresql: true });
  assert.deepEqual(m.installs, [['chromium', 'postgresql']]);
  assert.equal(found.chrome, '/usr/bin/chromium');
  assert.equal(found.postgresBin, '/usr/lib/postgresql/15/bin');
});

test('only what the selected suites need is installed', () => {
  const m = machine();
  m.ensure({ chromium: true });
  assert.deepEqual(m.installs, [['chromium']]);
});

test('a CHROME_PATH that points nowhere is reported, not papered over by an install', () => {
  const m = machine();
  const found = m.ensure({ chromium: true }, { CHROME_PATH: '/nowhere/chrome' });
  assert.deepEqual(m.installs, []);
  assert.equal(found.chrome, undefined);
  assert.match(m.lines.join('\n'), /CHROME_PATH=\/nowhere\/chrome is not an executable/);
});

test('without root, a clear line names CHROME_PATH and how to get PostgreSQL', () => {
  const m = machine({ canApt: false });
  const found = m.ensure({ chromium: true, postgresql: true });
  assert.deepEqual(m.installs, []);
  assert.deepEqual(found, { chrome: undefined, postgresBin: undefined });
  const text = m.lines.join('\n');
  assert.match(text, /Chromium: .*set CHROME_PATH/);
  assert.match(text, /PostgreSQL: not installed .*apt-get install -y postgresql/);
  assert.match(text, /installing needs root and apt-get/);
});

test('a failed install says so for each package still missing', () => {
  const m = machine({ installWorks: false });
  m.ensure({ chromium: true, postgresql: true });
  const text = m.lines.join('\n');
  assert.match(text, /Chromium: no Chromium or Chrome found/);
  assert.match(text, /PostgreSQL: not installed/);
});

test('aptInstall tries each package once per run, updating the lists when install fails', () => {
  const calls: string[] = [];
  const attempted = new Set<string>();
  let listsUpdated = false;
  const run = (args: string[]) => {
    calls.push(args.join(' '));
    if (args[0] === 'update') listsUpdated = true;
    return args[0] === 'update' || listsUpdated;
  };
  const log = () => {};
  assert.equal(aptInstall(['chromium', 'postgresql'], { run, log, attempted }), true);
  assert.deepEqual(calls, [
    'install -y chromium postgresql',
    'update',
    'install -y chromium postgresql',
  ]);
  assert.equal(aptInstall(['postgresql'], { run, log, attempted }), false);
  assert.equal(calls.length, 3, 'a package already tried is not tried again');
});

test('findPostgresBin picks the newest version that has initdb', (t) => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-root-'));
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  assert.equal(findPostgresBin(path.join(root, 'absent')), undefined);
  for (const version of ['9', '15', '16']) {
    fs.mkdirSync(path.join(root, version, 'bin'), { recursive: true });
  }
  for (const version of ['9', '15']) {
    fs.writeFileSync(path.join(root, version, 'bin', 'initdb'), '#!/bin/sh\n', { mode: 0o755 });
  }
  assert.equal(findPostgresBin(root), path.join(root, '15', 'bin'));
});
