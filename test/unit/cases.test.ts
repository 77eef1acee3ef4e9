// One runner for every case file in test/cases/ (see test/support/cases.ts for the format):
// adding a case is adding a file; a failing case prints the rules that read each item.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { REPO_ROOT } from '../support/paths';
import { caseFiles, readCase, runCase } from '../support/cases';

const CASES = path.join(REPO_ROOT, 'test', 'cases');
const files = caseFiles(CASES);

test('the case folder holds cases', () => {
  assert.ok(files.length > 0, `no case files in ${CASES}`);
});

for (const file of files) {
  test(`case ${path.relative(CASES, file)}`, () => {
    const result = runCase(readCase(file, REPO_ROOT));
    assert.deepEqual(result.failures, [], '\n' + result.failures.join('\n'));
  });
}
