import type { Agency } from './agency-types';

/** The 13 district-level units of Hà Tĩnh: code suffix, the Party committee's title and the place name. */
const DISTRICT_UNITS = [
  { slug: 'HATINH', committee: 'Thành ủy', place: 'Hà Tĩnh', unit: 'thành phố' },
  { slug: 'HONGLINH', committee: 'Thị ủy', place: 'Hồng Lĩnh', unit: 'thị xã' },
  { slug: 'TXKYANH', committee: 'Thị ủy', place: 'Kỳ Anh', unit: 'thị xã' },
  { slug: 'NGHIXUAN', committee: 'Huyện ủy', place: 'Nghi Xuân', unit: 'huyện' },
  { slug: 'DUCTHO', committee: 'Huyện ủy', place: 'Đức Thọ', unit: 'huyện' },
  { slug: 'HUONGSON', committee: 'Huyện ủy', place: 'Hương Sơn', unit: 'huyện' },
  { slug: 'VUQUANG', committee: 'Huyện ủy', place: 'Vũ Quang', unit: 'huyện' },
  { slug: 'CANLOC', committee: 'Huyện ủy', place: 'Can Lộc', unit: 'huyện' },
  { slug: 'LOCHA', committee: 'Huyện ủy', place: 'Lộc Hà', unit: 'huyện' },
  { slug: 'THACHHA', committee: 'Huyện ủy', place: 'Thạch Hà', unit: 'huyện' },
  { slug: 'CAMXUYEN', committee: 'Huyện ủy', place: 'Cẩm Xuyên', unit: 'huyện' },
  { slug: 'HUONGKHE', committee: 'Huyện ủy', place: 'Hương Khê', unit: 'huyện' },
  { slug: 'KYANH', committee: 'Huyện ủy', place: 'Kỳ Anh', unit: 'huyện' },
] as const;

/** The standing boards of the 13 district-level Party committees, in the order above. */
export const DISTRICT_COMMITTEES: readonly string[] = DISTRICT_UNITS.map((d) => `BTV-${d.slug}`);

function districtCommittee(d: (typeof DISTRICT_UNITS)[number]): Agency {
  const committee = `${d.committee} ${d.place}`;
  return {
    code: `BTV-${d.slug}`,
    name: `Ban Thường vụ ${committee}`,
    shortNames: [
      `BTV ${committee}`,
      `Ban Thường vụ ${d.committee} ${d.unit} ${d.place}`,
      // Notices address the committee itself; its standing board is the body that follows the task up.
      committee,
      `${d.committee} ${d.unit} ${d.place}`,
    ],
    parent: 'BTVTU',
    level: 'district',
    kind: 'party',
  };
}

const MINISTRIES: readonly (readonly [string, string])[] = [
  ['BNV', 'Bộ Nội vụ'],
  ['BTAICHINH', 'Bộ Tài chính'],
  ['BXD', 'Bộ Xây dựng'],
  ['BNNMT', 'Bộ Nông nghiệp và Môi trường'],
  ['BCTHUONG', 'Bộ Công Thương'],
  ['BYT', 'Bộ Y tế'],
  ['BGDDT', 'Bộ Giáo dục và Đào tạo'],
  ['BVHTTDL', 'Bộ Văn hóa, Thể thao và Du lịch'],
  ['BKHCN', 'Bộ Khoa học và Công nghệ'],
  ['BTP', 'Bộ Tư pháp'],
  ['BNG', 'Bộ Ngoại giao'],
  ['BQP', 'Bộ Quốc phòng'],
  ['BCA', 'Bộ Công an'],
  ['BDTTG', 'Bộ Dân tộc và Tôn giáo'],
  ['BKHDT', 'Bộ Kế hoạch và Đầu tư'],
  ['BTNMT', 'Bộ Tài nguyên và Môi trường'],
  ['BNNPTNT', 'Bộ Nông nghiệp và Phát triển nông thôn'],
  ['BGTVT', 'Bộ Giao thông vận tải'],
  ['BLDTBXH', 'Bộ Lao động - Thương binh và Xã hội'],
  ['BTTTT', 'Bộ Thông tin và Truyền thông'],
];

