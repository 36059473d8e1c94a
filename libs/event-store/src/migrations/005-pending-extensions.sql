-- The supervisor's queue of extension requests awaiting a decision (GET /api/assignments?pendingExtension=true), in
-- deadline order: few rows at any time, so a small partial index instead of a scan of every summary.
create index assignment_summary_pending_extension on assignment_summary (due_at, assignment_id)
  where summary->>'pendingExtensionDueAt' is not null;
