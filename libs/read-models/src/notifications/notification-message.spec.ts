import { decisionMessage, notificationMessage, vnDisplayDate, vnDisplayDeadline } from './notification-message';

describe('notification messages', () => {
  it('shows dates as dd/mm/yyyy in Asia/Ho_Chi_Minh', () => {
    expect(vnDisplayDate('2024-03-29T16:59:59.999Z')).toBe('29/03/2024');
    expect(vnDisplayDate('2024-03-29T17:00:00.000Z')).toBe('30/03/2024');
    expect(vnDisplayDate('2023-12-31T17:00:00.000Z')).toBe('01/01/2024');
  });

  it('gives a deadline at another hour than the end of its day with that hour, in Vietnam', () => {
    expect(vnDisplayDeadline('2024-03-29T16:59:59.999Z')).toBe('ngày 29/03/2024');
    expect(vnDisplayDeadline('2024-03-29T16:59:59.000Z')).toBe('ngày 29/03/2024');
    expect(vnDisplayDeadline('2024-03-29T03:00:00.000Z')).toBe('10:00 ngày 29/03/2024');
    expect(vnDisplayDeadline('2024-03-29T17:30:00.000Z')).toBe('00:30 ngày 30/03/2024');
    // An extension granted to an hour says so: the date alone would read as the end of that day.
    const approved = decisionMessage({ kind: 'extensionApproved', text: 'Báo cáo', dueAt: '2024-04-12T08:00:00.000Z', comment: null });
    expect(approved).toBe('Chấp thuận gia hạn: nhiệm vụ “Báo cáo” được gia hạn đến 15:00 ngày 12/04/2024.');
  });

  it('words each kind in Vietnamese, NFC, naming the ladder level’s audience', () => {
    const base = { text: 'Sở Tài chính chủ trì'.normalize('NFD'), dueAt: '2024-03-29T16:59:59.999Z' };
    expect(notificationMessage({ ...base, kind: 'reminder', level: null })).toBe('Nhắc việc: nhiệm vụ “Sở Tài chính chủ trì” đến hạn ngày 29/03/2024.');
    expect(notificationMessage({ ...base, kind: 'overdue', level: null })).toBe('Quá hạn: nhiệm vụ “Sở Tài chính chủ trì” đã quá hạn (hạn ngày 29/03/2024); đề nghị khẩn trương hoàn thành, báo cáo.');
    expect(notificationMessage({ ...base, kind: 'escalation', level: 2 })).toBe('Đôn đốc cấp 2 (báo cáo Văn phòng Tỉnh ủy): nhiệm vụ “Sở Tài chính chủ trì” quá hạn (hạn ngày 29/03/2024) chưa hoàn thành.');
    expect(notificationMessage({ ...base, kind: 'escalation', level: 3 })).toContain('(báo cáo Ban Thường vụ Tỉnh ủy)');
    expect(notificationMessage({ ...base, kind: 'reminder', level: null }).normalize('NFC')).toBe(notificationMessage({ ...base, kind: 'reminder', level: null }));
  });

  it('shortens a long task to 120 characters with an ellipsis and folds whitespace', () => {
    const long = `${'Rà soát '.repeat(30)}\n  kết thúc`;
    const task = /“(.*)”/.exec(notificationMessage({ kind: 'reminder', level: null, text: long, dueAt: '2024-03-29T16:59:59.999Z' }))?.[1] ?? '';
    // Cut at a word: "Rà soát Rà soát … Rà…" would read as a typo.
    expect(task).toBe(`${'Rà soát '.repeat(14)}Rà soát…`);
    const midWord = /“(.*)”/.exec(notificationMessage({ kind: 'reminder', level: null, text: `Giao x ${'thẩm quyền '.repeat(20)}`, dueAt: '2024-03-29T16:59:59.999Z' }))?.[1] ?? '';
    // 119 characters end inside a word: the task ends at the word before it.
    expect(midWord).toBe(`Giao x ${'thẩm quyền '.repeat(9)}thẩm quyền…`);
    expect(Array.from(task).length).toBeLessThanOrEqual(120);
    const word = /“(.*)”/.exec(notificationMessage({ kind: 'reminder', level: null, text: `${'x'.repeat(200)}`, dueAt: '2024-03-29T16:59:59.999Z' }))?.[1] ?? '';
    expect(Array.from(word)).toHaveLength(120);
    expect(task).not.toContain('\n');
    expect(notificationMessage({ kind: 'reminder', level: null, text: 'A\n  B', dueAt: '2024-03-29T16:59:59.999Z' })).toContain('“A B”');
  });
});

describe('notificationMessage (stage deadlines)', () => {
  it('names the missed milestone and its date', () => {
    expect(notificationMessage({ kind: 'stageOverdue', stage: 'acknowledge', level: null, text: 'Sở Tài chính chủ trì', dueAt: '2024-03-05T16:59:59.999Z' })).toBe(
      'Trễ mốc: nhiệm vụ “Sở Tài chính chủ trì” chưa tiếp nhận nhiệm vụ (hạn ngày 05/03/2024); đề nghị khẩn trương thực hiện.',
    );
  });
});

describe('decisionMessage', () => {
  const base = { text: 'Sở Tài chính chủ trì'.normalize('NFD'), dueAt: '2024-04-12T16:59:59.999Z' };
  it('words each decision in Vietnamese, NFC, with the comment when one was given', () => {
    expect(decisionMessage({ ...base, kind: 'assigned', role: 'coordinator' })).toBe('Giao nhiệm vụ: phối hợp thực hiện nhiệm vụ “Sở Tài chính chủ trì”, hạn ngày 12/04/2024.');
    expect(decisionMessage({ ...base, kind: 'extensionApproved', comment: null })).toBe('Chấp thuận gia hạn: nhiệm vụ “Sở Tài chính chủ trì” được gia hạn đến ngày 12/04/2024.');
    expect(decisionMessage({ ...base, kind: 'reportRejected', comment: ' Thiếu\n số liệu ' })).toBe('Chưa chấp nhận báo cáo: báo cáo về nhiệm vụ “Sở Tài chính chủ trì” cần bổ sung, hoàn thiện: Thiếu số liệu.');
    expect(decisionMessage({ ...base, kind: 'centreResponded', comment: 'Giao Bộ Nội vụ nghiên cứu' })).toBe(
      'Trung ương đã có ý kiến về nhiệm vụ “Sở Tài chính chủ trì”: Giao Bộ Nội vụ nghiên cứu. Đề nghị tiếp tục thực hiện, hạn ngày 12/04/2024.',
    );
    expect(decisionMessage({ ...base, kind: 'extensionLapsed', comment: 'báo cáo đã được xác nhận hoàn thành' })).toBe(
      'Đề nghị gia hạn đến ngày 12/04/2024 không còn hiệu lực: nhiệm vụ “Sở Tài chính chủ trì” đã kết thúc trước khi đề nghị được quyết định: báo cáo đã được xác nhận hoàn thành.',
    );
    for (const kind of ['proposalAccepted', 'reportConfirmed', 'extensionDenied', 'centreResponded', 'withdrawn', 'proposalReturned'] as const) {
      const message = decisionMessage({ ...base, kind, comment: 'Ý kiến' });
      expect(message).toContain('“Sở Tài chính chủ trì”');
      expect(message).toBe(message.normalize('NFC'));
    }
  });
});
