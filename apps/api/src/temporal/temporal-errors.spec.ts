import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { domainFailure } from '@app/contracts';
import { ApiError } from '../errors/api-error';
import { RejectedCommandError, translateWorkflowError } from './temporal-errors';

describe('translateWorkflowError', () => {
  it('answers an update an old worker has no handler for (a rolling deploy) as 503, not 500', () => {
    const error = new WorkflowUpdateFailedError('Workflow Update failed', ApplicationFailure.nonRetryable('No registered handler for update: withdrawDirective'));
    expect(translateWorkflowError(error, 'Directive', 'TB-1')).toEqual(expect.objectContaining({ status: 503, code: 'SERVICE_UNAVAILABLE' }));
    expect(translateWorkflowError(error, 'Directive', 'TB-1')).toBeInstanceOf(ApiError);
  });

  it('keeps a domain refusal as the domain said it', () => {
    const error = new WorkflowUpdateFailedError('Workflow Update failed', domainFailure('DIRECTIVE_WITHDRAWN', 'Directive TB-1 was withdrawn'));
    expect(translateWorkflowError(error, 'Directive', 'TB-1')).toEqual(new RejectedCommandError('DIRECTIVE_WITHDRAWN', 'Directive TB-1 was withdrawn'));
  });
});