const CENTRAL: readonly Agency[] = [
  {
    code: 'TW',
    name: 'Ban Chấp hành Trung ương Đảng',
    shortNames: ['Ban Chấp hành Trung ương', 'BCH Trung ương', 'BCHTW', 'Trung ương Đảng', 'Trung ương'],
    level: 'central',
    kind: 'party',
  },
  { code: 'BCT', name: 'Bộ Chính trị', shortNames: ['BCT'], parent: 'TW', level: 'central', kind: 'party' },
  {
    code: 'BBT',
    name: 'Ban Bí thư',
    shortNames: ['Ban Bí thư Trung ương Đảng', 'Ban Bí thư Trung ương'],
    parent: 'TW',
    level: 'central',
    kind: 'party',
  },
  centralBoard('BTCTW', 'Ban Tổ chức Trung ương'),
  centralBoard('BTGTW', 'Ban Tuyên giáo Trung ương'),
  centralBoard('BDVTW', 'Ban Dân vận Trung ương'),
  centralBoard('BTGDVTW', 'Ban Tuyên giáo và Dân vận Trung ương'),
  centralBoard('BNCTW', 'Ban Nội chính Trung ương'),
  centralBoard('BKTTW', 'Ban Kinh tế Trung ương'),
  centralBoard('UBKTTW', 'Ủy ban Kiểm tra Trung ương'),
  { code: 'VPTW', name: 'Văn phòng Trung ương Đảng', shortNames: ['Văn phòng Trung ương'], parent: 'TW', level: 'central', kind: 'party' },
  { code: 'CP', name: 'Chính phủ', shortNames: ['Chính phủ nước Cộng hòa xã hội chủ nghĩa Việt Nam'], level: 'central', kind: 'state' },
  { code: 'TTCP', name: 'Thủ tướng Chính phủ', shortNames: ['Thủ tướng'], parent: 'CP', level: 'central', kind: 'state' },
  ...MINISTRIES.map(([code, name]) => ministry(code, name)),
  { code: 'QH', name: 'Quốc hội', shortNames: [], level: 'central', kind: 'state' },
  // Named so that its "Trung ương" is not read as the Party's Centre.
  { code: 'TWDTN', name: 'Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh', shortNames: ['Trung ương Đoàn'], level: 'central', kind: 'front' },
];

/** A ministry of the Government: those of 2025 and, for notices before, the ones merged into them. */
function ministry(code: string, name: string): Agency {
  return { code, name, shortNames: [], parent: 'CP', level: 'central', kind: 'state' };
}

/** A board of the Party Central Committee: named in a notice as a body the province works with or reports to. */
function centralBoard(code: string, name: string): Agency {
  return { code, name, shortNames: [], parent: 'TW', level: 'central', kind: 'party' };
}

/** The Tỉnh ủy's specialised advisory and support bodies (Quy định 04-QĐ/TW): the Office, the Inspection
 * Commission and the four Ban, and the Ban that merged two of them in 2025. */
const ADVISORY_BODIES = ['VPTU', 'BTCTU', 'BTGTU', 'BDVTU', 'BNCTU', 'UBKTTU', 'BTGDVTU'] as const;

