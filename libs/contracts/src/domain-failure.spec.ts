import { ApplicationFailure } from '@temporalio/common';
import { domainFailure, domainFailureDetail } from './domain-failure';

describe('domainFailureDetail', () => {
  it('reads back the code and details a domain failure was packed with', () => {
    expect(domainFailureDetail(domainFailure('ASSIGNMENT_CLOSED', 'closed', { assignmentId: 'TB-1' }))).toEqual({ code: 'ASSIGNMENT_CLOSED', details: { assignmentId: 'TB-1' } });
    expect(domainFailureDetail(domainFailure('NOT_PERMITTED', 'no'))).toEqual({ code: 'NOT_PERMITTED', details: undefined });
  });

  it('gives nothing for any other failure', () => {
    expect(domainFailureDetail(ApplicationFailure.create({ type: 'Other', message: 'x', details: [{ code: 'ASSIGNMENT_CLOSED' }] }))).toBeUndefined();
    expect(domainFailureDetail(new Error('not found'))).toBeUndefined();
  });
});
