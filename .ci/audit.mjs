// Fails on any high or critical advisory in the production dependencies (`npm audit --omit=dev`).
// Where the registry's audit endpoint cannot be reached (this workplace's registry mirror answers
// 405), it says so plainly and does not pretend to have checked: the step reports, never passes
// silently.
import { spawnSync } from 'node:child_process';

const result = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(result.stdout);
} catch {
  console.log(`npm audit: no report (exit ${result.status}); the audit endpoint could not be asked.`);
  process.exit(0);
}
if (report.statusCode !== undefined || report.error !== undefined) {
  console.log(`npm audit: the audit endpoint answered ${report.statusCode ?? 'an error'}: NOT CHECKED here.`);
  process.exit(0);
}
const counts = report.metadata?.vulnerabilities ?? {};
console.log(`npm audit --omit=dev: ${JSON.stringify(counts)}`);
if ((counts.high ?? 0) + (counts.critical ?? 0) > 0) {
  console.error('npm audit: high or critical advisories in production dependencies.');
  process.exit(1);
}
