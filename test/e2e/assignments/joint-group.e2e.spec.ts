import { randomUUID } from 'node:crypto';
import { http, startTestApp, type TestApp } from '../../support/test-app';
import { bearer, mintToken } from '../../support/tokens';

const FAR = { kind: 'date', date: '2099-12-31' };
const TEXT = 'Nghiên cứu xử lý hoặc tham mưu xử lý các nội dung kiến nghị, đề xuất liên quan';

/**
 * A notice gives "các cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy" (CQTMGV) work as one body, as the seed's item
 * on the districts' proposals does; its members (the Office, the Ban, the Inspection Commission) are who do it.
 */
describe('work given to a joint group', () => {
  let app: TestApp;
  let supervisor: string;
  let lead: string;
  let member: string;
  let outsider: string;
  let directiveId: string;

  beforeAll(async () => {
    app = await startTestApp();
    supervisor = await mintToken(app, 'supervisor');
    lead = await mintToken(app, 'agency', 'DDHDND');
    member = await mintToken(app, 'agency', 'BTGTU');
    outsider = await mintToken(app, 'agency', 'UBMTTQ');
    directiveId = `TB-${randomUUID().slice(0, 8)}`;
    const plan = (key: string, agencies: unknown[]) => ({ key, text: TEXT, kind: 'single', agencies, deadline: FAR });
    const created = await post('/api/directives', supervisor, {
      id: directiveId,
      title: 'Thông báo kết luận Hội nghị ngày 22/3/2023',
      issuedOn: '2023-03-22',
      assignments: [
        plan('A1', [{ agency: 'DDHDND', role: 'lead' }, { agency: 'CQTMGV', role: 'coordinator' }]),
        plan('A2', [{ agency: 'BTCTU', role: 'lead' }]),
        { ...plan('A3', [{ agency: 'CQTMGV', role: 'lead' }, { agency: 'BTV-HUONGSON', role: 'lead' }]), kind: 'eachOf' },
        plan('A4', [{ agency: 'BTGTU', role: 'lead' }]),
        plan('A5', [{ agency: 'CQTMGV', role: 'lead' }, { agency: 'BTGTU', role: 'coordinator' }]),
      ],
    });
    expect(created.status).toBe(201);
  });
  afterAll(() => app.close());

  const post = (path: string, token: string, body: unknown = {}) => http(`${app.url}${path}`, { method: 'POST', headers: bearer(token), body });
  const get = (path: string, token: string) => http(`${app.url}${path}`, { headers: bearer(token) });
  const ids = (items: { id: string }[]) => items.map((item) => item.id);

  it("shows a member the group's work, in its list, its reads, the directive and its inbox; not to others", async () => {
    const a1 = `${directiveId}-A1`;
    // The group's own part of the "each of" assignment too, as a district's list holds its own.
    const groupWork = [a1, `${directiveId}-A3`, `${directiveId}-A3.CQTMGV`];
    const ownPart = [...groupWork, `${directiveId}-A4`, `${directiveId}-A5`];
    expect(ids((await get(`/api/assignments?directive=${directiveId}`, member)).body.items)).toEqual(ownPart);
    expect(ids((await get(`/api/assignments?directive=${directiveId}&agency=CQTMGV`, member)).body.items)).toEqual([...groupWork, `${directiveId}-A5`]);
    expect((await get(`/api/assignments?directive=${directiveId}&agency=BTCTU`, member)).status).toBe(403);
    expect((await get(`/api/assignments/${a1}`, member)).body).toMatchObject({ id: a1, coordinators: ['CQTMGV'] });
    expect(ids((await get(`/api/directives/${directiveId}`, member)).body.assignments)).toEqual([a1, `${directiveId}-A3`, `${directiveId}-A4`, `${directiveId}-A5`]);
    const inbox = (await get('/api/inbox', member)).body.items as { agency: string; assignmentId: string; kind: string }[];
    expect(inbox.filter((n) => n.assignmentId === a1)).toEqual([expect.objectContaining({ agency: 'CQTMGV', kind: 'assigned' })]);
    // The Office's filter is the work naming the agency, as the status report counts it; the group's by its own code.
    expect(ids((await get(`/api/assignments?directive=${directiveId}&agency=BTGTU`, supervisor)).body.items)).toEqual([`${directiveId}-A4`, `${directiveId}-A5`]);
    expect(ids((await get(`/api/assignments?directive=${directiveId}&agency=CQTMGV`, supervisor)).body.items)).toEqual([...groupWork, `${directiveId}-A5`]);

    expect((await get(`/api/assignments/${a1}`, outsider)).status).toBe(404);
    expect((await get(`/api/assignments?directive=${directiveId}`, outsider)).body.items).toEqual([]);
  });

  it('lets a member take the group\'s part, recorded as the group and the member that acted for it', async () => {
    const a1 = `${directiveId}-A1`;
    expect((await post(`/api/assignments/${a1}/acknowledge`, lead)).status).toBe(200);
    const research = await post(`/api/assignments/${a1}/research`, member, { note: 'Ban Tuyên giáo tổng hợp ý kiến' });
    expect([research.status, research.body.events.map((e: { type: string }) => e.type)]).toEqual([200, ['ResearchRecorded']]);
    const timeline = (await get(`/api/assignments/${a1}/timeline`, supervisor)).body.events as { type: string; actor: unknown; tokenId: string }[];
    const recorded = timeline.find((e) => e.type === 'ResearchRecorded');
    expect(recorded).toMatchObject({ actor: { kind: 'agency', agency: 'CQTMGV', member: 'BTGTU' }, tokenId: (await get('/api/me', member)).body.tokenId });
    // The group coordinates: leading stays with the lead.
    const proposal = await post(`/api/assignments/${a1}/propose`, member, { summary: 'Đề xuất', beyondProvincialCompetence: false });
    expect([proposal.status, proposal.body.code, proposal.body.message]).toEqual([403, 'NOT_PERMITTED', expect.stringContaining('agency CQTMGV (its member BTGTU) may not')]);
  });

  it('lets a member act on the group\'s own part of an "each of" assignment, and shows it at that part\'s stage', async () => {
    const parent = `${directiveId}-A3`;
    const acknowledged = await post(`/api/assignments/${parent}/acknowledge`, member);
    expect([acknowledged.status, acknowledged.body.assignment?.id]).toEqual([200, `${parent}.CQTMGV`]);
    expect((await get(`/api/assignments/${parent}`, member)).body).toMatchObject({ id: parent, stage: 'research' });
    const listed = (await get(`/api/assignments?directive=${directiveId}`, member)).body.items as { id: string; stage: string }[];
    expect(listed.find((item) => item.id === parent)?.stage).toBe('research');
    // The district's part has not moved.
    expect((await get(`/api/assignments/${parent}.BTV-HUONGSON`, supervisor)).body.stage).toBe('received');
  });

  it("lets a member named as a coordinator lead when its group leads: it may do all its group may", async () => {
    const a5 = `${directiveId}-A5`;
    const acknowledged = await post(`/api/assignments/${a5}/acknowledge`, member);
    expect([acknowledged.status, acknowledged.body.assignment?.stage]).toEqual([200, 'research']);
    const timeline = (await get(`/api/assignments/${a5}/timeline`, supervisor)).body.events as { type: string; actor: unknown }[];
    expect(timeline.find((e) => e.type === 'AssignmentAcknowledged')?.actor).toEqual({ kind: 'agency', agency: 'CQTMGV', member: 'BTGTU' });
  });
});
