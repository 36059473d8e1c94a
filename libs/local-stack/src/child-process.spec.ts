import { lastLines } from './child-process';

describe('lastLines', () => {
  it('keeps the last non-blank lines of what a process said, errors by their message', () => {
    const said = lastLines(2);
    said.keep('starting\n\n');
    said.keep(new Error('FATAL: lock file "postmaster.pid" already exists'));
    said.keep('HINT: Is another postmaster running?\n');
    expect(said.lines()).toEqual(['FATAL: lock file "postmaster.pid" already exists', 'HINT: Is another postmaster running?']);
  });
});
