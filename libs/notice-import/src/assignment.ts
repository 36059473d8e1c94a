import { findAgency } from '@app/agencies';
import { type AddresseeList, readAddressees, readAddresseesAfterTrigger, type Phrase } from './addressees';
import { isCentralCompetence } from './central-competence';
import { findDeadlines } from './deadline';
import type { DeadlineSpec, ParsedAssignment, Warning } from './notice-types';
import { assignRoles, isCentralBody, type RoleAssignment } from './roles';
import type { Block } from './section-three';
import { collapseWhitespace, fold, keywordPattern } from './text-utils';

export interface AssignmentContext {
  readonly source: string;
  readonly issuedOn: string;
  readonly defaultDeadline: DeadlineSpec;
  /** Takes the items that name no registry body (see `addressed`). */
  readonly monitor: string;
  /** The body that issued the notice: named first in an item, it decides, and the one it assigns ("giao") does the work. */
  readonly issuer: string;
}

interface Item {
  readonly key: string;
  readonly body: string;
  /** Offset of `body` in the source. */
  readonly offset: number;
  readonly span: [number, number];
}

const EMPTY: AddresseeList = { listed: [], vague: [], end: 0 };

/** The issuer and the Standing Committee's standing board decide; a district committee's request ("kiến nghị") asks. */
const DECIDERS = new Set(['BTVTU', 'TTTU', 'TU']);
const ASKS = new RegExp(`^[\\s,;:]*${fold('kiến nghị')}`, 'u');
const LEADS = new RegExp(fold('chủ trì'), 'u');
/** Words that open a clause of purpose or basis before the subject: "Để …, Ban cán sự đảng UBND tỉnh chỉ đạo …". */
const OPENING_CLAUSE = new RegExp(`^(?:${['để', 'nhằm', 'trên cơ sở', 'căn cứ', 'sau khi', 'qua', 'theo', 'thực hiện', 'đối với', 'trước mắt'].map(keywordPattern).join('|')})(?![\\p{L}\\p{N}\\p{M}])`, 'u');

/**
 * The bodies named right after a comma of an opening clause, when the item opens with one: the first comma, in the
 * item's first sentence, after which a body of the registry follows (the clause may hold commas of its own: "Để tháo
 * gỡ khó khăn, vướng mắc cho cơ sở, Ban cán sự đảng UBND tỉnh …"). Only registry bodies count: a capitalised phrase
 * there may be the clause's object, not its subject.
 */
function afterOpeningClause(body: string): (AddresseeList & { clauseEnd: number }) | undefined {
  if (!OPENING_CLAUSE.test(fold(body))) return undefined;
  const sentenceEnd = body.search(/[.;:](?:\s|$)/u);
  for (let comma = body.indexOf(','); comma >= 0 && (sentenceEnd < 0 || comma < sentenceEnd); comma = body.indexOf(',', comma + 1)) {
    const list = readAddressees(body, comma + 1);
    if (list.listed.some((listed) => listed.code !== undefined)) return { ...list, clauseEnd: comma };
  }
  return undefined;
}

/**
 * Addressees at the start of the item, else after "đề nghị / giao / yêu cầu"; where the task text starts. An item that
 * opens with who decided or who asked ("Ban Thường vụ Tỉnh ủy thống nhất …, giao Ban cán sự đảng UBND tỉnh …",
 * "Huyện ủy Hương Sơn kiến nghị …: giao …") is addressed to the body after "giao".
 */
function locateAddressees(body: string, issuer: string): { list: AddresseeList; textFrom: number; openingClause?: Phrase } {
  const direct = readAddressees(body, 0);
  const opener = direct.listed[0]?.code;
  const asks = opener?.startsWith('BTV-') === true && ASKS.test(fold(body.slice(direct.end)));
  const decides = opener !== undefined && (opener === issuer || DECIDERS.has(opener)) && !LEADS.test(fold(body.slice(0, direct.end)));
  const named = direct.listed.length + direct.vague.length > 0;
  if (named && !asks && !decides) return { list: direct, textFrom: direct.end };
  const triggered = readAddresseesAfterTrigger(body, direct.end, named);
  if (triggered === undefined && !named) {
    // The clause stays in the task's text: it says why, or on what basis.
    const subject = afterOpeningClause(body);
    if (subject === undefined) return { list: EMPTY, textFrom: 0 };
    return { list: subject, textFrom: 0, openingClause: { text: body.slice(0, subject.clauseEnd).trim(), start: 0, end: subject.clauseEnd } };
  }
  if (triggered === undefined) return { list: direct, textFrom: direct.end };
  return { list: triggered, textFrom: triggered.at === 0 ? triggered.end : 0 };
}

