import { AGENCIES, matchAgencies } from '@app/agencies';
import { noticeFingerprint, parseNotice } from '@app/notice-import';
import fc from 'fast-check';
import { noticeWith } from '../../../test/fixtures/notices/notice-fixtures';

// The bodies a province assigns work to: central ones are left out of an item (their own spec says how).
const names = AGENCIES.filter((a) => a.members === undefined && a.level !== 'central').map((a) => a.name);
const tasks = ['rà soát, báo cáo.', 'nghiên cứu cơ chế hỗ trợ.', 'hoàn thành trong quý IV năm 2023.', 'tham mưu xử lý kiến nghị.'];
const item = fc.record({
  lead: fc.constantFrom(...names),
  coordinators: fc.array(fc.constantFrom(...names), { maxLength: 3 }),
  task: fc.constantFrom(...tasks),
  bullet: fc.constantFrom('- ', '-', '• ', '+ '),
});
const render = (i: { lead: string; coordinators: string[]; task: string; bullet: string }): string =>
  `${i.bullet}${i.lead}${i.coordinators.length > 0 ? ` chủ trì, phối hợp với ${i.coordinators.join(', ')}` : ''} ${i.task}`;

describe('parseNotice properties', () => {
  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const result = parseNotice(`Ngày 1/1/2023.\n3. Giao:\n${text}`);
        expect(typeof result.ok).toBe('boolean');
      }),
    );
  });

  it('reads generated items: lead first, the rest coordinators; NFD and CRLF give the same roles and fingerprint', () => {
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 5 }), (items) => {
        const text = noticeWith(items.map(render));
        const parsed = parseNotice(text);
        if (!parsed.ok) throw new Error(parsed.error.message);
        parsed.notice.assignments.forEach((a, k) => {
          const leadCode = matchAgencies(items[k].lead)[0]?.code;
          expect(a.agencies[0]).toEqual({ code: leadCode, role: 'lead' });
          expect(a.agencies.slice(1).every((x) => x.role === 'coordinator')).toBe(true);
          expect(a.text).toBe(items[k].task);
        });
        const nfd = parseNotice(text.normalize('NFD'));
        expect(nfd).toEqual(parsed);
        const crlf = parseNotice(text.replace(/\n/gu, '\r\n'));
        if (!crlf.ok) throw new Error(crlf.error.message);
        expect(crlf.notice.assignments.map((a) => a.agencies)).toEqual(parsed.notice.assignments.map((a) => a.agencies));
        expect(noticeFingerprint(crlf.notice)).toBe(noticeFingerprint(parsed.notice));
      }),
    );
  });
});
