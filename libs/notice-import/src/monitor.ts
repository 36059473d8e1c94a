import { matchAgencies } from '@app/agencies';
import { afterOpeningTrigger, readAddressees } from './addressees';
import type { MonitorSpec } from './notice-types';
import { assignRoles } from './roles';
import { fold } from './text-utils';

export const DEFAULT_MONITOR = 'VPTU';

const REPORT_TO = /báo\s+cáo\s+(?:lên\s+|về\s+)?$/u;

/** The body after the last "báo cáo" of the paragraph: who the monitor reports to. */
function reportsTo(paragraph: string): string | undefined {
  const folded = fold(paragraph);
  const targets = matchAgencies(paragraph).filter((m) => REPORT_TO.test(folded.slice(Math.max(0, m.span[0] - 20), m.span[0])));
  return targets[targets.length - 1]?.code;
}

/**
 * The closing paragraph "Văn phòng Tỉnh ủy phối hợp B, C theo dõi, tổng hợp … báo cáo Ban Thường vụ Tỉnh ủy":
 * its lead monitors, the bodies it works with coordinate, and it reports to the body after "báo cáo" (else the
 * issuer). Without such a paragraph the Office of the Tỉnh ủy monitors.
 */
export function readMonitor(paragraph: string | undefined, issuer: string): MonitorSpec {
  if (paragraph === undefined) return { agencyCode: DEFAULT_MONITOR, coordinators: [], reportsTo: issuer, paragraph: '' };
  const roles = assignRoles(readAddressees(paragraph, afterOpeningTrigger(paragraph)).listed);
  const lead = roles?.agencies.find((a) => a.role === 'lead')?.code ?? DEFAULT_MONITOR;
  const coordinators = (roles?.agencies ?? []).filter((a) => a.role !== 'lead').map((a) => a.code);
  return { agencyCode: lead, coordinators, reportsTo: reportsTo(paragraph) ?? issuer, paragraph };
}