const PROVINCIAL_PARTY: readonly Agency[] = [
  {
    code: 'TU',
    name: 'Tỉnh ủy Hà Tĩnh',
    shortNames: ['Tỉnh ủy', 'Ban Chấp hành Đảng bộ tỉnh', 'BCH Đảng bộ tỉnh'],
    parent: 'TW',
    level: 'provincial',
    kind: 'party',
  },
  {
    code: 'BTVTU',
    name: 'Ban Thường vụ Tỉnh ủy',
    shortNames: ['BTV Tỉnh ủy', 'BTVTU', 'Ban Thường vụ Tỉnh ủy Hà Tĩnh'],
    parent: 'TU',
    level: 'provincial',
    kind: 'party',
  },
  party('TTTU', 'Thường trực Tỉnh ủy', ['Thường trực TU', 'TTTU']),
  party('VPTU', 'Văn phòng Tỉnh ủy', ['Văn phòng TU', 'VPTU']),
  party('BTCTU', 'Ban Tổ chức Tỉnh ủy', ['Ban Tổ chức TU', 'BTC Tỉnh ủy', 'BTCTU']),
  party('BTGTU', 'Ban Tuyên giáo Tỉnh ủy', ['Ban Tuyên giáo TU', 'BTG Tỉnh ủy', 'BTGTU']),
  party('BDVTU', 'Ban Dân vận Tỉnh ủy', ['Ban Dân vận TU', 'BDV Tỉnh ủy', 'BDVTU']),
  // The two above merged in 2025: notices since name this one.
  party('BTGDVTU', 'Ban Tuyên giáo và Dân vận Tỉnh ủy', ['Ban Tuyên giáo và Dân vận TU', 'BTGDV Tỉnh ủy', 'BTGDVTU']),
  party('BNCTU', 'Ban Nội chính Tỉnh ủy', ['Ban Nội chính TU', 'BNC Tỉnh ủy', 'BNCTU']),
  party('UBKTTU', 'Ủy ban Kiểm tra Tỉnh ủy', ['Ủy ban Kiểm tra TU', 'UBKT Tỉnh ủy', 'UBKTTU']),
  party('DDHDND', 'Đảng đoàn Hội đồng nhân dân tỉnh', ['Đảng đoàn HĐND tỉnh', 'ĐĐ HĐND tỉnh']),
  party('DUQS', 'Đảng ủy Quân sự tỉnh', ['Đảng ủy Quân sự tỉnh Hà Tĩnh', 'Đảng ủy Quân sự']),
  party('DUCA', 'Đảng ủy Công an tỉnh', ['Đảng ủy Công an tỉnh Hà Tĩnh', 'Đảng ủy Công an']),
  party('DUKCQ', 'Đảng ủy Khối các cơ quan tỉnh', ['Đảng ủy Khối các cơ quan']),
  party('DUKDN', 'Đảng ủy Khối Doanh nghiệp tỉnh', ['Đảng ủy Khối Doanh nghiệp']),
  party('BCSDUBND', 'Ban cán sự đảng Ủy ban nhân dân tỉnh', ['Ban cán sự đảng UBND tỉnh', 'BCS đảng UBND tỉnh', 'BCSĐ UBND tỉnh']),
  party('DDMTTQ', 'Đảng đoàn Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', [
    'Đảng đoàn Ủy ban MTTQ tỉnh',
    'Đảng đoàn Ủy ban MTTQ Việt Nam tỉnh',
    'Đảng đoàn Ủy ban Mặt trận Tổ quốc tỉnh',
    'Đảng đoàn MTTQ tỉnh',
  ]),
  {
    code: 'CQTMGV',
    name: 'Các cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy',
    shortNames: ['các cơ quan tham mưu, giúp việc Tỉnh ủy', 'các ban, cơ quan tham mưu, giúp việc Tỉnh ủy'],
    parent: 'BTVTU',
    level: 'provincial',
    kind: 'party',
    members: ADVISORY_BODIES,
    groupMode: 'joint',
  },
];

/**
 * The departments of the provincial People's Committee that notices name, those of 2025 and, for notices before, the
 * ones merged into them; the police and the military command.
 */
const DEPARTMENTS: readonly (readonly [string, string, readonly string[]])[] = [
  ['VPUBND', 'Văn phòng Ủy ban nhân dân tỉnh', ['Văn phòng UBND tỉnh']],
  ['SNV', 'Sở Nội vụ', []],
  ['STC', 'Sở Tài chính', []],
  ['SXD', 'Sở Xây dựng', []],
  ['SNNMT', 'Sở Nông nghiệp và Môi trường', []],
  ['SCT', 'Sở Công Thương', []],
  ['SYT', 'Sở Y tế', []],
  ['SGDDT', 'Sở Giáo dục và Đào tạo', []],
  ['SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch', []],
  ['SKHCN', 'Sở Khoa học và Công nghệ', []],
  ['STP', 'Sở Tư pháp', []],
  ['SNGV', 'Sở Ngoại vụ', []],
  ['SDTTG', 'Sở Dân tộc và Tôn giáo', []],
  ['TTRA', 'Thanh tra tỉnh', []],
  ['SKHDT', 'Sở Kế hoạch và Đầu tư', []],
  ['STNMT', 'Sở Tài nguyên và Môi trường', []],
  ['SNNPTNT', 'Sở Nông nghiệp và Phát triển nông thôn', []],
  ['SGTVT', 'Sở Giao thông vận tải', []],
  ['SLDTBXH', 'Sở Lao động - Thương binh và Xã hội', []],
  ['STTTT', 'Sở Thông tin và Truyền thông', []],
  ['CAT', 'Công an tỉnh', []],
  ['BCHQS', 'Bộ Chỉ huy Quân sự tỉnh', []],
];

