/**
 * Days off for state agencies (cán bộ, công chức, viên chức) in Việt Nam, by year, as data.
 *
 * Statutory holidays (Bộ luật Lao động 2019, art. 112, in force since 2021): Tết Dương lịch 1/1; Tết Âm lịch
 * 5 days; Giỗ Tổ Hùng Vương 10/3 lunar; 30/4; 1/5; Quốc khánh 2/9 plus one adjacent day (1/9 or 3/9, chosen by
 * the Prime Minister). Note: the adjacent National Day day already applies from 2021, not only from 2025.
 * A holiday on a weekend gives a compensatory day (nghỉ bù) on the next working day; the Government may also
 * swap a weekday off against a Saturday worked (làm bù), which then counts as a working day.
 *
 * `daysOff` lists the Monday–Friday dates that are off (weekends are off anyway); `workingSaturdays` lists
 * make-up Saturdays. Dates are local (Asia/Ho_Chi_Minh).
 *
 * Provenance, honestly:
 * - 2023, 2024, 2025: from the official announcements for state agencies (Ministry of Labour – Invalids and
 *   Social Affairs notices on Tết and holidays, Prime Minister's approvals), as known to the author: Tết 2023
 *   20–26/1; Tết 2024 8–14/2; Tết 2025 25/1–2/2; 30/4 2024 with Saturday 4/5 worked, 30/4 2025 with Saturday
 *   26/4 worked; National Day 2023 1–4/9, 2024 31/8–3/9, 2025 30/8–2/9.
 * - 2026–2030: COMPUTED, not official. Lunar New Year and 10/3 lunar were computed with Hồ Ngọc Đức's
 *   astronomical algorithm for UTC+7 (note Tết 2030 falls on 2/2 in Việt Nam, 3/2 in China); Tết is taken as the
 *   last day of the lunar year plus mùng 1–4; the National Day adjacent day is 1/9 unless that is a weekend, then
 *   3/9; weekend holidays give compensatory days; no swaps are assumed. Replace each year's entry when the
 *   official decision is published (typically in the autumn of the previous year).
 * Outside 2023–2030 only weekends and the fixed solar-date holidays are known (see `isWorkingDay`).
 */
export interface HolidayYear {
  readonly year: number;
  readonly source: 'official' | 'computed';
  readonly lunarNewYear: string;
  readonly daysOff: readonly string[];
  readonly workingSaturdays: readonly string[];
}

export const VN_HOLIDAY_TABLE: readonly HolidayYear[] = [
  {
    year: 2023,
    source: 'official',
    lunarNewYear: '2023-01-22',
    daysOff: [
      '2023-01-02', // 1/1 on Sunday: compensatory Monday
      '2023-01-20', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26', // Tết Quý Mão 20–26/1
      '2023-05-01', '2023-05-02', '2023-05-03', // Giỗ Tổ (Sat 29/4), 30/4 (Sun), 1/5: off 29/4–3/5
      '2023-09-01', '2023-09-04', // Quốc khánh 1–4/9
    ],
    workingSaturdays: [],
  },
  {
    year: 2024,
    source: 'official',
    lunarNewYear: '2024-02-10',
    daysOff: [
      '2024-01-01',
      '2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14', // Tết Giáp Thìn 8–14/2
      '2024-04-18', // Giỗ Tổ Hùng Vương
      '2024-04-29', '2024-04-30', '2024-05-01', // 27/4–1/5, Monday 29/4 swapped with Saturday 4/5
      '2024-09-02', '2024-09-03', // Quốc khánh 31/8–3/9
    ],
    workingSaturdays: ['2024-05-04'],
  },
  {
    year: 2025,
    source: 'official',
    lunarNewYear: '2025-01-29',
    daysOff: [
      '2025-01-01',
      '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', // Tết Ất Tỵ 25/1–2/2
      '2025-04-07', // Giỗ Tổ Hùng Vương
      '2025-04-30', '2025-05-01', '2025-05-02', // 30/4–4/5, Friday 2/5 swapped with Saturday 26/4
      '2025-09-01', '2025-09-02', // Quốc khánh 30/8–2/9
    ],
    workingSaturdays: ['2025-04-26'],
  },
  {
    year: 2026,
    source: 'computed',
    lunarNewYear: '2026-02-17',
    daysOff: ['2026-01-01', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-04-27', '2026-04-30', '2026-05-01', '2026-09-01', '2026-09-02'],
    workingSaturdays: [],
  },
  {
    year: 2027,
    source: 'computed',
    lunarNewYear: '2027-02-06',
    daysOff: ['2027-01-01', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-04-16', '2027-04-30', '2027-05-03', '2027-09-01', '2027-09-02'],
    workingSaturdays: [],
  },
  {
    year: 2028,
    source: 'computed',
    lunarNewYear: '2028-01-26',
    daysOff: ['2028-01-03', '2028-01-25', '2028-01-26', '2028-01-27', '2028-01-28', '2028-01-31', '2028-04-04', '2028-05-01', '2028-05-02', '2028-09-01', '2028-09-04'],
    workingSaturdays: [],
  },
  {
    year: 2029,
    source: 'computed',
    lunarNewYear: '2029-02-13',
    daysOff: ['2029-01-01', '2029-02-12', '2029-02-13', '2029-02-14', '2029-02-15', '2029-02-16', '2029-04-23', '2029-04-30', '2029-05-01', '2029-09-03', '2029-09-04'],
    workingSaturdays: [],
  },
  {
    year: 2030,
    source: 'computed',
    lunarNewYear: '2030-02-02',
    daysOff: ['2030-01-01', '2030-02-01', '2030-02-04', '2030-02-05', '2030-02-06', '2030-02-07', '2030-04-12', '2030-04-30', '2030-05-01', '2030-09-02', '2030-09-03'],
    workingSaturdays: [],
  },
];

/** Fixed solar-date holidays, the only ones assumed for years outside the table. */
export const FIXED_SOLAR_HOLIDAYS: readonly string[] = ['01-01', '04-30', '05-01', '09-02'];
