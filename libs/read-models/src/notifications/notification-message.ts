import { VN_OFFSET_MS, vnLocalDate, type EscalationLevel, type StageMilestone } from '@app/domain';

/** What the timers tell an agency (webhooks carry these too). */
export type TimerNotificationKind = 'reminder' | 'overdue' | 'escalation' | 'stageOverdue';

/** What a decision tells the agencies it concerns (in the inbox only). */
export type DecisionNotificationKind =
  | 'assigned'
  | 'proposalReturned'
  | 'proposalAccepted'
  | 'reportRejected'
  | 'reportConfirmed'
  | 'extensionApproved'
  | 'extensionDenied'
  | 'centreResponded'
  | 'extensionLapsed'
  | 'withdrawn';

export type NotificationKind = TimerNotificationKind | DecisionNotificationKind;

export interface NotificationSubject {
  readonly kind: TimerNotificationKind;
  /** The assignment's text (the task as the notice words it). */
  readonly text: string;
  /** The deadline in force when the timer fired. */
  readonly dueAt: string;
  readonly level: EscalationLevel | null;
  /** The missed milestone of a stageOverdue notification. */
  readonly stage?: StageMilestone;
}

const STAGE_MILESTONE_TEXT: Readonly<Record<StageMilestone, string>> = {
  acknowledge: 'tiếp nhận nhiệm vụ',
  propose: 'gửi đề xuất',
  report: 'gửi báo cáo',
};

const LEVEL_AUDIENCE: Readonly<Record<EscalationLevel, string>> = {
  1: 'Thủ trưởng cơ quan',
  2: 'Văn phòng Tỉnh ủy',
  3: 'Ban Thường vụ Tỉnh ủy',
};

const MAX_TASK_CHARS = 120;

/** dd/mm/yyyy of the instant's date in Asia/Ho_Chi_Minh (a deadline ends at 23:59:59.999+07:00 of its day). */
export function vnDisplayDate(iso: string): string {
  const [year, month, day] = vnLocalDate(iso).split('-');
  return `${day}/${month}/${year}`;
}

/**
 * "ngày 30/06/2025" for a deadline at the end of its day, as the notices set them; "10:00 ngày 30/06/2025" for one at
 * another hour (an extension asked to an hour), which the date alone would put up to a day later.
 */
export function vnDisplayDeadline(iso: string): string {
  const localTime = new Date(Date.parse(iso) + VN_OFFSET_MS).toISOString().slice(11, 19);
  const date = `ngày ${vnDisplayDate(iso)}`;
  return localTime === '23:59:59' ? date : `${localTime.slice(0, 5)} ${date}`;
}

/** A word cut in half ("thẩm quyề…") reads as a typo: a long task is cut at a word, unless a word is that long. */
const WORD_CUT_SLACK = 30;

function shortTask(text: string): string {
  const chars = Array.from(text.normalize('NFC').replace(/\s+/g, ' ').trim());
  if (chars.length <= MAX_TASK_CHARS) return chars.join('');
  const head = chars.slice(0, MAX_TASK_CHARS - 1).join('');
  const lastSpace = head.lastIndexOf(' ');
  const cut = lastSpace >= head.length - WORD_CUT_SLACK && chars[MAX_TASK_CHARS - 1] !== ' ' ? head.slice(0, lastSpace) : head;
  return `${cut.trimEnd().replace(/[\s,;:.–-]+$/u, '')}…`;
}

/** The Vietnamese line an agency reads in its inbox (NFC). */
export function notificationMessage(subject: NotificationSubject): string {
  const task = `nhiệm vụ “${shortTask(subject.text)}”`;
  const due = vnDisplayDeadline(subject.dueAt);
  const message =
    subject.kind === 'reminder'
      ? `Nhắc việc: ${task} đến hạn ${due}.`
      : subject.kind === 'overdue'
        ? `Quá hạn: ${task} đã quá hạn (hạn ${due}); đề nghị khẩn trương hoàn thành, báo cáo.`
        : subject.kind === 'stageOverdue'
          ? `Trễ mốc: ${task} chưa ${STAGE_MILESTONE_TEXT[subject.stage ?? 'report']} (hạn ${due}); đề nghị khẩn trương thực hiện.`
          : `Đôn đốc cấp ${subject.level ?? 1} (báo cáo ${LEVEL_AUDIENCE[subject.level ?? 1]}): ${task} quá hạn (hạn ${due}) chưa hoàn thành.`;
  return message.normalize('NFC');
}

export interface DecisionSubject {
  readonly kind: DecisionNotificationKind;
  readonly text: string;
  /** The deadline in force after the decision (for `extensionLapsed`: the date the lapsed request asked for). */
  readonly dueAt: string;
  /** The supervisor's comment, the withdrawal's reason (absent: none given). */
  readonly comment?: string | null;
  /** For `assigned`: whether the agency leads (chủ trì) or coordinates (phối hợp). */
  readonly role?: 'lead' | 'coordinator';
}

const withComment = (line: string, comment: string | null | undefined): string => (comment ? `${line}: ${comment.replace(/\s+/g, ' ').trim()}.` : `${line}.`);

/** The Vietnamese line an agency reads in its inbox for a decision on its work (NFC). */
export function decisionMessage(subject: DecisionSubject): string {
  const task = `nhiệm vụ “${shortTask(subject.text)}”`;
  const due = vnDisplayDeadline(subject.dueAt);
  const lines: Readonly<Record<DecisionNotificationKind, () => string>> = {
    assigned: () => `Giao nhiệm vụ: ${subject.role === 'coordinator' ? 'phối hợp' : 'chủ trì'} thực hiện ${task}, hạn ${due}.`,
    proposalReturned: () => withComment(`Trả lại đề xuất: đề xuất về ${task} cần bổ sung, hoàn thiện`, subject.comment),
    proposalAccepted: () => withComment(`Chấp thuận đề xuất: đề xuất về ${task} đã được chấp thuận`, subject.comment),
    reportRejected: () => withComment(`Chưa chấp nhận báo cáo: báo cáo về ${task} cần bổ sung, hoàn thiện`, subject.comment),
    reportConfirmed: () => withComment(`Xác nhận hoàn thành: báo cáo về ${task} đã được xác nhận`, subject.comment),
    extensionApproved: () => withComment(`Chấp thuận gia hạn: ${task} được gia hạn đến ${due}`, subject.comment),
    extensionDenied: () => withComment(`Không chấp thuận gia hạn: ${task} giữ hạn ${due}`, subject.comment),
    centreResponded: () => `${withComment(`Trung ương đã có ý kiến về ${task}`, subject.comment)} Đề nghị tiếp tục thực hiện, hạn ${due}.`,
    extensionLapsed: () => withComment(`Đề nghị gia hạn đến ${due} không còn hiệu lực: ${task} đã kết thúc trước khi đề nghị được quyết định`, subject.comment),
    withdrawn: () => withComment(`Thu hồi nhiệm vụ: ${task} đã được thu hồi`, subject.comment),
  };
  return lines[subject.kind]().normalize('NFC');
}
