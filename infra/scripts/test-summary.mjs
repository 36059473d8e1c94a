// Prints jest's totals as one plain line ("N passed, N failed, N skipped") from its --json output.
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'test-results/jest.json';
const result = JSON.parse(readFileSync(file, 'utf8'));
console.log(`tests: ${result.numPassedTests} passed, ${result.numFailedTests} failed, ${result.numPendingTests} skipped`);
