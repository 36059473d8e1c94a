import { vnLocalDate, type EscalationLevel, type StageMilestone } from '@app/domain';

export type NotificationKind = 'reminder' | 'overdue' | 'escalation' | 'stageOverdue';

export interface NotificationSubject {
  readonly kind: NotificationKind;
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

function shortTask(text: string): string {
  const chars = Array.from(text.normalize('NFC').replace(/\s+/g, ' ').trim());
  return chars.length <= MAX_TASK_CHARS ? chars.join('') : `${chars.slice(0, MAX_TASK_CHARS - 1).join('').trimEnd()}…`;
}

/** The Vietnamese line an agency reads in its inbox (NFC). */
export function notificationMessage(subject: NotificationSubject): string {
  const task = `nhiệm vụ “${shortTask(subject.text)}”`;
  const due = vnDisplayDate(subject.dueAt);
  const message =
    subject.kind === 'reminder'
      ? `Nhắc việc: ${task} đến hạn ngày ${due}.`
      : subject.kind === 'overdue'
        ? `Quá hạn: ${task} đã quá hạn (hạn ngày ${due}); đề nghị khẩn trương hoàn thành, báo cáo.`
        : subject.kind === 'stageOverdue'
          ? `Trễ mốc: ${task} chưa ${STAGE_MILESTONE_TEXT[subject.stage ?? 'report']} (hạn ngày ${due}); đề nghị khẩn trương thực hiện.`
          : `Đôn đốc cấp ${subject.level ?? 1} (báo cáo ${LEVEL_AUDIENCE[subject.level ?? 1]}): ${task} quá hạn (hạn ngày ${due}) chưa hoàn thành.`;
  return message.normalize('NFC');
}
