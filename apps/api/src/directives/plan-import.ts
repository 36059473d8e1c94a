import type { CreateDirectiveRequest } from '@app/contracts';
import { noticeFingerprint, parseNotice, type ParseError, type Warning } from '@app/notice-import';
import { directiveFromNotice, withDirectiveScopedIds } from './notice-to-directive';

export const DEFAULT_IMPORT_DEADLINE = { kind: 'workingDays', days: 30 } as const;

export type ImportPlan =
  | { ok: true; directiveId: string; directive: CreateDirectiveRequest['directive']; warnings: Warning[] }
  | { ok: false; error: ParseError };

/**
 * What importing this notice would create. The directive id is the notice's fingerprint, so importing the same
 * notice twice (even re-typed with other line breaks or decomposed Unicode) creates nothing new.
 */
export function planImport(text: string): ImportPlan {
  const parsed = parseNotice(text, { defaultDeadline: DEFAULT_IMPORT_DEADLINE });
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const directiveId = noticeFingerprint(parsed.notice);
  return { ok: true, directiveId, directive: withDirectiveScopedIds(directiveId, directiveFromNotice(parsed.notice, DEFAULT_IMPORT_DEADLINE)), warnings: parsed.warnings };
}
