import type { Sql } from '@app/event-store';
import { AgencyStatusRepository } from '@app/read-models';
import { testDatabase } from '../../../support/test-stack';
import { directiveCommand, Scenario, SUPERVISOR, uniqueSuffix } from '../support/scenario';

const zero = { inProgressOnTime: 0, inProgressOverdue: 0, doneOnTime: 0, doneLate: 0, withdrawn: 0 };

describe('agency status matrix', () => {
  let sql: Sql;
  let scenario: Scenario;
  let repository: AgencyStatusRepository;
  const s = uniqueSuffix();
  const [D, LEAD, COORD1, COORD2, HLA, HLB, HLC] = [`TB-${s}`, `SNV-${s}`, `STC-${s}`, `SKHDT-${s}`, `HLA-${s}`, `HLB-${s}`, `HLC-${s}`];

  beforeAll(async () => {
    sql = await testDatabase();
    scenario = Scenario.on(sql);
    repository = new AgencyStatusRepository(sql);
    const common = { paragraph: null, text: 'Rà soát, sắp xếp các đơn vị sự nghiệp công lập', centralCompetence: false };
    await scenario.createDirective(
      directiveCommand(D, [
        { ...common, id: `${D}.1`, kind: 'single', deadline: { kind: 'date', date: '2024-03-29' }, agencies: [{ agency: LEAD, role: 'lead' }, { agency: COORD1, role: 'coordinator' }, { agency: COORD2, role: 'coordinator' }] },
        { ...common, id: `${D}.2`, kind: 'eachOf', deadline: { kind: 'date', date: '2024-04-12' }, agencies: [HLA, HLB, HLC].map((agency) => ({ agency, role: 'lead' as const })) },
      ]),
    );
    await scenario.complete(`${D}.2.${HLA}`, HLA, ['2024-03-04T02:00:00.000Z', '2024-03-05T02:00:00.000Z', '2024-03-06T02:00:00.000Z', '2024-03-07T02:00:00.000Z', '2024-03-08T02:00:00.000Z']);
    await scenario.assignment(`${D}.2.${HLB}`, { type: 'Withdraw', at: '2024-03-10T02:00:00.000Z', actor: SUPERVISOR, reason: 'Không còn phù hợp' });
  });
  afterAll(() => sql.end());

  it('counts each agency of a lead+coordinators assignment, and each track of an eachOf once (never its parent)', async () => {
    expect(await repository.matrix({ directiveId: D, now: '2024-03-20T00:00:00.000Z' })).toEqual([
      { agency: HLA, ...zero, doneOnTime: 1, total: 1 },
      { agency: HLB, ...zero, withdrawn: 1, total: 1 },
      { agency: HLC, ...zero, inProgressOnTime: 1, total: 1 },
      { agency: COORD2, ...zero, inProgressOnTime: 1, total: 1 },
      { agency: LEAD, ...zero, inProgressOnTime: 1, total: 1 },
      { agency: COORD1, ...zero, inProgressOnTime: 1, total: 1 },
    ]);
  });

  it('turns open work overdue at the reader’s now, leaving done and withdrawn work as it was', async () => {
    const matrix = await repository.matrix({ directiveId: D, now: '2024-04-20T00:00:00.000Z' });
    expect(Object.fromEntries(matrix.map(({ agency, ...counts }) => [agency, counts]))).toEqual({
      [HLA]: { ...zero, doneOnTime: 1, total: 1 },
      [HLB]: { ...zero, withdrawn: 1, total: 1 },
      [HLC]: { ...zero, inProgressOverdue: 1, total: 1 },
      [COORD2]: { ...zero, inProgressOverdue: 1, total: 1 },
      [LEAD]: { ...zero, inProgressOverdue: 1, total: 1 },
      [COORD1]: { ...zero, inProgressOverdue: 1, total: 1 },
    });
  });

  it('counts each assignment once at the bottom line, however many agencies share it', async () => {
    // The single's lead and two coordinators are three rows above; the eachOf is its three tracks, never its parent.
    expect(await repository.totals({ directiveId: D, now: '2024-03-20T00:00:00.000Z' })).toEqual({ ...zero, inProgressOnTime: 2, doneOnTime: 1, withdrawn: 1, total: 4 });
    expect(await repository.totals({ directiveId: D, now: '2024-04-20T00:00:00.000Z' })).toEqual({ ...zero, inProgressOverdue: 2, doneOnTime: 1, withdrawn: 1, total: 4 });
  });

  it('counts across directives when none is given', async () => {
    const [other] = [`TB2-${s}`];
    await scenario.createDirective(
      directiveCommand(other, [{ id: `${other}.1`, paragraph: null, text: 'Báo cáo kết quả', kind: 'single', deadline: { kind: 'date', date: '2024-03-15' }, agencies: [{ agency: LEAD, role: 'lead' }], centralCompetence: false }]),
    );
    const lead = (await repository.matrix({ now: '2024-03-20T00:00:00.000Z' })).find((row) => row.agency === LEAD);
    expect(lead).toEqual({ agency: LEAD, ...zero, inProgressOnTime: 1, inProgressOverdue: 1, total: 2 });
  });
});
