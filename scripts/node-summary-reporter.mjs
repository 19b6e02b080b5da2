// Custom reporter for node's test runner: counts individual tests and yields one JSON object
// {"passed":N,"failed":N,"skipped":N} when the run ends. Used by scripts/test.mjs through
// `--test-reporter=./scripts/node-summary-reporter.mjs --test-reporter-destination=<file>`.
//
// Counting rules (verified on Node 20):
// - suites (describe) are not tests: their pass/fail events are ignored; a failing hook or a
//   suite that throws while being defined fails (cancels) its tests, which are counted;
// - skip and todo tests count as skipped;
// - a test file that fails to import, or that crashes outside any test, is reported by node as
//   one failing test named after the file: counted as 1 failed.
const isSet = (flag) => flag !== undefined && flag !== false; // `skip: 'reason'` counts too

export default async function* summaryReporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const data = event.data ?? {};
    if (data.details?.type === 'suite') continue;
    if (isSet(data.skip) || isSet(data.todo)) counts.skipped++;
    else if (event.type === 'test:pass') counts.passed++;
    else counts.failed++;
  }
  yield `${JSON.stringify(counts)}\n`;
}
