import { noticeWith, readSeed } from '../../../../test/fixtures/notices/notice-fixtures';
import type { IssuedDirective } from '@app/read-models';
import { planImport, resolveImport, similarDirectivesMessage, similarDirectivesWarning, type ImportLookups, type PlannedImport } from './plan-import';

const POLICY = { deadlineDays: 30, acknowledgeDays: 3, proposeDays: 15 };

describe('planImport', () => {
  it('says when an "each of" item names coordinators its district tracks leave out', () => {
    const plan = planImport(noticeWith(['- Ban thường vụ các huyện, thành, thị ủy chủ trì, phối hợp với Ban Tổ chức Tỉnh ủy rà soát, báo cáo.']), POLICY);
    if (!plan.ok) throw new Error(plan.error.message);
    expect(plan.directive.assignments?.[0]).toMatchObject({ kind: 'eachOf' });
    expect(plan.directive.assignments?.[0].agencies.map((a) => a.agency)).not.toContain('BTCTU');
    expect(plan.warnings).toContainEqual(expect.objectContaining({ code: 'EACH_OF_COORDINATORS_LEFT_OUT', assignmentKey: 'A1', message: expect.stringContaining('BTCTU') }));
  });

  it('warns of nothing of the kind for the seed notice, whose "each of" item names no coordinator', () => {
    const plan = planImport(readSeed(), POLICY);
    if (!plan.ok) throw new Error(plan.error.message);
    expect(plan.warnings.map((w) => w.code)).not.toContain('EACH_OF_COORDINATORS_LEFT_OUT');
  });

  it('says when the notice falls outside the years the holiday table knows (working days there do not know Tết)', () => {
    const seed = planImport(readSeed(), POLICY);
    if (!seed.ok) throw new Error(seed.error.message);
    expect(seed.warnings.map((w) => w.code)).not.toContain('HOLIDAYS_NOT_KNOWN');
    const late = planImport(noticeWith(['- Ban Tổ chức Tỉnh ủy báo cáo trước ngày 15/2/2031.']), POLICY);
    if (!late.ok) throw new Error(late.error.message);
    expect(late.warnings).toContainEqual(expect.objectContaining({ code: 'HOLIDAYS_NOT_KNOWN', message: expect.stringContaining('in 2031') }));
  });

  it('says when a date is a day off, and to which working day the work then runs', () => {
    const plan = planImport(noticeWith(['- Ban Tổ chức Tỉnh ủy báo cáo trước ngày 2/9/2027.', '- Ban Tuyên giáo Tỉnh ủy báo cáo trước ngày 3/9/2027.']), POLICY);
    if (!plan.ok) throw new Error(plan.error.message);
    // Thursday 2/9/2027 is Quốc khánh; Friday 3/9 a working day.
    expect(plan.warnings.filter((w) => w.code === 'DEADLINE_ON_DAY_OFF')).toEqual([
      { code: 'DEADLINE_ON_DAY_OFF', assignmentKey: 'A1', message: 'Item A1: 2/9/2027 is a day off (a weekend or a public holiday); the work is due at the end of the next working day, 3/9/2027' },
    ]);
    const seed = planImport(readSeed(), POLICY);
    expect(seed.ok && seed.warnings.map((w) => w.code)).not.toContain('DEADLINE_ON_DAY_OFF');
  });
});

describe('resolveImport', () => {
  const planned = (text: string): PlannedImport => {
    const plan = planImport(text, POLICY);
    if (!plan.ok) throw new Error(plan.error.message);
    return plan;
  };
  const SEED_ID_BEFORE = 'BTVTU-2023-03-22-79ec56f2e1ce17be';
  const issued = (directiveId: string, sourceText: string | null, withdrawn = false): IssuedDirective => ({ directiveId, title: `Thông báo ${directiveId}`, withdrawn, sourceText });
  /** Lookups over these stored directives, all of BTVTU on 22/3/2023; `asked` records what was looked up. */
  const lookups = (stored: IssuedDirective[], asked: string[] = []): ImportLookups => ({
    isStored: async (id) => (asked.push(id), stored.some((directive) => directive.directiveId === id)),
    issuedBy: async (body, on) => (asked.push(`${body} ${on}`), stored),
  });

  it('finds the seed under the id it was given before this release, without looking further', async () => {
    const seed = planned(readSeed());
    const asked: string[] = [];
    const resolved = await resolveImport(seed, lookups([issued(SEED_ID_BEFORE, readSeed())], asked));
    expect(resolved).toMatchObject({ stored: true, similar: [], plan: { directiveId: SEED_ID_BEFORE } });
    expect(resolved.plan.directive.assignments?.map((a) => a.id)).toEqual(['A1', 'A2', 'A3', 'A4'].map((key) => `${SEED_ID_BEFORE}-${key}`));
    expect(asked).not.toContain('BTVTU 2023-03-22');
  });

  it('finds an edited copy of a notice an earlier release imported: the stored text has its fingerprint today', async () => {
    const edited = planned(readSeed().replace(/Ban Thường vụ/gu, 'BAN THƯỜNG VỤ').replace(/ \|\s*$/u, ''));
    expect(edited.formerDirectiveIds).not.toContain(SEED_ID_BEFORE);
    const resolved = await resolveImport(edited, lookups([issued('TB-OTHER', 'not a notice'), issued(SEED_ID_BEFORE, readSeed())]));
    expect(resolved).toMatchObject({ stored: true, similar: [], plan: { directiveId: SEED_ID_BEFORE } });
  });

  it('names the active directives of the same issuer and date a new notice would stand beside, not the withdrawn ones', async () => {
    const other = planned(noticeWith(['- Ban Tổ chức Tỉnh ủy rà soát quy định.']));
    const resolved = await resolveImport(other, lookups([issued('BTVTU-2023-03-22-seed', readSeed()), issued('BTVTU-2023-03-22-gone', noticeWith(['- Ban Dân vận Tỉnh ủy nắm tình hình.']), true)]));
    expect(resolved.stored).toBe(false);
    expect(resolved.plan.directiveId).toBe(other.directiveId);
    expect(resolved.similar.map((directive) => directive.directiveId)).toEqual(['BTVTU-2023-03-22-seed']);
    const message = similarDirectivesMessage(resolved.plan, resolved.similar, '?allowSimilar=true');
    expect(message).toBe(`BTVTU issued a directive on 2023-03-22 already: BTVTU-2023-03-22-seed ("Thông báo BTVTU-2023-03-22-seed"). If this notice is one of them edited, it was imported then; if it is another notice of that day, import it with ?allowSimilar=true (it becomes ${other.directiveId})`);
    expect(similarDirectivesWarning(resolved.plan, resolved.similar, '--allow-similar')).toMatchObject({ code: 'SIMILAR_DIRECTIVE_EXISTS', message: expect.stringContaining('--allow-similar') });
  });

  it('stands beside nothing when the issuer issued nothing else that day', async () => {
    const resolved = await resolveImport(planned(noticeWith(['- Ban Tổ chức Tỉnh ủy rà soát quy định.'])), lookups([]));
    expect(resolved).toMatchObject({ stored: false, similar: [] });
  });
});
