#!/usr/bin/env node
// `npm run chaos`: the seeded fault-injection suite of the client, as long as you like.
//
//   npm run chaos -- --seeds 500 [--faults 200] [--from 1] [--violations 20] [--no-recovery]
//
// Runs seeds from, from+1, … (default 20 seeds from 1, 200 faults each) over the memory backend
// (see packages/adapters/src/fault-injection), each also without faults to compare the cost of
// recovery (unless --no-recovery). Prints the first violations, one line per kind with the first
// seed that shows it, the recovery line, and last exactly one summary line:
//   chaos: S seeds, F faults, lost L, duplicated D, reordered R, counter mismatches C, stuck K, snapshots N, history calls H
// The exit code is non-zero when anything was violated (or recovery cost more than twice as much).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = fileURLToPath(import.meta.url);
const rootDir = path.resolve(path.dirname(here), '..');
const CHILD = 'LIVE_CHAT_CHAOS_CHILD';

function usage(message) {
  if (message) console.error(`chaos: ${message}`);
  console.error(
    'usage: npm run chaos -- [--seeds N] [--faults F] [--from K] [--violations V] [--no-recovery]',
  );
  process.exit(2);
}

function parseArgs(argv) {
  const options = { seeds: 20, faults: 200, from: 1, violations: 20, recovery: true };
  const numeric = {
    '--seeds': 'seeds',
    '--faults': 'faults',
    '--from': 'from',
    '--violations': 'violations',
  };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let value;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      value = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    if (arg === '--no-recovery') {
      options.recovery = false;
      continue;
    }
    if (arg === '--help' || arg === '-h') usage();
    const key = numeric[arg];
    if (!key) usage(`unknown option ${arg}`);
    value ??= argv[++i];
    const number = Number(value);
    if (!Number.isInteger(number) || number < 0) usage(`${arg} needs a whole number, got ${value}`);
    options[key] = number;
  }
  if (options.seeds < 1) usage('--seeds must be at least 1');
  return options;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const entry = path.join(rootDir, 'packages/adapters/src/fault-injection/index.ts');
  const { runChaos, summaryLine } = await import(pathToFileURL(entry).href);
  const seeds = Array.from({ length: options.seeds }, (_, i) => options.from + i);
  const report = await runChaos({
    seeds,
    faults: options.faults,
    measureRecovery: options.recovery,
    maxViolations: options.violations,
  });

  for (const line of report.violations) console.log(line);
  for (const [kind, { count, firstSeed }] of Object.entries(report.violationKinds))
    console.log(`violations: ${kind} ${count} (first seed ${firstSeed})`);
  let recoveryFailed = false;
  if (report.recovery) {
    const { faultFree, seedsOverTwice } = report.recovery;
    recoveryFailed = seedsOverTwice.length > 0;
    const over = seedsOverTwice.slice(0, 10).join(', ') + (seedsOverTwice.length > 10 ? ', …' : '');
    console.log(
      `recovery: fault-free snapshots ${faultFree.snapshots}, history calls ${faultFree.historyCalls}; ` +
        `with faults snapshots ${report.snapshots}, history calls ${report.historyCalls}; ` +
        `seeds over 2×: ${seedsOverTwice.length}${seedsOverTwice.length ? ` (${over})` : ''}`,
    );
  }
  console.log(summaryLine(report));
  process.exitCode = report.violationCount > 0 || recoveryFailed ? 1 : 0;
}

if (process.env[CHILD]) {
  await main();
} else {
  // Run again with the TypeScript loader, resolving workspace packages to their sources.
  const result = spawnSync(
    process.execPath,
    ['--conditions=@live-chat/source', '--import', 'tsx', here, ...process.argv.slice(2)],
    { cwd: rootDir, stdio: 'inherit', env: { ...process.env, [CHILD]: '1' } },
  );
  process.exit(result.status ?? 1);
}
