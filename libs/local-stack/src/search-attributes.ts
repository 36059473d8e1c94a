/** Custom search attributes dondoc registers on its Temporal namespace. */
export const DONDOC_SEARCH_ATTRIBUTES = {
  DondocStage: 'Keyword',
  DondocStatus: 'Keyword',
  DondocLeadAgency: 'Keyword',
  DondocDirective: 'Keyword',
  DondocNextDue: 'Datetime',
} as const;
