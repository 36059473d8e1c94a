-- Each agency's own key for signing the notifications posted to its webhook (set with the webhook, shown once).
-- Null for webhooks set before: those are signed with DONDOC_WEBHOOK_SECRET until set again.
alter table agency_webhooks add column secret text;
