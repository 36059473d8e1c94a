import { DISTRICT_COMMITTEES } from '@app/agencies';
import { noticeFingerprint, parseNotice } from '@app/notice-import';
import { expectOk, readSeed } from '../../../test/fixtures/notices/notice-fixtures';

const A1 =
  '- Đảng đoàn Hội đồng nhân dân tỉnh, Ban cán sự đảng Ủy ban nhân dân tỉnh; các cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy theo chức năng, nhiệm vụ nghiên cứu xử lý hoặc tham mưu xử lý các nội dung kiến nghị, đề xuất liên quan đảm bảo đúng quy định, thẩm quyền, tạo điều kiện thuận lợi và tháo gỡ khó khăn, vướng mắc cho các địa phương.';
const A2 =
  '- Ban Tổ chức Tỉnh ủy, Đảng đoàn Hội đồng nhân dân tỉnh, Ban cán sự đảng Ủy ban nhân dân tỉnh nghiên cứu và đề xuất các chính sách thu hút cán bộ trẻ, cán bộ giỏi tham gia hệ thống chính trị cấp cơ sở; nghiên cứu cơ chế hỗ trợ đối với những người hoạt động không chuyên trách cấp xã, bí thư, phó bí thư chi bộ, cấp ủy viên, trưởng các chi đoàn, chi hội.';
const A3 =
  '- Ban thường vụ các huyện, thành, thị ủy tiếp tục rà soát, tổng hợp, báo cáo những bất cập, khó khăn, vướng mắc của cơ sở, gửi các cơ quan cấp tỉnh có thẩm quyền xem xét, giải quyết.';
const A4 =
  '- Đối với các nội dung thuộc thẩm quyền giải quyết của Trung ương, đề nghị các cơ quan liên quan báo cáo Thường trực, Ban Thường vụ Tỉnh ủy xem xét để tiếp tục kiến nghị với Trung ương.';
const MONITOR =
  'Văn phòng Tỉnh ủy phối hợp Ban cán sự đảng Ủy ban nhân dân tỉnh, các cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy theo dõi, tổng hợp kết quả việc thực hiện Thông báo kết luận và kết quả giải quyết kiến nghị, đề xuất của cơ sở, báo cáo Ban Thường vụ Tỉnh ủy. |';
const DEFAULT = { kind: 'workingDays', days: 30 };

describe('parseNotice on the seed notice (Hà Tĩnh, 22/3/2023)', () => {
  const seed = readSeed();
  const { notice, warnings } = expectOk(parseNotice(seed));

  it('reads the issuer, the date, a title and keeps the NFC source', () => {
    expect(notice.issuer).toEqual({ code: 'BTVTU', name: 'Ban Thường vụ Tỉnh ủy' });
    expect(notice.issuedOn).toBe('2023-03-22');
    expect(notice.title).toBe('Thông báo kết luận của Ban Thường vụ Tỉnh ủy sau Hội nghị ngày 22/3/2023');
    expect(notice.number).toBeUndefined();
    expect(notice.sourceText).toBe(seed.normalize('NFC'));
    expect(notice.sourceText).toHaveLength(16297);
  });

  it('extracts the four items of section 3 exactly, with spans into the source', () => {
    expect(notice.assignments.map((a) => a.key)).toEqual(['A1', 'A2', 'A3', 'A4']);
    expect(notice.assignments.map((a) => a.paragraph)).toEqual([A1, A2, A3, A4]);
    expect(notice.assignments.map((a) => a.span)).toEqual([
      [14970, 15310],
      [15311, 15664],
      [15665, 15847],
      [15848, 16033],
    ]);
    for (const a of notice.assignments) expect(notice.sourceText.slice(a.span[0], a.span[1])).toBe(a.paragraph);
  });

  it('A1: Đảng đoàn HĐND leads (first named), Ban cán sự đảng UBND and the advisory bodies coordinate', () => {
    expect(notice.assignments[0]).toEqual({
      key: 'A1',
      paragraph: A1,
      span: [14970, 15310],
      text: A1.slice(A1.indexOf('theo chức năng')),
      kind: 'lead',
      agencies: [
        { code: 'DDHDND', role: 'lead' },
        { code: 'BCSDUBND', role: 'coordinator' },
        { code: 'CQTMGV', role: 'coordinator' },
      ],
      deadline: DEFAULT,
      centralCompetence: false,
    });
    expect(notice.assignments[0].text.startsWith('theo chức năng, nhiệm vụ nghiên cứu xử lý')).toBe(true);
  });

  it('A2: Ban Tổ chức Tỉnh ủy leads, with Đảng đoàn HĐND and Ban cán sự đảng UBND', () => {
    const a2 = notice.assignments[1];
    expect(a2.kind).toBe('lead');
    expect(a2.agencies).toEqual([
      { code: 'BTCTU', role: 'lead' },
      { code: 'DDHDND', role: 'coordinator' },
      { code: 'BCSDUBND', role: 'coordinator' },
    ]);
    expect(a2.text).toBe(A2.slice(A2.indexOf('nghiên cứu và đề xuất')));
    expect(a2.deadline).toEqual(DEFAULT);
    expect(a2.centralCompetence).toBe(false);
  });

  it('A3: each of the 13 district standing boards', () => {
    const a3 = notice.assignments[2];
    expect(a3.kind).toBe('eachOf');
    expect(a3.agencies).toEqual(DISTRICT_COMMITTEES.map((code) => ({ code, role: 'each' })));
    expect(a3.agencies).toHaveLength(13);
    expect(a3.text).toBe(
      'tiếp tục rà soát, tổng hợp, báo cáo những bất cập, khó khăn, vướng mắc của cơ sở, gửi các cơ quan cấp tỉnh có thẩm quyền xem xét, giải quyết.',
    );
    expect(a3.centralCompetence).toBe(false);
  });

  it('A4: central competence; "các cơ quan liên quan" names no body, so the Office of the Tỉnh ủy leads, with a warning', () => {
    const a4 = notice.assignments[3];
    expect(a4.centralCompetence).toBe(true);
    expect(a4.kind).toBe('lead');
    expect(a4.agencies).toEqual([{ code: 'VPTU', role: 'lead' }]);
    expect(a4.text).toBe(A4.slice(2));
    expect(a4.deadline).toEqual(DEFAULT);
    expect(a4.deadlineText).toBeUndefined();
    expect(warnings).toEqual([
      {
        code: 'VAGUE_ADDRESSEE',
        message:
          'A4: addressed to "các cơ quan liên quan" without naming the bodies. No body is named: Văn phòng Tỉnh ủy (VPTU), which monitors the notice, was made lead to identify them.',
        text: 'các cơ quan liên quan',
        span: [15923, 15944],
        assignmentKey: 'A4',
      },
    ]);
    expect(notice.sourceText.slice(15923, 15944)).toBe('các cơ quan liên quan');
  });

  it('reads the monitor paragraph: VPTU with BCSDUBND and CQTMGV, reporting to BTVTU', () => {
    expect(notice.monitor).toEqual({
      agencyCode: 'VPTU',
      coordinators: ['BCSDUBND', 'CQTMGV'],
      reportsTo: 'BTVTU',
      paragraph: MONITOR,
    });
  });

  it('is deterministic: the same text gives the same result and fingerprint', () => {
    expect(parseNotice(readSeed())).toEqual({ ok: true, notice, warnings });
    const again = expectOk(parseNotice(readSeed()));
    expect(noticeFingerprint(again.notice)).toBe(noticeFingerprint(notice));
    expect(noticeFingerprint(notice)).toBe('BTVTU-2023-03-22-bc663451c198e6d3');
  });
});
