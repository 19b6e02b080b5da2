// @web/test-runner reporter that writes {"passed":N,"failed":N,"skipped":N} to a JSON file when
// the run stops (the default reporter stays on for readable output). Used by scripts/test.mjs.
//
// Counting rules:
// - every test in every browser session counts as passed, failed or skipped;
// - a session (test file x browser) that did not pass but has no failed test (the file failed
//   to load or import, threw an uncaught error, timed out, or the browser crashed) counts as
//   1 failed, because @web/test-runner itself would not count it as a failed test.
import fs from 'node:fs';
import path from 'node:path';

function countSuite(suite, counts) {
  if (!suite) return;
  for (const test of suite.tests ?? []) {
    if (test.skipped) counts.skipped++;
    else if (test.passed) counts.passed++;
    else counts.failed++;
  }
  for (const child of suite.suites ?? []) countSuite(child, counts);
}

/** @param {{ outputFile: string }} options */
export function wtrSummaryReporter({ outputFile }) {
  let testFiles = [];
  return {
    start({ testFiles: files }) {
      testFiles = files ?? [];
    },
    stop({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      const failedFiles = [];
      for (const session of sessions ?? []) {
        const own = { passed: 0, failed: 0, skipped: 0 };
        countSuite(session.testResults, own);
        const broken = session.passed !== true || (session.errors ?? []).length > 0;
        if (broken && own.failed === 0) {
          own.failed = 1;
          failedFiles.push(session.testFile);
        }
        counts.passed += own.passed;
        counts.failed += own.failed;
        counts.skipped += own.skipped;
      }
      fs.mkdirSync(path.dirname(outputFile), { recursive: true });
      fs.writeFileSync(
        outputFile,
        `${JSON.stringify({ ...counts, testFiles: testFiles.length, failedFiles })}\n`,
      );
    },
  };
}
