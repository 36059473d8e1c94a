import { foldOpenTonePlacement, formerNoticeFingerprints, noticeFingerprint, parseNotice, type ParsedAssignment } from '@app/notice-import';
import { expectOk, noticeWith, readSeed } from '../../../test/fixtures/notices/notice-fixtures';

const SEED = readSeed();
const seedResult = expectOk(parseNotice(SEED));
const essentials = (a: ParsedAssignment) => ({
  key: a.key,
  text: a.text,
  kind: a.kind,
  agencies: a.agencies,
  deadline: a.deadline,
  centralCompetence: a.centralCompetence,
});
const SEED_ESSENTIALS = seedResult.notice.assignments.map(essentials);

describe('parseNotice on variants of the seed', () => {
  it('gives the same result for decomposed (NFD) input', () => {
    const nfd = SEED.normalize('NFD');
    expect(nfd).not.toBe(SEED);
    expect(parseNotice(nfd)).toEqual(parseNotice(SEED));
  });

  it('reads CRLF line endings: same paragraphs and roles, spans into the CRLF source, same fingerprint', () => {
    const crlf = expectOk(parseNotice(SEED.replace(/\n/gu, '\r\n')));
    expect(crlf.notice.assignments.map(essentials)).toEqual(SEED_ESSENTIALS);
    expect(crlf.notice.assignments.map((a) => a.paragraph)).toEqual(seedResult.notice.assignments.map((a) => a.paragraph));
    expect(crlf.notice.assignments[0].span).toEqual([14970 + 36, 15310 + 36]);
    expect(crlf.notice.monitor).toEqual(seedResult.notice.monitor);
    expect(noticeFingerprint(crlf.notice)).toBe(noticeFingerprint(seedResult.notice));
  });

  it('reads section 3 hard-wrapped at any width (text copied from a PDF): the same assignments and monitor', () => {
    const wrap = (line: string, width: number): string => {
      const out: string[] = [];
      let current = '';
      for (const word of line.split(' ')) {
        if (current && `${current} ${word}`.length > width) {
          out.push(current);
          current = word;
        } else current = current ? `${current} ${word}` : word;
      }
      return [...out, current].join('\n');
    };
    const sectionThree = SEED.indexOf('\n3. Về') + 1;
    for (let width = 40; width <= 120; width += 1) {
      const wrapped = SEED.slice(0, sectionThree) + SEED.slice(sectionThree).split('\n').map((line) => wrap(line, width)).join('\n');
      const { notice } = expectOk(parseNotice(wrapped));
      expect({ width, assignments: notice.assignments.map((a) => ({ ...essentials(a), text: a.text.replace(/\s+/gu, ' ') })) }).toEqual({
        width,
        assignments: SEED_ESSENTIALS.map((a) => ({ ...a, text: a.text.replace(/\s+/gu, ' ') })),
      });
      expect({ width, monitor: notice.monitor.agencyCode, coordinators: notice.monitor.coordinators }).toEqual({ width, monitor: seedResult.notice.monitor.agencyCode, coordinators: seedResult.notice.monitor.coordinators });
    }
  });

  it('still finds the monitor paragraph after a last item that lacks its final full stop', () => {
    const { notice, warnings } = expectOk(parseNotice(noticeWith(
      ['- Ban Tuyên giáo Tỉnh ủy chủ trì tuyên truyền, hoàn thành trong tháng 6/2024'],
      ['Ban Dân vận Tỉnh ủy theo dõi, tổng hợp, báo cáo Ban Thường vụ Tỉnh ủy.'],
    )));
    expect(notice.assignments.map((a) => a.text)).toEqual(['tuyên truyền, hoàn thành trong tháng 6/2024']);
    expect(notice.monitor.agencyCode).toBe('BDVTU');
    expect(warnings.map((w) => w.code)).not.toContain('MONITOR_DEFAULTED');
  });

  it('keeps a wrapped line that starts with an agency and "theo dõi" inside its item, not as the monitor paragraph', () => {
    const { notice } = expectOk(parseNotice(noticeWith([
      '- Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với',
      'Ban Nội chính Tỉnh ủy theo dõi, rà soát việc thực hiện chế độ, chính sách.',
      '- Ban Dân vận Tỉnh ủy tổng hợp ý kiến của Nhân dân.',
    ])));
    expect(notice.assignments.map((a) => a.agencies.map((x) => `${x.code}:${x.role}`))).toEqual([['BTCTU:lead', 'BNCTU:coordinator'], ['BDVTU:lead']]);
    expect(notice.monitor.agencyCode).toBe('VPTU');
  });

  it('reads numbered sub-items "3.1." … "3.4." like bullets', () => {
    let n = 0;
    const numbered = SEED.replace(/^- (?=Đảng đoàn Hội|Ban Tổ chức|Ban thường vụ các|Đối với các nội dung)/gmu, () => `3.${(n += 1)}. `);
    expect(n).toBe(4);
    const { notice } = expectOk(parseNotice(numbered));
    expect(notice.assignments.map(essentials)).toEqual(SEED_ESSENTIALS);
    expect(notice.assignments[1].paragraph.startsWith('3.2. Ban Tổ chức Tỉnh ủy,')).toBe(true);
    expect(noticeFingerprint(notice)).toBe(noticeFingerprint(seedResult.notice));
  });

  it.each([
    ['1)', (n: number) => `${n}) `],
    ['(1)', (n: number) => `(${n}) `],
    ['1.', (n: number) => `${n}. `],
  ])('reads items numbered "%s" like bullets, with the same fingerprint', (_, marker) => {
    let n = 0;
    const numbered = SEED.replace(/^- (?=Đảng đoàn Hội|Ban Tổ chức|Ban thường vụ các|Đối với các nội dung)/gmu, () => marker((n += 1)));
    expect(n).toBe(4);
    const { notice, warnings } = expectOk(parseNotice(numbered));
    expect(notice.assignments.map(essentials)).toEqual(SEED_ESSENTIALS);
    expect(warnings.map((w) => w.code)).not.toContain('IGNORED_PARAGRAPH');
    expect(noticeFingerprint(notice)).toBe(noticeFingerprint(seedResult.notice));
  });

  it('keeps the "+" parts of an item that ends in ":" inside it: one assignment, its addressees and deadline', () => {
    const { notice, warnings } = expectOk(
      parseNotice(
        noticeWith([
          '- Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Ban Dân vận Tỉnh ủy:',
          '+ rà soát biên chế các cơ quan, đơn vị;',
          '+ đề xuất sắp xếp tổ chức bộ máy, báo cáo trước ngày 30/9/2023.',
          '- Ban Tuyên giáo Tỉnh ủy tuyên truyền kết quả.',
        ]),
      ),
    );
    expect(notice.assignments.map((a) => [a.key, a.agencies, a.deadline])).toEqual([
      ['A1', [{ code: 'BTCTU', role: 'lead' }, { code: 'BDVTU', role: 'coordinator' }], { kind: 'date', date: '2023-09-30' }],
      ['A2', [{ code: 'BTGTU', role: 'lead' }], { kind: 'workingDays', days: 30 }],
    ]);
    expect(notice.assignments[0].text).toContain('+ rà soát biên chế các cơ quan, đơn vị; + đề xuất sắp xếp');
    expect(warnings.map((w) => w.code)).not.toContain('NO_ADDRESSEE');
  });

  it('still reads "+" bullets as items where they are the items (after the heading, or under an item with no ":")', () => {
    const plus = expectOk(parseNotice(noticeWith(['+ Ban Tổ chức Tỉnh ủy rà soát.', '+ Ban Tuyên giáo Tỉnh ủy tuyên truyền kết quả.'])));
    expect(plus.notice.assignments.map((a) => a.agencies[0].code)).toEqual(['BTCTU', 'BTGTU']);
    const mixed = expectOk(parseNotice(noticeWith(['- Ban Tổ chức Tỉnh ủy rà soát.', '+ Ban Tuyên giáo Tỉnh ủy tuyên truyền kết quả.'])));
    expect(mixed.notice.assignments.map((a) => a.agencies[0].code)).toEqual(['BTCTU', 'BTGTU']);
  });

  it('tolerates extra spaces, blank lines, "-Word" bullets and items wrapped over several lines', () => {
    const section = SEED.slice(SEED.indexOf('\n3. Về'));
    const messy = SEED.slice(0, SEED.indexOf('\n3. Về')) + section
      .replace('- Đảng đoàn Hội đồng nhân dân tỉnh, Ban', '-Đảng   đoàn Hội đồng  nhân dân tỉnh,\tBan')
      .replace('cán sự đảng Ủy ban nhân dân tỉnh; các cơ quan', 'cán sự đảng Ủy ban nhân dân tỉnh;\ncác cơ quan')
      .replace('tiếp tục rà soát, tổng hợp, báo cáo', 'tiếp tục rà soát,\n   tổng hợp,  báo cáo')
      .replace(/\n(?=- )/gu, '\n\n');
    const { notice, warnings } = expectOk(parseNotice(messy));
    expect(notice.assignments.map(essentials)).toEqual(SEED_ESSENTIALS);
    expect(notice.assignments[0].paragraph).toContain('-Đảng   đoàn Hội đồng  nhân dân tỉnh,\tBan cán sự đảng Ủy ban nhân dân tỉnh;\ncác cơ quan');
    expect(notice.assignments[2].paragraph).toContain('rà soát,\n   tổng hợp,  báo cáo');
    for (const a of notice.assignments) expect(notice.sourceText.slice(a.span[0], a.span[1])).toBe(a.paragraph);
    expect(warnings.map((w) => w.code)).toEqual(['VAGUE_ADDRESSEE']);
    expect(notice.monitor.agencyCode).toBe('VPTU');
    expect(noticeFingerprint(notice)).toBe(noticeFingerprint(seedResult.notice));
  });

  it('reads the old tone placement "Tỉnh uỷ" and a leading byte-order mark', () => {
    const old = '\ufeff' + SEED.replace(/Tỉnh ủy/gu, 'Tỉnh uỷ');
    const { notice } = expectOk(parseNotice(old));
    const keptAsWritten = SEED_ESSENTIALS.map((a) => ({ ...a, text: a.text.replace(/Tỉnh ủy/gu, 'Tỉnh uỷ') }));
    expect(notice.assignments.map(essentials)).toEqual(keptAsWritten);
    expect(notice.assignments[3].text).toContain('Ban Thường vụ Tỉnh uỷ xem xét');
    expect(notice.sourceText.startsWith('Ngày 22/3/2023')).toBe(true);
    expect(notice.monitor.coordinators).toEqual(['BCSDUBND', 'CQTMGV']);
  });

  it('gives the notice retyped with the other tone placement ("uỷ", "hoá", "Thuỷ") its own fingerprint, and knows the one it had before', () => {
    const other = SEED.replace(/ủy/gu, 'uỷ').replace(/Ủy/gu, 'Uỷ').replace(/hóa/gu, 'hoá').replace(/khóa/gu, 'khoá').replace(/Thủy/gu, 'Thuỷ');
    expect(other).not.toBe(SEED);
    const { notice } = expectOk(parseNotice(other));
    expect(noticeFingerprint(notice)).toBe(noticeFingerprint(seedResult.notice));
    // Imported before the placement was folded, each was given another id, which it keeps (the import looks for them):
    // the retyped one as written, the seed's with every open syllable's tone on its second vowel, as it may have been;
    // both first the id the last release gave them, the same one.
    const [lastRelease, retypedBefore] = formerNoticeFingerprints(notice);
    expect(formerNoticeFingerprints(seedResult.notice)).toEqual([lastRelease, retypedBefore]);
    expect(retypedBefore).not.toBe(noticeFingerprint(notice));
    // The text itself is kept as written.
    expect(notice.assignments[3].text).toContain('Tỉnh uỷ');
  });

  it('folds only open syllables ending in oa, oe, uy, and not "qu"', () => {
    expect(foldOpenTonePlacement('Hoá, khoẻ, thuỷ, UỶ BAN, Tỉnh uỷ.')).toBe('Hóa, khỏe, thủy, ỦY BAN, Tỉnh ủy.');
    for (const kept of ['hoàng', 'toàn', 'quyết', 'quý', 'hóa', 'thủy', 'khuya', 'hoặc']) expect(foldOpenTonePlacement(kept)).toBe(kept);
  });

  it('gives another fingerprint when section 3 changes', () => {
    const changed = expectOk(parseNotice(SEED.replace('cán bộ trẻ, cán bộ giỏi', 'cán bộ trẻ')));
    expect(noticeFingerprint(changed.notice)).not.toBe(noticeFingerprint(seedResult.notice));
    expect(noticeFingerprint(changed.notice)).toMatch(/^BTVTU-2023-03-22-[0-9a-f]{16}$/u);
  });
});

