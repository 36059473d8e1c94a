import { AGENCIES, DISTRICT_COMMITTEES, findAgency, findEachGroup, foldForMatch, groupMembers, isGroup, jointGroupsOf, matchAgencies } from '@app/agencies';

const codesIn = (text: string): string[] => matchAgencies(text).map((m) => m.code);

describe('AGENCIES registry data', () => {
  it('has unique codes, NFC names, and known parents and members', () => {
    const codes = AGENCIES.map((a) => a.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const agency of AGENCIES) {
      for (const name of [agency.name, ...agency.shortNames]) expect(name).toBe(name.normalize('NFC'));
      if (agency.parent !== undefined) expect(findAgency(agency.parent)).toBeDefined();
      for (const member of agency.members ?? []) expect(findAgency(member)).toBeDefined();
      expect(codes).toContain(agency.code);
      expect(agency.code).toMatch(/^[A-Z][A-Z0-9-]*$/);
    }
  });

  it('gives every name and short form exactly one agency', () => {
    const owners = new Map<string, string>();
    for (const agency of AGENCIES) {
      for (const name of [agency.name, ...agency.shortNames]) {
        const key = foldForMatch(name).replace(/\s+/gu, '');
        expect([key, owners.get(key) ?? agency.code]).toEqual([key, agency.code]);
        owners.set(key, agency.code);
      }
    }
  });

  it('holds the issuing body, the monitor and the named provincial bodies', () => {
    expect(findAgency('BTVTU')).toMatchObject({ name: 'Ban Thường vụ Tỉnh ủy', level: 'provincial', kind: 'party' });
    expect(findAgency('VPTU')?.name).toBe('Văn phòng Tỉnh ủy');
    expect(findAgency('DDHDND')?.name).toBe('Đảng đoàn Hội đồng nhân dân tỉnh');
    expect(findAgency('BCSDUBND')?.name).toBe('Ban cán sự đảng Ủy ban nhân dân tỉnh');
    expect(findAgency('UBND')?.shortNames).toContain('UBND tỉnh');
    expect(findAgency('HDND')?.shortNames).toContain('HĐND tỉnh');
    expect(findAgency('UBMTTQ')?.kind).toBe('front');
    expect(findAgency('TW')).toMatchObject({ level: 'central', shortNames: expect.arrayContaining(['Trung ương']) });
    expect(['BCT', 'BBT', 'CP'].map((c) => findAgency(c)?.name)).toEqual(['Bộ Chính trị', 'Ban Bí thư', 'Chính phủ']);
    expect(findAgency('NOPE')).toBeUndefined();
  });

  it('lists the 13 district standing boards of Hà Tĩnh, each escalating to BTVTU', () => {
    expect(DISTRICT_COMMITTEES).toHaveLength(13);
    expect(DISTRICT_COMMITTEES).toContain('BTV-HUONGSON');
    const names = DISTRICT_COMMITTEES.map((c) => findAgency(c)?.name);
    expect(names).toEqual([
      'Ban Thường vụ Thành ủy Hà Tĩnh',
      'Ban Thường vụ Thị ủy Hồng Lĩnh',
      'Ban Thường vụ Thị ủy Kỳ Anh',
      'Ban Thường vụ Huyện ủy Nghi Xuân',
      'Ban Thường vụ Huyện ủy Đức Thọ',
      'Ban Thường vụ Huyện ủy Hương Sơn',
      'Ban Thường vụ Huyện ủy Vũ Quang',
      'Ban Thường vụ Huyện ủy Can Lộc',
      'Ban Thường vụ Huyện ủy Lộc Hà',
      'Ban Thường vụ Huyện ủy Thạch Hà',
      'Ban Thường vụ Huyện ủy Cẩm Xuyên',
      'Ban Thường vụ Huyện ủy Hương Khê',
      'Ban Thường vụ Huyện ủy Kỳ Anh',
    ]);
    for (const code of DISTRICT_COMMITTEES) expect(findAgency(code)).toMatchObject({ level: 'district', parent: 'BTVTU' });
  });

  it('expands groups', () => {
    expect(groupMembers('CQTMGV')).toEqual(['VPTU', 'BTCTU', 'BTGTU', 'BDVTU', 'BNCTU', 'UBKTTU', 'BTGDVTU']);
    expect(findAgency('CQTMGV')?.groupMode).toBe('joint');
    expect(groupMembers('BTV-HTTU')).toEqual(DISTRICT_COMMITTEES);
    expect(findAgency('BTV-HTTU')?.groupMode).toBe('each');
    expect(groupMembers('VPTU')).toEqual([]);
    expect(groupMembers('NOPE')).toEqual([]);
    expect([isGroup('CQTMGV'), isGroup('BTVTU')]).toEqual([true, false]);
    // A member of a joint group does the group's work: it sees it as its own.
    expect([jointGroupsOf('BTGTU'), jointGroupsOf('UBND'), jointGroupsOf('BTV-HUONGSON')]).toEqual([['CQTMGV'], [], []]);
    // Only a group addressed member by member: the joint one acts as one addressee.
    expect([findEachGroup('BTV-HTTU')?.code, findEachGroup('CQTMGV'), findEachGroup('BTVTU'), findEachGroup('NOPE')]).toEqual(['BTV-HTTU', undefined, undefined, undefined]);
  });
});