const PROVINCIAL_STATE_AND_FRONT: readonly Agency[] = [
  { code: 'HDND', name: 'Hội đồng nhân dân tỉnh', shortNames: ['HĐND tỉnh'], level: 'provincial', kind: 'state' },
  { code: 'UBND', name: 'Ủy ban nhân dân tỉnh', shortNames: ['UBND tỉnh'], parent: 'CP', level: 'provincial', kind: 'state' },
  {
    code: 'UBMTTQ',
    name: 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh',
    shortNames: ['Ủy ban MTTQ tỉnh', 'Ủy ban MTTQ Việt Nam tỉnh', 'Ủy ban Mặt trận Tổ quốc tỉnh', 'MTTQ tỉnh', 'Mặt trận Tổ quốc tỉnh', 'Mặt trận Tổ quốc Việt Nam tỉnh'],
    level: 'provincial',
    kind: 'front',
  },
  ...DEPARTMENTS.map(([code, name, shortNames]) => department(code, name, shortNames)),
  // The Front's member organisations, which notices address by name.
  // A notice of the province names them with or without "tỉnh" ("Hội Nông dân, Hội Cựu chiến binh, Liên đoàn Lao động tỉnh").
  front('TDTN', 'Tỉnh đoàn Hà Tĩnh', ['Tỉnh đoàn', 'Ban Thường vụ Tỉnh đoàn', 'Đoàn Thanh niên tỉnh', 'Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh']),
  front('HLHPN', 'Hội Liên hiệp Phụ nữ tỉnh', ['Hội LHPN tỉnh', 'Hội Phụ nữ tỉnh', 'Hội Liên hiệp Phụ nữ', 'Hội LHPN']),
  front('HND', 'Hội Nông dân tỉnh', ['Hội Nông dân']),
  front('HCCB', 'Hội Cựu chiến binh tỉnh', ['Hội Cựu chiến binh']),
  front('LDLD', 'Liên đoàn Lao động tỉnh', ['Liên đoàn Lao động']),
];

/** A body under the provincial People's Committee. */
function department(code: string, name: string, shortNames: readonly string[]): Agency {
  return { code, name, shortNames, parent: 'UBND', level: 'provincial', kind: 'state' };
}

/** A member organisation of the provincial Fatherland Front. */
function front(code: string, name: string, shortNames: readonly string[]): Agency {
  return { code, name, shortNames, parent: 'UBMTTQ', level: 'provincial', kind: 'front' };
}

const DISTRICT_GROUP: Agency = {
  code: 'BTV-HTTU',
  name: 'Ban Thường vụ các huyện ủy, thành ủy, thị ủy',
  shortNames: [
    'Ban thường vụ các huyện, thành, thị ủy',
    'Ban thường vụ các huyện, thị, thành ủy',
    'Ban thường vụ các huyện ủy, thị ủy, thành ủy',
    'BTV các huyện, thành, thị ủy',
    'BTV các huyện, thị, thành ủy',
    'các huyện, thành, thị ủy',
    'các huyện, thị, thành ủy',
    'các huyện ủy, thành ủy, thị ủy',
    'các huyện ủy, thị ủy, thành ủy',
  ],
  parent: 'BTVTU',
  level: 'district',
  kind: 'party',
  members: DISTRICT_COMMITTEES,
  groupMode: 'each',
};

function party(code: string, name: string, shortNames: readonly string[]): Agency {
  return { code, name, shortNames, parent: 'BTVTU', level: 'provincial', kind: 'party' };
}

/** The registry: central bodies for escalation, the province's Party, state and Front bodies, the 13 district
 * standing boards and the two collective groups. Names are NFC. */
export const AGENCIES: readonly Agency[] = [
  ...CENTRAL,
  ...PROVINCIAL_PARTY,
  ...PROVINCIAL_STATE_AND_FRONT,
  ...DISTRICT_UNITS.map(districtCommittee),
  DISTRICT_GROUP,
];
