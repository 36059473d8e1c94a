import type { Sql } from '@app/event-store';
import { DirectiveSummaryRepository } from '@app/read-models';
import { testDatabase } from '../../../support/test-stack';
import { directiveCommand, Scenario, SUPERVISOR, SYSTEM, uniqueSuffix } from '../support/scenario';

describe('directive summary read model', () => {
  let sql: Sql;
  let scenario: Scenario;
  let repository: DirectiveSummaryRepository;
  const s = uniqueSuffix();
  const [D, LEAD, HLA, HLB] = [`TB-${s}`, `SNV-${s}`, `HLA-${s}`, `HLB-${s}`];

  beforeAll(async () => {
    sql = await testDatabase();
    scenario = Scenario.on(sql);
    repository = new DirectiveSummaryRepository(sql);
    const common = { paragraph: null, text: 'Triển khai thực hiện Nghị quyết', centralCompetence: false };
    await scenario.createDirective(
      directiveCommand(D, [
        { ...common, id: `${D}.1`, kind: 'single', deadline: { kind: 'date', date: '2024-03-29' }, agencies: [{ agency: LEAD, role: 'lead' }] },
        { ...common, id: `${D}.2`, kind: 'eachOf', deadline: { kind: 'date', date: '2024-03-15' }, agencies: [HLA, HLB].map((agency) => ({ agency, role: 'lead' as const })) },
      ]),
    );
  });
  afterAll(() => sql.end());

  it('shows the directive as created: issuing body, issue date, monitor and number of assignments', async () => {
    const expected = {
      directiveId: D,
      title: 'Thông báo kết luận của Ban Thường vụ Tỉnh ủy về sắp xếp tổ chức bộ máy',
      number: '123-TB/TU',
      issuer: 'Ban Thường vụ Tỉnh ủy',
      issuingBody: 'Ban Thường vụ Tỉnh ủy',
      issuedOn: '2024-03-01',
      monitoringAgency: 'VPTU',
      assignmentCount: 2,
      withdrawn: false,
      withdrawal: null,
      reportCount: 0,
      lastReport: null,
      version: 1,
      createdAt: '2024-03-01T02:00:00.000Z',
      updatedAt: '2024-03-01T02:00:00.000Z',
    };
    expect(await repository.find(D)).toEqual(expected);
    expect((await repository.list()).find((d) => d.directiveId === D)).toEqual(expected);
    expect((await repository.findState(D))?.state).toMatchObject({ id: D, assignments: [{ id: `${D}.1` }, { id: `${D}.2` }] });
    expect(await repository.find(`${D}-404`)).toBeUndefined();
  });

  it('counts singles and tracks by status at now for the compiled report, never the eachOf parent', async () => {
    await scenario.complete(`${D}.2.${HLA}`, HLA, ['2024-03-04T02:00:00.000Z', '2024-03-05T02:00:00.000Z', '2024-03-06T02:00:00.000Z', '2024-03-18T02:00:00.000Z', '2024-03-19T02:00:00.000Z']);
    await scenario.assignment(`${D}.2.${HLB}`, { type: 'Withdraw', at: '2024-03-10T02:00:00.000Z', actor: SUPERVISOR, reason: 'Thu hồi' });
    expect(await repository.statusCounts(D, '2024-03-20T00:00:00.000Z')).toEqual({ inProgressOnTime: 1, inProgressOverdue: 0, doneOnTime: 0, doneLate: 1, withdrawn: 1 });
    expect(await repository.statusCounts(D, '2024-04-01T00:00:00.000Z')).toEqual({ inProgressOnTime: 0, inProgressOverdue: 1, doneOnTime: 0, doneLate: 1, withdrawn: 1 });
  });

  it('keeps the last compiled report and the withdrawal', async () => {
    const counts = await repository.statusCounts(D, '2024-03-31T02:00:00.000Z');
    await scenario.directive(D, { type: 'RecordCompiledReport', at: '2024-03-31T02:00:00.000Z', actor: SYSTEM, periodEnd: '2024-03-31T02:00:00.000Z', counts });
    expect(await repository.find(D)).toMatchObject({ reportCount: 1, lastReport: { periodEnd: '2024-03-31T02:00:00.000Z', counts, at: '2024-03-31T02:00:00.000Z' }, version: 2 });

    await scenario.directive(D, { type: 'Withdraw', at: '2024-04-02T02:00:00.000Z', actor: SUPERVISOR, reason: 'Đã có văn bản thay thế' });
    expect(await repository.find(D)).toMatchObject({
      withdrawn: true,
      withdrawal: { reason: 'Đã có văn bản thay thế', at: '2024-04-02T02:00:00.000Z' },
      reportCount: 1,
      version: 3,
      updatedAt: '2024-04-02T02:00:00.000Z',
    });
  });
});
