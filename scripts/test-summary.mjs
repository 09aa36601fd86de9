// Prints one closing line for the whole run from vitest's JSON reports, with the count per project.
import { readFileSync } from 'node:fs';

// vitest's JSON report does not name the project; the file suffix tells the tier (STYLE.md rule 10).
// Every API file runs twice, once on PGlite and once on PostgreSQL.
function tierOf(file) {
  if (file.includes('/tests/e2e/')) {
    return 'browser (e2e)';
  }
  if (file.endsWith('.int.test.ts')) {
    return 'API (int-pglite + int-postgres)';
  }
  return 'unit';
}

let passed = 0;
let failed = 0;
let skipped = 0;
const perProject = new Map();
for (const file of process.argv.slice(2)) {
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    console.error(`no report at ${file}`);
    failed += 1;
    continue;
  }
  const tz = file.includes('shanghai') ? ' (Asia/Shanghai)' : '';
  for (const suite of report.testResults ?? []) {
    for (const test of suite.assertionResults ?? []) {
      const project = tierOf(suite.name) + tz;
      const counts = perProject.get(project) ?? { passed: 0, failed: 0 };
      if (test.status === 'passed') {
        passed += 1;
        counts.passed += 1;
      } else if (test.status === 'failed') {
        failed += 1;
        counts.failed += 1;
      } else {
        skipped += 1;
      }
      perProject.set(project, counts);
    }
  }
}
console.log('\nSuites that ran:');
for (const [project, c] of perProject) {
  console.log(`  ${project}: ${c.passed} passed, ${c.failed} failed`);
}
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