function taskText(body: string, from: number): string {
  return collapseWhitespace(body.slice(from).replace(/^[\s,;:]+/u, ''));
}

function warn(item: Item, code: Warning['code'], message: string, phrase?: Phrase): Warning {
  if (phrase === undefined) return { code, message, span: item.span, assignmentKey: item.key };
  const span: [number, number] = [item.offset + phrase.start, item.offset + phrase.end];
  return { code, message, text: phrase.text, span, assignmentKey: item.key };
}

function addresseeWarnings(item: Item, list: AddresseeList, roles: RoleAssignment | undefined, monitor: string): Warning[] {
  const unknown = list.listed.filter((l) => l.code === undefined);
  const warnings = unknown.map((l) =>
    warn(item, 'UNKNOWN_AGENCY', `${item.key}: "${l.phrase.text}" is not in the agency registry; add it or assign the task by hand.`, l.phrase),
  );
  if (roles?.unknownLead !== undefined) {
    const lead = roles.agencies[0].code;
    warnings.push(warn(item, 'LEAD_NOT_IN_REGISTRY', `${item.key}: the body named first, "${roles.unknownLead.phrase.text}", is not in the registry; ${lead} was taken as lead.`, roles.unknownLead.phrase));
  }
  const monitorName = findAgency(monitor)?.name ?? monitor;
  const central = list.listed.filter(isCentralBody);
  for (const l of central) {
    const given = roles === undefined ? `${monitorName} (${monitor}), which monitors the notice, was made lead` : roles.kind === 'eachOf' ? 'each of the others named carries it' : `${roles.agencies[0].code} leads`;
    warnings.push(warn(item, 'CENTRAL_BODY_LEFT_OUT', `${item.key}: "${l.phrase.text}" (${l.code}) is a central body: it is not given the work, the province's bodies are, and their lead escalates what needs the Centre; ${given}.`, l.phrase));
  }
  for (const phrase of list.vague) {
    const fallback = roles === undefined ? ` No body is named: ${monitorName} (${monitor}), which monitors the notice, was made lead to identify them.` : '';
    warnings.push(warn(item, 'VAGUE_ADDRESSEE', `${item.key}: addressed to "${phrase.text}" without naming the bodies.${fallback}`, phrase));
  }
  if (roles === undefined && list.vague.length === 0 && central.length === 0) {
    warnings.push(
      unknown.length === 0
        ? warn(item, 'NO_ADDRESSEE', `${item.key}: no addressee found; ${monitorName} (${monitor}) was made lead.`)
        : warn(item, 'LEAD_NOT_IN_REGISTRY', `${item.key}: none of the bodies named is in the registry; ${monitorName} (${monitor}), which monitors the notice, was made lead.`),
    );
  }
  return warnings;
}

/** Words that announce a deadline: when none of the deadline rules matched, the author meant one anyway. */
const DEADLINE_LIKE = new RegExp(
  fold(
    String.raw`(?:trước|chậm\s+nhất|hạn\s+chót|hết|cuối)\s+(?:ngày|tháng|quý|quí|năm|tết|\d)|chậm\s+nhất|thời\s+hạn\s*:|hạn\s+chót|thời\s+gian\s+hoàn\s+thành|trong\s+(?:quý|quí|\d+\s+tháng|\d+\s+năm(?!\s+qua))|định\s+kỳ|(?:hằng|hàng)\s+(?:tuần|tháng|quý|quí|năm)`,
  ),
  'u',
);
/** A duty that comes back ("định kỳ 6 tháng", "hằng năm"): one workflow follows its first date only. */
const RECURRING = new RegExp(fold(String.raw`định\s+kỳ|(?:hằng|hàng)\s+(?:tuần|tháng|quý|quí|năm)`), 'u');

