export type {
  AgencyRole,
  AssignmentAgency,
  AssignmentKind,
  DeadlineSpec,
  MonitorSpec,
  ParsedAssignment,
  ParsedNotice,
  ParseError,
  ParseErrorCode,
  ParseOptions,
  ParseResult,
  Warning,
  WarningCode,
} from './notice-types';
export { DEFAULT_DEADLINE, parseNotice } from './parse-notice';
export { foldOpenTonePlacement, formerNoticeFingerprints, noticeFingerprint } from './fingerprint';
export { MAX_INPUT_BYTES } from './input-check';
export { decodeNotice, type DecodedNotice } from './decode-notice';
