import { matchAgencies, type AgencyMatch } from '@app/agencies';
import { fold, keywordPattern, NOT_WORD_AFTER } from './text-utils';

/** A phrase of an item body: `[start, end)` in the body. */
export interface Phrase {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** One addressee in the order written; `code` is absent for a name not in the registry. */
export interface Listed {
  readonly code?: string;
  readonly phrase: Phrase;
  /** Named after "phối hợp (với)": a coordinator whatever its place, unless "chủ trì" follows it. */
  readonly afterCoordinatorWord: boolean;
  /**
   * Marked as the lead where the notice does not name it first: "B (chủ trì)", or "A phối hợp với B chủ trì". A
   * plain "A, B chủ trì" is left as written (the first body named leads).
   */
  readonly leadMarked?: boolean;
}

export interface AddresseeList {
  readonly listed: readonly Listed[];
  /** Collective, unnamed addressees: "các cơ quan liên quan", "các sở, ban, ngành". */
  readonly vague: readonly Phrase[];
  /** Where the addressees and their role words end in the body. */
  readonly end: number;
  /** "A, B phối hợp xây dựng …": the bodies named work together ("phối hợp" ends the list, no coordinator follows). */
  readonly jointWork?: boolean;
  /** "A, B và C mỗi đơn vị xây dựng …": each body named carries the task on its own. */
  readonly eachWork?: boolean;
}

const sticky = (source: string): RegExp => new RegExp(source, 'uy');
const words = (list: readonly string[]): string => list.map(keywordPattern).join('|');

const SEPARATORS = sticky(`(?:[\\s,;:()]+|(?:và|cùng|với)${NOT_WORD_AFTER})*`);
/** After "phối hợp (với):", the coordinators may follow as a list of "+" lines; elsewhere a "+" starts a task. */
const COORDINATOR_SEPARATORS = sticky(`(?:[\\s,;:()+•]+|(?:và|cùng|với)${NOT_WORD_AFTER})*`);
const LEAD_WORD = sticky(`(?:${keywordPattern('chủ trì')})${NOT_WORD_AFTER}(?:\\s*\\))?`);
const COORDINATOR_WORD = sticky(`${keywordPattern('phối hợp')}(?:\\s+(?:với|cùng))?${NOT_WORD_AFTER}`);
// Folded like the text they are matched against ("đoàn" folds to "đòan").
const BODY_NOUNS = words(['cơ quan', 'đơn vị', 'sở', 'ban', 'ngành', 'cấp', 'địa phương', 'tổ chức', 'đoàn thể']);
const VAGUE = sticky(
  `các\\s+(?:${BODY_NOUNS})(?:\\s*,\\s*(?:các\\s+)?(?:${BODY_NOUNS}))*(?:\\s+cấp\\s+(?:tỉnh|huyện|xã))?(?:\\s+(?:có\\s+)?liên\\s+quan)?${NOT_WORD_AFTER}`,
);

/** Capitalised words that open the name of a body, as written (case-sensitive). */
const BODY_HEADS = [
  'Ban Quản lý', 'Ban', 'Sở', 'Ủy ban', 'Uỷ ban', 'Đảng đoàn', 'Đảng ủy', 'Đảng uỷ', 'Văn phòng', 'Hội đồng', 'Hội',
  'Chi cục', 'Cục', 'Công an', 'Bộ Chỉ huy', 'Bộ', 'Huyện ủy', 'Huyện uỷ', 'Thành ủy', 'Thành uỷ', 'Thị ủy', 'Thị uỷ',
  'Tỉnh đoàn', 'Liên đoàn', 'Trường', 'Báo', 'Đài', 'Viện', 'Trung tâm', 'Thanh tra', 'Kho bạc', 'Ngân hàng',
  'Bảo hiểm', 'Tòa án', 'Toà án', 'Phòng', 'Quỹ', 'BQL', 'UBND', 'HĐND',
];
const BODY_HEAD = sticky(`(?:${BODY_HEADS.map((h) => h.replace(/ /gu, '\\s+')).join('|')})${NOT_WORD_AFTER}`);
/** Capitalised words that start like a body but are verbs or nouns: "Ban hành", "Hội nghị", "Báo cáo"… */
const NOT_A_BODY = sticky(
  `(?:${words(['ban hành', 'ban đầu', 'hội nghị', 'hội thảo', 'hội viên', 'báo cáo', 'bộ máy', 'bộ phận', 'phòng ngừa', 'trường hợp', 'quỹ đất'])}|phòng\\s*,?\\s*chống)${NOT_WORD_AFTER}`,
);
/** Lower-case words that start the task: an unknown body's name stops before them. */
const TASK_WORD = sticky(
  `(?:${words([
    'chủ trì', 'phối hợp', 'nghiên cứu', 'tham mưu', 'chỉ đạo', 'triển khai', 'tiếp tục', 'rà soát', 'tổng hợp', 'báo cáo',
    'xây dựng', 'thực hiện', 'tổ chức', 'kiểm tra', 'đề xuất', 'hướng dẫn', 'theo dõi', 'theo chức năng', 'xem xét',
    'giải quyết', 'khẩn trương', 'sớm', 'hoàn thành', 'hoàn thiện', 'quan tâm', 'đôn đốc', 'căn cứ', 'có trách nhiệm',
    'chịu trách nhiệm', 'cần', 'làm việc', 'ban hành', 'tập trung', 'lãnh đạo', 'bố trí', 'cân đối', 'xử lý', 'trình',
    'đẩy mạnh', 'tăng cường', 'thẩm định', 'khảo sát', 'đánh giá', 'cụ thể hóa', 'phân công', 'giao', 'đảm bảo',
    'bảo đảm', 'thường xuyên', 'đề nghị', 'chuẩn bị', 'thông báo', 'tuyên truyền', 'vận động', 'quán triệt',
    'tiến hành', 'chủ động', 'rà', 'phối',
  ])})${NOT_WORD_AFTER}`,
);
const NEXT_WORD = sticky('\\s+([^\\s,;.:()]+)');
const TRAILING_CONNECTOR = /\s+(?:và|cùng|với)$/u;
const MAX_NAME_WORDS = 10;

function stickyMatch(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

interface Cursor {
  readonly body: string;
  readonly folded: string;
  readonly agencyAt: ReadonlyMap<number, { code: string; end: number }>;
}

function isLowerCase(ch: string): boolean {
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/** A capitalised body name that is not in the registry ("Sở Xyz"), up to the first task word or punctuation. */
function unknownBodyAt(c: Cursor, at: number): Phrase | undefined {
  const head = stickyMatch(BODY_HEAD, c.body, at);
  if (head === null || stickyMatch(NOT_A_BODY, c.folded, at) !== null) return undefined;
  let end = at + head[0].length;
  for (let count = 0; count < MAX_NAME_WORDS; count += 1) {
    const next = stickyMatch(NEXT_WORD, c.body, end);
    if (next === null) break;
    const wordStart = end + next[0].length - next[1].length;
    const startsTask = isLowerCase(c.body[wordStart]) && stickyMatch(TASK_WORD, c.folded, wordStart) !== null;
    if (startsTask || c.agencyAt.has(wordStart)) break;
    end = wordStart + next[1].length;
  }
  const text = c.body.slice(at, end).replace(TRAILING_CONNECTOR, '');
  return { text, start: at, end: at + text.length };
}

function phrase(c: Cursor, start: number, end: number): Phrase {
  return { text: c.body.slice(start, end), start, end };
}

function cursorOf(body: string): Cursor {
  const matches = matchAgencies(body);
  const agencyAt = new Map(matches.map((m) => [m.span[0], { code: m.code, end: m.span[1] }]));
  for (const m of matches) for (const [at, found] of placesAfter(body, m)) if (!agencyAt.has(at)) agencyAt.set(at, found);
  return { body, folded: fold(body), agencyAt };
}

const COMMITTEE_TITLE = /(?:Huyện|Thị|Thành)\s+(?:ủy|uỷ)/u;
const PLACE_SEPARATOR = /^(?:\s*,\s*|\s+và\s+)/u;
const PLACE_WORDS = /^\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,2}/u;

/**
 * "Huyện ủy Hương Sơn, Vũ Quang, Hương Khê": place names listed after a district committee are committees of the
 * same title ("Huyện ủy Vũ Quang"). Returns where each is written, and its agency.
 */
function placesAfter(body: string, m: AgencyMatch): [number, { code: string; end: number }][] {
  const title = COMMITTEE_TITLE.exec(m.matched)?.[0];
  if (title === undefined || !m.code.startsWith('BTV-')) return [];
  const found: [number, { code: string; end: number }][] = [];
  let pos = m.span[1];
  for (;;) {
    const separator = PLACE_SEPARATOR.exec(body.slice(pos));
    if (separator === null) break;
    const start = pos + separator[0].length;
    const words = PLACE_WORDS.exec(body.slice(start))?.[0].split(/\s+/u) ?? [];
    const place = [3, 2, 1].map((n) => words.slice(0, n)).find((w) => w.length > 0 && matchesWhole(`${title} ${w.join(' ')}`));
    if (place === undefined) break;
    const text = body.slice(start).match(new RegExp(`^${place.join('\\s+')}`, 'u'))?.[0] ?? place.join(' ');
    const code = matchAgencies(`${title} ${place.join(' ')}`)[0].code;
    found.push([start, { code, end: start + text.length }]);
    pos = start + text.length;
  }
  return found;
}

function matchesWhole(name: string): boolean {
  const [first] = matchAgencies(name);
  return first !== undefined && first.span[0] === 0 && first.span[1] === name.length && first.code.startsWith('BTV-');
}

/**
 * Reads the addressees written from `from` on: registry bodies, unknown body names, collective phrases, with the
 * role words between them ("A chủ trì, phối hợp với B", "A phối hợp B", "A, B; C"). Stops at the first word that
 * is none of these: the task starts there.
 */
export function readAddressees(body: string, from: number): AddresseeList {
  return readFrom(cursorOf(body), from);
}

function readFrom(c: Cursor, from: number): AddresseeList {
  const listed: Listed[] = [];
  const vague: Phrase[] = [];
  let coordinatorsNow = false;
  let listedAtCoordinatorWord = -1;
  let end = from;
  for (;;) {
    const at = stickyMatch(coordinatorsNow ? COORDINATOR_SEPARATORS : SEPARATORS, c.folded, end)?.[0].length ?? 0;
    const pos = end + at;
    const agency = c.agencyAt.get(pos);
    const vagueMatch = stickyMatch(VAGUE, c.folded, pos);
    const named = listed.length + vague.length > 0;
    const leadWord = stickyMatch(LEAD_WORD, c.folded, pos);
    const coordinatorWord = stickyMatch(COORDINATOR_WORD, c.folded, pos);
    if (agency !== undefined) {
      listed.push({ code: agency.code, phrase: phrase(c, pos, agency.end), afterCoordinatorWord: coordinatorsNow });
      end = agency.end;
    } else if (named && leadWord !== null) {
      const last = listed.at(-1);
      const inParentheses = c.body.slice(last?.phrase.end ?? pos, pos).includes('(');
      if (last !== undefined && last.phrase.end <= pos && (inParentheses || last.afterCoordinatorWord)) listed[listed.length - 1] = { ...last, leadMarked: true };
      end = pos + leadWord[0].length;
    } else if (named && coordinatorWord !== null) {
      end = pos + coordinatorWord[0].length;
      coordinatorsNow = true;
      listedAtCoordinatorWord = listed.length;
    } else if (vagueMatch !== null) {
      vague.push(phrase(c, pos, pos + vagueMatch[0].length));
      end = pos + vagueMatch[0].length;
    } else {
      const unknown = unknownBodyAt(c, pos);
      if (unknown === undefined) break;
      listed.push({ phrase: unknown, afterCoordinatorWord: coordinatorsNow });
      end = unknown.end;
    }
  }
  const eachWork = stickyMatch(EACH_WORK, c.folded, end) !== null;
  return { listed, vague, end, jointWork: listedAtCoordinatorWord === listed.length, ...(eachWork && { eachWork }) };
}

/** "mỗi đơn vị", "từng cơ quan" right after the bodies named: each carries the task. */
const EACH_WORK = sticky(`[\\s,]*(?:${words(['mỗi', 'từng'])})\\s+(?:${words(['đơn vị', 'cơ quan', 'địa phương', 'ngành', 'tổ chức'])})${NOT_WORD_AFTER}`);

/** The words after which a notice names whom it assigns a task: "Giao …", "Đề nghị …", "Yêu cầu …". */
export const TRIGGER_WORDS: readonly string[] = ['đề nghị', 'yêu cầu', 'giao cho', 'giao'];
const TRIGGER = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])(?:${words(TRIGGER_WORDS)})\\s+`, 'gu');
const OPENING_TRIGGER = new RegExp(`^(?:${words(TRIGGER_WORDS)})\\s+`, 'u');

/** Where the bodies a paragraph names start: after an opening "Giao (cho) / Đề nghị / Yêu cầu", else at 0. */
export function afterOpeningTrigger(text: string): number {
  return OPENING_TRIGGER.exec(fold(text))?.[0].length ?? 0;
}

/** "giao (cho)" that assigns, not the "được giao" of a task already given. */
const ASSIGNING = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])(?<!${keywordPattern('được')}\\s+)(?:${words(['giao cho', 'giao'])})\\s+`, 'gu');

/**
 * Addressees after "đề nghị" / "giao" / "yêu cầu" (at or past `from`) when the item does not open with them; `at` is
 * the trigger. `assigning`: after an assigning "giao" only (an item opened by who decided).
 */
export function readAddresseesAfterTrigger(body: string, from = 0, assigning = false): (AddresseeList & { at: number }) | undefined {
  const c = cursorOf(body);
  for (const m of c.folded.matchAll(assigning ? ASSIGNING : TRIGGER)) {
    const at = m.index ?? 0;
    if (at < from) continue;
    const list = readFrom(c, at + m[0].length);
    if (list.listed.length + list.vague.length > 0) return { ...list, at };
  }
  return undefined;
}
