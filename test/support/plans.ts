/** The smallest directive body's assignments: one, led by the Provincial Organisation Board, due far ahead. */
export const ONE_ASSIGNMENT = [
  { key: 'A1', text: 'Báo cáo kết quả thực hiện', kind: 'single', agencies: [{ agency: 'BTCTU', role: 'lead' }], deadline: { kind: 'date', date: '2099-12-31' } },
];
