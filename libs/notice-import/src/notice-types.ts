/** A deadline as a notice states it. Structurally identical to the domain's DeadlineSpec. */
export type DeadlineSpec =
  | { kind: 'date'; date: string }
  | { kind: 'calendarDays'; days: number }
  | { kind: 'workingDays'; days: number };

export type AgencyRole = 'lead' | 'coordinator' | 'each';

/** `lead`: one lead body (with coordinators); `eachOf`: every listed body carries the task separately. */
export type AssignmentKind = 'lead' | 'eachOf';

export interface AssignmentAgency {
  code: string;
  role: AgencyRole;
}

export interface ParsedAssignment {
  /** `A1`…`An`, in the order of section 3. */
  key: string;
  /** The item exactly as in `sourceText` (marker included): `sourceText.slice(span[0], span[1])`. */
  paragraph: string;
  span: [number, number];
  /** The task: the item after its addressees and role words, whitespace collapsed; the whole item when the
   * addressees are not at its start. */
  text: string;
  kind: AssignmentKind;
  agencies: AssignmentAgency[];
  /** The explicit deadline, else the default one (`deadlineText` is then absent). */
  deadline?: DeadlineSpec;
  deadlineText?: string;
  /** The matter is for the Centre (Trung ương, Bộ Chính trị, Chính phủ…) to decide; the province only proposes. */
  centralCompetence: boolean;
}

export interface MonitorSpec {
  agencyCode: string;
  coordinators: string[];
  reportsTo: string;
  /** The closing paragraph exactly as in `sourceText`; empty when the notice has none. */
  paragraph: string;
}

export interface ParsedNotice {
  issuer: { code: string; name: string };
  /** `YYYY-MM-DD`. */
  issuedOn: string;
  title: string;
  number?: string;
  /** The input, NFC, without a leading byte-order mark; every span indexes into it. */
  sourceText: string;
  assignments: ParsedAssignment[];
  monitor: MonitorSpec;
}

export type WarningCode =
  | 'UNKNOWN_AGENCY'
  | 'VAGUE_ADDRESSEE'
  | 'NO_ADDRESSEE'
  /** The item opens with a clause of purpose or basis ("Để …, Ban cán sự đảng UBND tỉnh …"): its lead was read after it. */
  | 'ADDRESSEE_AFTER_CLAUSE'
  | 'LEAD_NOT_IN_REGISTRY'
  /** A central body named among an item's addressees: left out of the assignment (its lead escalates to the Centre). */
  | 'CENTRAL_BODY_LEFT_OUT'
  | 'ISSUER_DEFAULTED'
  | 'MONITOR_DEFAULTED'
  | 'MULTIPLE_DEADLINES'
  | 'INVALID_DEADLINE'
  /** Words that read like a deadline ("định kỳ hằng tháng", "hằng quý") that the parser did not understand. */
  | 'UNREAD_DEADLINE'
  /** A recurring duty ("báo cáo trước ngày 15/12 hằng năm"): only its first date is followed. */
  | 'RECURRING_DEADLINE'
  | 'IGNORED_PARAGRAPH'
  /** An "each of" item also names coordinators: each district's track is its own; they are not part of it. */
  | 'EACH_OF_COORDINATORS_LEFT_OUT'
  /** The notice's years are outside the holiday table: working days there do not know Tết. */
  | 'HOLIDAYS_NOT_KNOWN'
  /** An item's date falls on a weekend or public holiday: it runs to the end of the next working day. */
  | 'DEADLINE_ON_DAY_OFF'
  /** The import would create a directive beside an active one of the same issuer and issue date (said by the import). */
  | 'SIMILAR_DIRECTIVE_EXISTS'
  /** Imported already, with another monitoring agency than this copy names: the stored one stays (said by the import). */
  | 'MONITOR_KEPT'
  /** Imported already and withdrawn since: nothing of it is followed up (said by the import's dry run). */
  | 'IMPORTED_AND_WITHDRAWN';

export interface Warning {
  code: WarningCode;
  message: string;
  /** The text concerned, as written (NFC). */
  text?: string;
  /** Where `text` is in `sourceText`. */
  span?: [number, number];
  /** The assignment concerned. */
  assignmentKey?: string;
}

export type ParseErrorCode = 'EMPTY_INPUT' | 'NOT_TEXT' | 'TOO_LARGE' | 'NO_SECTION_3' | 'NO_ASSIGNMENTS' | 'NO_ISSUE_DATE';

export interface ParseError {
  code: ParseErrorCode;
  message: string;
}

export type ParseResult =
  | { ok: true; notice: ParsedNotice; warnings: Warning[] }
  | { ok: false; error: ParseError };

export interface ParseOptions {
  /** Given to items without an explicit deadline. Default: 30 working days. */
  defaultDeadline?: DeadlineSpec;
  /** `YYYY-MM-DD`, used only when the text has no date. */
  issuedOn?: string;
}