describe('matchAgencies', () => {
  it('finds the longest match with its span and the text as written', () => {
    const text = 'Văn phòng Tỉnh ủy phối hợp Ban cán sự đảng Ủy ban nhân dân tỉnh, các cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy theo dõi, báo cáo Ban Thường vụ Tỉnh ủy.';
    expect(matchAgencies(text)).toEqual([
      { code: 'VPTU', span: [0, 17], matched: 'Văn phòng Tỉnh ủy' },
      { code: 'BCSDUBND', span: [27, 63], matched: 'Ban cán sự đảng Ủy ban nhân dân tỉnh' },
      { code: 'CQTMGV', span: [65, 117], matched: 'các cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy' },
      { code: 'BTVTU', span: [136, 157], matched: 'Ban Thường vụ Tỉnh ủy' },
    ]);
  });

  it('matches decomposed (NFD) input like composed input, with spans into the NFC text', () => {
    const composed = 'Đảng đoàn Hội đồng nhân dân tỉnh, Ban Tổ chức Tỉnh ủy';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(matchAgencies(decomposed)).toEqual(matchAgencies(composed));
    expect(codesIn(decomposed)).toEqual(['DDHDND', 'BTCTU']);
  });

  it('ignores case, extra spaces, line breaks and the old tone placement', () => {
    expect(codesIn('BAN TỔ CHỨC TỈNH ỦY')).toEqual(['BTCTU']);
    const spaced = 'ban   thường vụ\r\n các huyện,thành,  thị ủy';
    expect(matchAgencies(spaced)).toEqual([{ code: 'BTV-HTTU', span: [0, spaced.length], matched: spaced }]);
    expect(codesIn('Văn phòng Tỉnh uỷ')).toEqual(['VPTU']);
    expect(codesIn('Ủy ban Kiểm tra Tỉnh uỷ')).toEqual(['UBKTTU']);
  });

  it('resolves abbreviations and the forms used in notices', () => {
    expect(codesIn('Đảng đoàn HĐND tỉnh, BCS đảng UBND tỉnh, Đảng đoàn Ủy ban MTTQ tỉnh và UBND tỉnh')).toEqual([
      'DDHDND',
      'BCSDUBND',
      'DDMTTQ',
      'UBND',
    ]);
    expect(codesIn('Huyện ủy Hương Sơn, Thị ủy Kỳ Anh, Huyện ủy Kỳ Anh, Thành ủy Hà Tĩnh')).toEqual([
      'BTV-HUONGSON',
      'BTV-TXKYANH',
      'BTV-KYANH',
      'BTV-HATINH',
    ]);
    expect(codesIn('kiến nghị với Trung ương, Bộ Chính trị, Ban Bí thư, Chính phủ')).toEqual(['TW', 'BCT', 'BBT', 'CP']);
    // The Centre's boards and ministries, and the youth union's centre, are not "Trung ương" and an unknown "Ban"/"Bộ".
    expect(codesIn('Ban Tổ chức Trung ương, Ủy ban Kiểm tra Trung ương, Bộ Nội vụ, Thủ tướng Chính phủ, Trung ương Đoàn')).toEqual(['BTCTW', 'UBKTTW', 'BNV', 'TTCP', 'TWDTN']);
    // The province's Party committees of the armed forces and the Front's member organisations.
    expect(codesIn('Đảng ủy Quân sự tỉnh, Đảng ủy Công an tỉnh, Tỉnh đoàn, Hội LHPN tỉnh, Hội Nông dân tỉnh')).toEqual(['DUQS', 'DUCA', 'TDTN', 'HLHPN', 'HND']);
    expect(codesIn('Ban Tuyên giáo và Dân vận Tỉnh ủy')).toEqual(['BTGDVTU']);
  });

  it('matches only whole words', () => {
    expect(codesIn('Tỉnh ủyviên')).toEqual([]);
    expect(codesIn('xTỉnh ủy')).toEqual([]);
    expect(codesIn('')).toEqual([]);
  });
});

describe('foldForMatch', () => {
  it('keeps length and diacritics, lowers case and unifies tone placement', () => {
    expect(foldForMatch('Tỉnh Uỷ HOÀ')).toBe('tỉnh ủy hòa');
    expect(foldForMatch('Đức Thọ')).toBe('đức thọ');
    expect(foldForMatch('Ðảng')).toBe('đảng');
    const text = 'Ban Thường vụ Tỉnh uỷ – hoà bình';
    expect(foldForMatch(text)).toHaveLength(text.length);
  });
});
