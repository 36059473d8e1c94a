-- The Office's queue (GET /api/assignments?awaitingDecision=true): proposals to review, reports to confirm and
-- extension requests to decide, in deadline order. It also serves the extension requests alone (a predicate that
-- implies this one), so 005's index goes.
drop index if exists assignment_summary_pending_extension;
create index assignment_summary_awaiting_office on assignment_summary (due_at, assignment_id)
  where stage in ('proposed', 'reported') or summary->>'pendingExtensionDueAt' is not null;
