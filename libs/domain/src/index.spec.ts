import * as domain from '@app/domain';

describe('@app/domain public API', () => {
  it('lists every event type with schema version 1', () => {
    expect(domain.EVENT_TYPES).toEqual([
      'AssignmentCreated', 'AssignmentAcknowledged', 'ResearchRecorded', 'ProposalSubmitted', 'ProposalAccepted', 'ProposalReturned',
      'EscalatedToCentre', 'CentreResponded', 'ReportSubmitted', 'ReportConfirmed', 'ReportRejected', 'ExtensionRequested',
      'ExtensionApproved', 'ExtensionDenied', 'ExtensionRequestWithdrawn', 'ExtensionRequestLapsed', 'AssignmentWithdrawn', 'ReminderSent', 'MarkedOverdue', 'EscalatedToLevel',
      'StageDeadlineMissed', 'TrackProgressRecorded', 'AssignmentClosed', 'DirectiveCreated', 'CompiledReportProduced', 'DirectiveWithdrawn',
    ]);
    expect(new Set(Object.values(domain.EVENT_SCHEMA_VERSION))).toEqual(new Set([1]));
  });

  it('throws DomainError named as the API error filter expects, with the codes it maps', () => {
    const error = new domain.DomainError('NOT_PERMITTED', 'no');
    expect([error.name, error.code, error instanceof Error, domain.isDomainError(error)]).toEqual(['DomainError', 'NOT_PERMITTED', true, true]);
    expect(domain.DOMAIN_ERROR_CODES).toEqual(expect.arrayContaining(['VALIDATION_FAILED', 'EXTENSION_DATE_IN_PAST', 'NOT_PERMITTED', 'ASSIGNMENT_NOT_FOUND', 'DIRECTIVE_NOT_FOUND', 'ASSIGNMENT_CLOSED', 'EXTENSION_NOT_PENDING', 'INVALID_TRANSITION', 'ASSIGNMENT_ALREADY_EXISTS']));
  });

  it('exports the deciders and calendar helpers', () => {
    expect(domain.decideAssignment).toBe(domain.decide);
    expect(domain.evolveAssignment).toBe(domain.evolve);
    expect(domain.resolveDeadline({ kind: 'workingDays', days: 1 }, '2024-02-07T09:00:00+07:00')).toBe('2024-02-15T16:59:59.999Z');
    expect(domain.trackIdOf('TB-1.2', 'UBND-HLA')).toBe('TB-1.2.UBND-HLA');
  });
});