describe('parseNotice: where section 3 ends', () => {
  it('stops at a "4." heading when there is no monitor paragraph, and says the monitor was assumed', () => {
    const text = noticeWith(['- Ban Tổ chức Tỉnh ủy rà soát quy định.'], ['4. Tổ chức thực hiện', '- Ban Tuyên giáo Tỉnh ủy tuyên truyền.']);
    const { notice, warnings } = expectOk(parseNotice(text));
    expect(notice.assignments.map((a) => a.paragraph)).toEqual(['- Ban Tổ chức Tỉnh ủy rà soát quy định.']);
    expect(notice.monitor).toEqual({ agencyCode: 'VPTU', coordinators: [], reportsTo: 'BTVTU', paragraph: '' });
    expect(warnings.map((w) => w.code)).toEqual(['MONITOR_DEFAULTED']);
  });

  it('stops at "Nơi nhận" and reads unmarked paragraphs as items when none is marked', () => {
    const text = noticeWith(['Ban Tổ chức Tỉnh ủy rà soát quy định.', 'Ban Dân vận Tỉnh ủy nắm tình hình.'], ['Nơi nhận:', '- Như trên,']);
    const { notice } = expectOk(parseNotice(text));
    expect(notice.assignments.map((a) => [a.key, a.agencies[0].code, a.text])).toEqual([
      ['A1', 'BTCTU', 'rà soát quy định.'],
      ['A2', 'BDVTU', 'nắm tình hình.'],
    ]);
  });

  it('reports an unmarked paragraph between marked items instead of importing it', () => {
    const text = noticeWith(['- Ban Tổ chức Tỉnh ủy rà soát quy định.', 'Ghi chú: nội dung này không giao.', '- Ban Dân vận Tỉnh ủy nắm tình hình.']);
    const { notice, warnings } = expectOk(parseNotice(text));
    expect(notice.assignments).toHaveLength(2);
    const ignored = warnings.find((w) => w.code === 'IGNORED_PARAGRAPH');
    expect(ignored?.text).toBe('Ghi chú: nội dung này không giao.');
    expect(notice.sourceText.slice(ignored?.span?.[0], ignored?.span?.[1])).toBe('Ghi chú: nội dung này không giao.');
  });

  it('takes the issue date from a place-and-date line, the number, and the conference date for the title', () => {
    const text = ['Số 123-TB/TU', 'Hà Tĩnh, ngày 28 tháng 3 năm 2023', 'THÔNG BÁO', 'Ngày 22/3/2023, Ban Thường vụ Tỉnh ủy tổ chức Hội nghị.', '3. Ban Thường vụ Tỉnh ủy giao:', '- Ban Nội chính Tỉnh ủy theo dõi vụ việc.'].join('\n');
    const { notice, warnings } = expectOk(parseNotice(text));
    expect(notice.issuedOn).toBe('2023-03-28');
    expect(notice.number).toBe('123-TB/TU');
    expect(notice.title).toBe('Thông báo kết luận của Ban Thường vụ Tỉnh ủy sau Hội nghị ngày 22/3/2023');
    expect(notice.assignments[0].agencies).toEqual([{ code: 'BNCTU', role: 'lead' }]);
    expect(warnings.map((w) => w.code)).toEqual(['MONITOR_DEFAULTED']);
  });

  it('assumes BTVTU as issuer, with a warning, when no body "kết luận" or "giao"', () => {
    const text = ['Ngày 5 tháng 6 năm 2023, họp.', '3. Nhiệm vụ:', '- Ban Tổ chức Tỉnh ủy rà soát.'].join('\n');
    const { notice, warnings } = expectOk(parseNotice(text));
    expect(notice.issuer).toEqual({ code: 'BTVTU', name: 'Ban Thường vụ Tỉnh ủy' });
    expect(notice.issuedOn).toBe('2023-06-05');
    expect(notice.title).toBe('Thông báo kết luận của Ban Thường vụ Tỉnh ủy ngày 5/6/2023');
    expect(warnings.map((w) => w.code)).toEqual(['ISSUER_DEFAULTED', 'MONITOR_DEFAULTED']);
  });
});