function deadlineOf(item: Item, ctx: AssignmentContext): { deadline: DeadlineSpec; deadlineText?: string; warnings: Warning[] } {
  const hits = findDeadlines(item.body, ctx.issuedOn);
  const warnings = hits.flatMap((h) =>
    h.ok ? [] : [warn(item, 'INVALID_DEADLINE', `${item.key}: "${h.text}" is not a valid deadline (${h.reason}); ignored.`)],
  );
  const valid = hits.flatMap((h) => (h.ok ? [h] : []));
  if (valid.length === 0) {
    const unread = warnings.length === 0 ? DEADLINE_LIKE.exec(fold(item.body)) : null;
    if (unread !== null) {
      warnings.push(warn(item, 'UNREAD_DEADLINE', `${item.key}: "${item.body.slice(unread.index, unread.index + unread[0].length)}" reads like a deadline the parser does not understand; the default deadline is used.`));
    }
    return { deadline: ctx.defaultDeadline, warnings };
  }
  if (valid.length > 1) {
    const all = valid.map((h) => `"${h.text}"`).join(', ');
    warnings.push(warn(item, 'MULTIPLE_DEADLINES', `${item.key}: several deadlines (${all}); the first one is used.`));
  }
  // "định kỳ" anywhere, or "hằng năm" after the date ("trước ngày 15/12 hằng năm"), not "phụ cấp hằng tháng" before it.
  const folded = fold(item.body);
  const recurring = RECURRING.exec(folded);
  if (recurring !== null && (recurring[0].startsWith(fold('định')) || recurring.index > valid[0].index)) {
    const phrase = item.body.slice(recurring.index, recurring.index + recurring[0].length);
    warnings.push(warn(item, 'RECURRING_DEADLINE', `${item.key}: "${phrase}" makes it a recurring duty; only "${valid[0].text}" is followed. Add the later reports as assignments of their own.`));
  }
  return { deadline: valid[0].deadline, deadlineText: valid[0].text, warnings };
}

/** The assignment for one item of section 3, and what the parser could not settle about it. */
export function buildAssignment(block: Block, index: number, ctx: AssignmentContext): { assignment: ParsedAssignment; warnings: Warning[] } {
  const offset = block.start + block.markerLength;
  const item: Item = { key: `A${index + 1}`, body: ctx.source.slice(offset, block.end), offset, span: [block.start, block.end] };
  // Under an agency heading, the heading names the addressees and the whole bullet is the task.
  const heading = block.addressedBy;
  const addressedIn: Item = heading === undefined ? item : { ...item, body: ctx.source.slice(heading.start, heading.end), offset: heading.start };
  const { list, textFrom, openingClause } = heading === undefined ? locateAddressees(item.body, ctx.issuer) : { list: readAddressees(addressedIn.body, 0), textFrom: 0, openingClause: undefined };
  const roles = assignRoles(list.listed, list);
  const deadline = deadlineOf(item, ctx);
  const assignment: ParsedAssignment = {
    key: item.key,
    paragraph: ctx.source.slice(block.start, block.end),
    span: item.span,
    text: taskText(item.body, textFrom),
    kind: roles?.kind ?? 'lead',
    agencies: roles?.agencies ?? [{ code: ctx.monitor, role: 'lead' }],
    deadline: deadline.deadline,
    ...(deadline.deadlineText === undefined ? {} : { deadlineText: deadline.deadlineText }),
    // Addressed to the Centre alone ("Chính phủ, Quốc hội xem xét bố trí vốn"): for the province to ask it.
    centralCompetence: isCentralCompetence(item.body) || (list.listed.length > 0 && list.listed.every(isCentralBody)),
  };
  // Read past an opening clause: a guess worth a look (its comma may end the clause's object, not the clause).
  const clauseWarning = openingClause && roles
    ? [warn(item, 'ADDRESSEE_AFTER_CLAUSE', `${item.key}: ${roles.agencies[0].code} was read as lead after the opening clause "${openingClause.text}"; check who is addressed.`, openingClause)]
    : [];
  return { assignment, warnings: [...addresseeWarnings(addressedIn, list, roles, ctx.monitor), ...clauseWarning, ...deadline.warnings] };
}
