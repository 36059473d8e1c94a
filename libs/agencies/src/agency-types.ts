/** Where a body sits: the Party Central Committee and the Government, the province, or a district-level unit. */
export type AgencyLevel = 'central' | 'provincial' | 'district';

/** The nature of a body: Party organ, state organ, or Fatherland Front. */
export type AgencyKind = 'party' | 'state' | 'front';

/**
 * How a notice addresses a group of bodies.
 * - `joint`: the group acts as one addressee (one follow-up for the group, e.g. "các cơ quan chuyên trách tham mưu,
 *   giúp việc Tỉnh ủy");
 * - `each`: every member receives the task separately (e.g. "Ban thường vụ các huyện, thành, thị ủy").
 */
export type GroupMode = 'joint' | 'each';

export interface Agency {
  /** Stable ASCII code, e.g. `BTVTU`, `BTV-HUONGSON`. */
  readonly code: string;
  /** Full Vietnamese name, NFC, with diacritics. */
  readonly name: string;
  /** Other forms found in notices: abbreviations (HĐND, UBND, MTTQ), short and collective forms. */
  readonly shortNames: readonly string[];
  /** The body directly above, used for escalation. */
  readonly parent?: string;
  readonly level: AgencyLevel;
  readonly kind: AgencyKind;
  /** Present only on groups: the member codes. */
  readonly members?: readonly string[];
  /** Present only on groups. */
  readonly groupMode?: GroupMode;
}

/** One mention of a registry agency in a text. */
export interface AgencyMatch {
  readonly code: string;
  /** `[start, end)` in UTF-16 code units of `text.normalize('NFC')`. */
  readonly span: [number, number];
  /** The matched text as written (NFC), e.g. "Ban thường vụ các huyện, thành, thị ủy". */
  readonly matched: string;
}
