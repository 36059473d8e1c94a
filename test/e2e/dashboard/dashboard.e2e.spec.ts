import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { isWorkingDay } from '@app/domain';
import { http, startTestApp, type TestApp } from '../../support/test-app';
import { adminToken, bearer, mintToken, mintTokenWithId } from '../../support/tokens';
import {
  everyControlLabelled,
  fitsWidth,
  launchBrowser,
  openPage,
  screenshot,
  sessionToken,
  signIn,
  storedLang,
  tablesAreSemantic,
  vietnamTime,
  type BrowserGlobals,
  type DashboardPage,
} from './browser';

const FAST_TIMERS = { remindBeforeMs: [1500], ladderAfterMs: [1000, 2000, 3000] };
/** `days` ahead, moved on to a working day in Hà Nội: a deadline on a day off is marked so (which these checks do not expect). */
const FAR = (days: number): string => {
  let at = Date.now() + days * 86_400_000;
  while (!isWorkingDay(new Date(at).toISOString())) at += 86_400_000;
  return new Date(at).toISOString();
};

describe('Supervisor dashboard in a real browser', () => {
  let app: TestApp;
  let browser: Browser;
  let supervisor: string;
  const pages: DashboardPage[] = [];

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
    supervisor = await mintToken(app, 'supervisor');
  });
  afterAll(async () => {
    await Promise.all(pages.map((p) => p.close()));
    await browser?.close();
    await app?.close();
  });

  async function open(viewport?: { width: number; height: number }): Promise<DashboardPage> {
    const opened = await openPage(browser, viewport);
    pages.push(opened);
    return opened;
  }

  /** No "null", "undefined" or "NaN" leaked into the text of the page. */
  async function expectNoPlaceholders(dashboard: DashboardPage): Promise<void> {
    expect(await dashboard.page.locator('main').innerText()).not.toMatch(/\bnull\b|\bundefined\b|\bNaN\b/);
  }

  /** Only this app's origin was asked for anything: nothing from the internet. */
  function expectOnlyOwnOrigin(dashboard: DashboardPage): void {
    expect(dashboard.requests.length).toBeGreaterThan(0);
    expect(dashboard.requests.map((r) => new URL(r.url).origin).filter((origin) => origin !== app.url)).toEqual([]);
    expect(dashboard.errors).toEqual([]);
  }

  type Plan = { key: string; text: string; kind?: 'single' | 'eachOf'; agencies: { agency: string; role: 'lead' | 'coordinator' }[]; at: string; acknowledgeBy?: string };

  async function createDirective(title: string, plans: Plan[]): Promise<string> {
    const id = `TB-DASH-${randomUUID().slice(0, 8)}`;
    const created = await http(`${app.url}/api/directives`, {
      method: 'POST',
      headers: bearer(supervisor),
      body: {
        id,
        title,
        number: '99-TB/TU',
        timerPolicy: FAST_TIMERS,
        assignments: plans.map((p) => ({
          key: p.key,
          text: p.text,
          kind: p.kind ?? 'single',
          agencies: p.agencies,
          deadline: { kind: 'instant', at: p.at },
          ...(p.acknowledgeBy && { stageDeadlines: { acknowledge: { kind: 'instant', at: p.acknowledgeBy } } }),
        })),
      },
    });
    expect(created.status).toBe(201);
    // The directive's workflow starts its assignments just after answering: wait until every one is projected.
    const deadline = Date.now() + 20_000;
    for (;;) {
      const directive = await http(`${app.url}/api/directives/${id}`, { headers: bearer(supervisor) });
      if (directive.status === 200 && directive.body.assignments.length === plans.length) return id;
      if (Date.now() > deadline) throw new Error(`the assignments of ${id} did not appear: ${JSON.stringify(directive.body)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function command(token: string, id: string, name: string, body: Record<string, unknown> = {}): Promise<void> {
    const response = await http(`${app.url}/api/assignments/${encodeURIComponent(id)}/${name}`, { method: 'POST', headers: bearer(token), body });
    if (response.status !== 200) throw new Error(`${name} on ${id} answered ${response.status}: ${JSON.stringify(response.body)}`);
  }

  /** Lead acknowledges, proposes and reports; the supervisor accepts and confirms. */
  async function driveToClosed(id: string, lead: string): Promise<void> {
    const agency = await mintToken(app, 'agency', lead);
    await command(agency, id, 'acknowledge');
    await command(agency, id, 'propose', { summary: 'Đề xuất', beyondProvincialCompetence: false });
    await command(supervisor, id, 'review', { decision: 'accept' });
    await command(agency, id, 'report', { summary: 'Báo cáo kết quả' });
    await command(supervisor, id, 'confirm', {});
  }

  it('serves the page and its assets at / and /dashboard/*, publicly, without shadowing /api, /docs or /health', async () => {
    const index = await http(`${app.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toContain('text/html');
    expect(index.headers.get('content-security-policy')).toContain("connect-src 'self'");
    expect(index.body).toContain('<main id="main"');
    expect(index.body).not.toMatch(/https?:\/\//); // nothing from elsewhere

    const script = await http(`${app.url}/dashboard/app.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('text/javascript');
    expect((await http(`${app.url}/dashboard/styles.css`)).headers.get('content-type')).toContain('text/css');
    for (const path of ['/dashboard/nope.js', '/dashboard/..%2Fdashboard.module.js', '/dashboard/%2E%2E%2F%2E%2E%2Fmain.js', '/dashboard/index.html']) {
      expect({ path, status: (await http(`${app.url}${path}`)).status }).toEqual({ path, status: 404 });
    }

    expect((await http(`${app.url}/health`)).status).toBe(200);
    const api = await http(`${app.url}/api/directives`);
    expect(api.status).toBe(401);
    expect(api.body.code).toBe('UNAUTHENTICATED');
    expect((await http(`${app.url}/api/directives`, { headers: bearer(supervisor) })).status).toBe(200);
    expect((await http(`${app.url}/docs`)).body).toContain('swagger');
    const paths = Object.keys((await http(`${app.url}/docs-json`)).body.paths);
    expect(paths).toContain('/api/escalations');
    expect(paths.filter((p) => p === '/' || p.startsWith('/dashboard'))).toEqual([]);
  });

  it('signs in with a token (a wrong one is refused), sends it as a bearer header, and signs out', async () => {
    const dashboard = await open();
    const { page } = dashboard;
    await page.goto(`${app.url}/`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Đăng nhập');

    await page.getByLabel('Mã truy cập').fill('ddc_not-a-real-token');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('alert').filter({ hasText: 'Mã truy cập không đúng hoặc đã bị thu hồi.' }).waitFor();
    expect(await sessionToken(page)).toBeNull();

    await page.getByLabel('Mã truy cập').fill(supervisor);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dòng thời gian đôn đốc' }).waitFor();
    expect(await sessionToken(page)).toBe(supervisor);
    await page.locator('#live[data-state="on"]').waitFor();
    await screenshot(page, 'timeline-signed-in');
    expect(await page.locator('#who').textContent()).toBe('Đăng nhập: Cán bộ theo dõi');
    expect(await page.locator('#nav a:visible').allTextContents()).toEqual(['Dòng thời gian đôn đốc', 'Tình hình thực hiện', 'Nhiệm vụ']);

    const apiCalls = dashboard.requests.filter((r) => new URL(r.url).pathname.startsWith('/api/') && !r.url.includes('/api/events/stream'));
    expect(apiCalls.length).toBeGreaterThanOrEqual(3);
    const afterSignIn = apiCalls.slice(1); // the first is the refused attempt
    expect(afterSignIn.every((r) => r.authorization === `Bearer ${supervisor}`)).toBe(true);
    const stream = dashboard.requests.find((r) => r.url.includes('/api/events/stream'));
    expect(stream && new URL(stream.url).searchParams.get('access_token')).toBe(supervisor);
    expectOnlyOwnOrigin(dashboard);

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    expect(await sessionToken(page)).toBeNull();
    expect(await page.locator('#nav').isVisible()).toBe(false);
    expect(await page.locator('#who').isVisible()).toBe(false);
  });

  it('goes back to sign-in with a message once the token is revoked (401)', async () => {
    const { id, token } = await mintTokenWithId(app, 'viewer');
    const dashboard = await open();
    await signIn(dashboard.page, app.url, token, '#/status');
    await dashboard.page.getByRole('heading', { level: 1, name: 'Tình hình thực hiện theo cơ quan' }).waitFor();

    const revoked = await http(`${app.url}/api/tokens/${id}`, { method: 'DELETE', headers: bearer(adminToken(app)) });
    expect(revoked.status).toBe(204);
    // The next request meets the 401: the user's navigation, or the live stream's reconnection when it comes first
    // (then the menu is already gone and there is nothing to click).
    await dashboard.page.getByRole('link', { name: 'Nhiệm vụ' }).click({ timeout: 3000 }).catch(() => undefined);
    await dashboard.page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    await dashboard.page.getByText('Phiên làm việc không còn hiệu lực').waitFor();
    expect(await sessionToken(dashboard.page)).toBeNull();
    await screenshot(dashboard.page, 'signed-out-401');
  });

  it("lists a directive's assignments and shows an assignment's stages, deadlines, tracks and full timeline", async () => {
    const due = '2031-03-05T17:30:00.000Z'; // 06/03/2031 00:30 in Hà Nội: the day differs from UTC
    const directive = await createDirective('Kết luận về công tác cán bộ trẻ', [
      { key: 'A1', text: 'Nghiên cứu chính sách thu hút cán bộ trẻ', agencies: [{ agency: 'BTCTU', role: 'lead' }, { agency: 'DDHDND', role: 'coordinator' }], at: due },
      { key: 'A2', text: 'Các huyện ủy rà soát quy hoạch', kind: 'eachOf', agencies: [{ agency: 'BTV-HUONGSON', role: 'lead' }, { agency: 'BTV-NGHIXUAN', role: 'lead' }], at: due },
    ]);
    const a1 = `${directive}-A1`;
    const lead = await mintToken(app, 'agency', 'BTCTU');
    await command(lead, a1, 'acknowledge');
    const extended = '2031-04-10T03:00:00.000Z';
    await command(lead, a1, 'extension', { reason: 'Cần thêm thời gian khảo sát', newDueAt: extended });
    await command(supervisor, a1, 'extension-decision', { decision: 'approve', comment: 'Đồng ý' });

    const dashboard = await open();
    const { page } = dashboard;
    await signIn(page, app.url, supervisor, `#/assignments?directive=${directive}`);
    const rows = page.locator('#assignments-table tbody tr');
    await rows.first().waitFor();
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-assignment')))).toEqual([`${directive}-A2`, a1]);
    const a1Row = page.locator(`tr[data-assignment="${a1}"]`);
    expect(await a1Row.locator('td').nth(2).textContent()).toBe('Nghiên cứu');
    expect(await a1Row.locator('td').nth(3).textContent()).toBe('Đang thực hiện trong hạn');
    expect(await a1Row.locator('td').nth(4).textContent()).toBe(`${vietnamTime(extended)} (Hạn ban đầu: ${vietnamTime(due)})`);
    expect(await page.locator('#filter-directive').inputValue()).toBe(directive);
    await expectNoPlaceholders(dashboard);
    await screenshot(page, 'assignments');

    // Asked again, for a public holiday: the Office sees so before deciding.
    const nationalDay = '2031-09-02T03:00:00.000Z'; // 2/9/2031, Quốc khánh
    await command(lead, a1, 'extension', { reason: 'Chờ kết quả khảo sát', newDueAt: nationalDay });
    await page.getByRole('link', { name: a1, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Nhiệm vụ ${a1}` }).waitFor();
    await page.locator('#events-table').waitFor();
    const fact = (name: string) => page.locator(`[data-fact="${name}"] dd`).textContent();
    expect(await fact('pendingExtension')).toBe(`${vietnamTime(nationalDay)} (rơi vào ngày nghỉ)`);
    expect(await fact('originalDue')).toBe(vietnamTime(due));
    expect(vietnamTime(due)).toBe('06/03/2031 00:30');
    expect(await fact('adjustedDue')).toBe(vietnamTime(extended));
    expect(await fact('stage')).toBe('Nghiên cứu');
    expect(await fact('lead')).toBe('BTCTU — Ban Tổ chức Tỉnh ủy');
    expect(await page.locator('.stepper [aria-current="step"]').textContent()).toBe('Nghiên cứu (hiện tại)');
    expect(await page.locator('#events-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-type')))).toEqual([
      'AssignmentCreated',
      'AssignmentAcknowledged',
      'ExtensionRequested',
      'ExtensionApproved',
      'ExtensionRequested',
    ]);
    expect(await page.locator('#events-table tbody tr').nth(3).locator('td').nth(1).textContent()).toBe('Chấp thuận gia hạn');
    // The role, and the label the admin gave the token it came with: which officer or desk acted.
    expect(await page.locator('#events-table tbody tr').nth(3).locator('td').nth(2).textContent()).toBe('Cán bộ theo dõi · e2e supervisor');
    // The creation too: the supervisor's token that created the directive.
    expect(await page.locator('#events-table tbody tr').nth(0).locator('td').nth(2).textContent()).toBe('Cán bộ theo dõi · e2e supervisor');
    await expectNoPlaceholders(dashboard);
    await screenshot(page, 'assignment-single');

    await page.goto(`${app.url}/#/assignments/${encodeURIComponent(`${directive}-A2`)}`);
    await page.locator('#tracks-table').waitFor();
    expect(await page.locator('#tracks-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-agency')))).toEqual(['BTV-HUONGSON', 'BTV-NGHIXUAN']);
    expect(await page.locator('#tracks-table tbody tr').first().locator('td').allTextContents()).toEqual(['Tiếp nhận', 'Đang thực hiện trong hạn', vietnamTime(due), 'Chưa đôn đốc']);
    // A supervisor opens every district's track.
    expect(await page.locator('#tracks-table tbody th a').allTextContents()).toEqual(['BTV-HUONGSON', 'BTV-NGHIXUAN']);
    expect(await page.locator('.stepper [aria-current="step"]').textContent()).toBe('Theo dõi (hiện tại)');
    // The districts climb the ladder on their own tracks; the parent stands at the highest of theirs (none yet).
    expect(await fact('level')).toBe('Chưa đôn đốc');
    await expectNoPlaceholders(dashboard);

    // Withdrawn during research: the stepper shows the stages it reached done, not the ones it never did.
    await command(supervisor, a1, 'withdraw', { reason: 'Không còn phù hợp' });
    await page.goto(`${app.url}/#/assignments/${encodeURIComponent(a1)}`);
    await page.locator('.stepper [data-stage="withdrawn"][aria-current="step"]').waitFor();
    expect(await page.locator('.stepper .passed').evaluateAll((steps) => steps.map((step) => step.getAttribute('data-stage')))).toEqual(['received', 'research']);
    expectOnlyOwnOrigin(dashboard);
  });

  it('shows a district its part of an "each of" assignment: its own clock, a link to its track and none to the others\'; the supervisor its requests', async () => {
    const due = new Date(Date.now() + 4000).toISOString();
    const directive = await createDirective('Kết luận về rà soát quy hoạch', [
      { key: 'A2', text: 'Các huyện ủy rà soát quy hoạch', kind: 'eachOf', agencies: [{ agency: 'BTV-HUONGSON', role: 'lead' }, { agency: 'BTV-NGHIXUAN', role: 'lead' }], at: due },
    ]);
    const parent = `${directive}-A2`;
    const district = await mintToken(app, 'agency', 'BTV-NGHIXUAN');
    await command(district, parent, 'acknowledge');
    const extended = FAR(30);
    await command(district, parent, 'extension', { reason: 'Chờ số liệu các xã', newDueAt: extended });
    await command(supervisor, `${parent}.BTV-NGHIXUAN`, 'extension-decision', { decision: 'approve' });
    // Hương Sơn's deadline passes and it climbs the ladder: the whole is overdue, Nghi Xuân's part is not.
    for (let i = 0; i < 100; i += 1) {
      const whole = await http(`${app.url}/api/assignments/${parent}`, { headers: bearer(supervisor) });
      if (whole.body.status === 'inProgressOverdue' && whole.body.overdueLevel >= 1) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }

    const dashboard = await open();
    const { page } = dashboard;
    await signIn(page, app.url, district, `#/assignments/${encodeURIComponent(parent)}`);
    await page.locator('#tracks-table').waitFor();
    expect(await page.locator('#who').textContent()).toMatch(/^Đăng nhập: BTV-NGHIXUAN — Ban Thường vụ Huyện ủy Nghi Xuân$/);
    expect(await page.locator('#nav a:visible').allTextContents()).toEqual(['Dòng thời gian đôn đốc', 'Nhiệm vụ']);
    expect(await page.locator('#tracks-table tbody th a').allTextContents()).toEqual(['BTV-NGHIXUAN']);
    expect(await page.locator('#tracks-table tbody tr[data-agency="BTV-HUONGSON"] td').nth(1).textContent()).toBe('Quá hạn');
    expect(await page.locator('[data-fact="ownStatus"] dd').textContent()).toBe('Đang thực hiện trong hạn');
    expect(await page.locator('[data-fact="adjustedDue"] dd').textContent()).toBe(vietnamTime(extended));
    expect(await page.locator('[data-fact="level"] dd').textContent()).toBe('Chưa đôn đốc');
    // Its own stage, on the steps of its own track (it has acknowledged), not the whole's.
    expect(await page.locator('[data-fact="ownStage"] dd').textContent()).toBe('Nghiên cứu');
    expect(await page.locator('.stepper [aria-current="step"]').getAttribute('data-stage')).toBe('research');
    expect(await page.locator('.stepper .passed').evaluateAll((steps) => steps.map((step) => step.getAttribute('data-stage')))).toEqual(['received']);
    await page.locator('[data-fact="ownTrack"] dd a').click();
    await page.getByRole('heading', { level: 1, name: `Nhiệm vụ ${parent}.BTV-NGHIXUAN` }).waitFor();
    expect(await page.locator('[data-fact="stage"] dd').textContent()).toBe('Nghiên cứu');
    await expectNoPlaceholders(dashboard);
    // Its timeline is its own: no agency to choose.
    await page.getByRole('link', { name: 'Dòng thời gian đôn đốc' }).click();
    await page.locator('#filter-directive').waitFor();
    expect(await page.locator('#filter-agency').count()).toBe(0);
    // In its list the whole stands at its own clock too: its deadline and level, not Hương Sơn's.
    await page.goto(`${app.url}/#/assignments?directive=${directive}`);
    const row = page.locator(`tr[data-assignment="${parent}"]`);
    await row.waitFor();
    expect(await row.locator('td').nth(2).textContent()).toBe('Nghiên cứu');
    expect(await row.locator('td').nth(3).textContent()).toBe('Đang thực hiện trong hạn');
    expect(await row.locator('td').nth(4).textContent()).toBe(`${vietnamTime(extended)} (Hạn ban đầu: ${vietnamTime(due)})`);
    expect(await row.locator('td').nth(5).textContent()).toBe('Chưa đôn đốc');
    // Its list is its own too: a status to choose, no agency.
    expect(await page.locator('#filter-agency').count()).toBe(0);
    await page.locator('#filter-status').selectOption('inProgressOverdue');
    // Hương Sơn's track is overdue, Nghi Xuân's is not: nothing of Nghi Xuân's is.
    await page.locator('p.message-info', { hasText: 'Không có nhiệm vụ nào.' }).waitFor();
    expect(dashboard.errors).toEqual([]);
    // The event feed spans every agency: a district's page does not ask for it (no 403s in its console), and says so.
    expect(dashboard.requests.filter((r) => new URL(r.url).pathname.startsWith('/api/events'))).toEqual([]);
    expect(await page.locator('#live').getAttribute('data-state')).toBe('off');

    // Nghi Xuân asks for more time again: the supervisor finds the request in the queue of those awaiting a decision
    // (the track itself, where it is decided), and beside Nghi Xuân on the parent's page.
    const again = FAR(60);
    await command(district, parent, 'extension', { reason: 'Chờ thêm số liệu', newDueAt: again });
    const office = await open();
    await signIn(office.page, app.url, supervisor, `#/assignments?directive=${directive}&queue=extension`);
    const queued = office.page.locator(`tr[data-assignment="${parent}.BTV-NGHIXUAN"]`);
    await queued.waitFor();
    expect(await office.page.locator('#assignments-table tbody tr').count()).toBe(1);
    expect(await queued.locator('td').nth(4).textContent()).toContain(`(đề nghị gia hạn đến ${vietnamTime(again)})`);
    // The same request among everything awaiting the Office's decision, the filter's other queue.
    expect(await office.page.locator('#filter-queue option[value="decision"]').textContent()).toBe('Chờ Văn phòng quyết định (đề xuất, báo cáo, gia hạn)');
    await office.page.goto(`${app.url}/#/timeline`);
    await office.page.locator('#filter-directive').waitFor();
    await office.page.goto(`${app.url}/#/assignments?directive=${directive}&queue=decision`);
    const listed = () => office.page.locator('#assignments-table tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-assignment')));
    for (let tries = 0; tries < 100 && (await listed()).length === 0; tries += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await listed()).toEqual([`${parent}.BTV-NGHIXUAN`]);
    await office.page.goto(`${app.url}/#/assignments/${encodeURIComponent(parent)}`);
    await office.page.locator('#tracks-table').waitFor();
    expect(await office.page.locator('#tracks-table tbody tr[data-agency="BTV-NGHIXUAN"] td').nth(2).textContent()).toBe(`${vietnamTime(extended)} (đề nghị gia hạn đến ${vietnamTime(again)})`);
    expect(await office.page.locator('#tracks-table tbody tr[data-agency="BTV-HUONGSON"] td').nth(2).textContent()).not.toContain('gia hạn');
    await expectNoPlaceholders(office);
    expect(office.errors).toEqual([]);
  });

  it('shows an overdue escalation and the ladder levels in the timeline as they happen, without reloading', async () => {
    const due = new Date(Date.now() + 8_000).toISOString();
    const directive = await createDirective('Đôn đốc nhiệm vụ sắp đến hạn', [
      { key: 'A1', text: 'Báo cáo tình hình tổ chức bộ máy', agencies: [{ agency: 'BTCTU', role: 'lead' }], at: due },
    ]);
    const dashboard = await open();
    const { page } = dashboard;
    await signIn(page, app.url, supervisor, `#/timeline?directive=${directive}`);
    await page.locator('#live[data-state="on"]').waitFor();
    await page.locator('p.meta', { hasText: 'Cập nhật lúc' }).waitFor();
    expect(Date.now()).toBeLessThan(Date.parse(due)); // the first render came before the deadline
    expect(await page.locator('li.event[data-type="MarkedOverdue"]').count()).toBe(0);
    await page.evaluate(() => ((globalThis as unknown as BrowserGlobals).sameDocument = true));

    const overdue = page.locator('li.event[data-type="MarkedOverdue"]');
    await overdue.waitFor({ timeout: 30_000 });
    expect(await overdue.locator('.badge').textContent()).toBe('Quá hạn');
    expect(await overdue.locator('.details').textContent()).toContain(`Hạn: ${vietnamTime(due)}`);
    expect(await overdue.locator('time').textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    await page.locator('li.event .badge', { hasText: 'Cấp 3: Ban Thường vụ Tỉnh ủy' }).waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => (globalThis as unknown as BrowserGlobals).sameDocument)).toBe(true);
    // Newest first: level 3, 2, 1, overdue, the reminder before the deadline.
    const badges = await page.locator('li.event .badge').allTextContents();
    expect(badges).toEqual(['Cấp 3: Ban Thường vụ Tỉnh ủy', 'Cấp 2: Văn phòng Tỉnh ủy', 'Cấp 1: Thủ trưởng cơ quan', 'Quá hạn', 'Nhắc hạn']);
    await expectNoPlaceholders(dashboard);
    await screenshot(page, 'timeline-overdue');

    await page.locator('#filter-agency').selectOption('BTV-HUONGSON');
    await page.waitForURL(/agency=BTV-HUONGSON/);
    await page.getByText('Chưa có sự kiện đôn đốc nào.').waitFor();
    await page.locator('#filter-agency').focus();
    await page.locator('#filter-agency').selectOption('BTCTU');
    await page.locator('li.event').nth(4).waitFor();
    expect(await page.locator('li.event').count()).toBe(5);
    // The page re-rendered for the new filter; the keyboard stays on the control.
    expect(await page.locator('#filter-agency').evaluate((el) => el === (globalThis as unknown as BrowserGlobals).document.activeElement)).toBe(true);
    expectOnlyOwnOrigin(dashboard);
  });

  it('shows a milestone reached after its deadline as reached late, not met', async () => {
    const acknowledgeBy = new Date(Date.now() + 1_500).toISOString();
    const directive = await createDirective('Kết luận về tiếp nhận đúng mốc', [
      { key: 'A1', text: 'Tiếp nhận và triển khai', agencies: [{ agency: 'BTCTU', role: 'lead' }], at: FAR(60), acknowledgeBy },
    ]);
    const id = `${directive}-A1`;
    for (let i = 0; ; i += 1) {
      const read = await http(`${app.url}/api/assignments/${id}`, { headers: bearer(supervisor) });
      if (read.body.stageDeadlines?.acknowledge?.missed) break;
      if (i === 100) throw new Error(`the acknowledge milestone was not missed in 20 s: ${JSON.stringify(read.body.stageDeadlines)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await command(await mintToken(app, 'agency', 'BTCTU'), id, 'acknowledge');
    const dashboard = await open();
    await signIn(dashboard.page, app.url, supervisor, `#/assignments/${encodeURIComponent(id)}`);
    const milestone = dashboard.page.locator('[data-stage-deadline="acknowledge"]');
    await milestone.waitFor();
    expect(await milestone.textContent()).toBe(`Mốc tiếp nhận: ${vietnamTime(acknowledgeBy)} (đạt muộn)`);
  });

  it('says in the user\'s language why a page could not load, and stops saying it is loading', async () => {
    const dashboard = await open();
    const { page } = dashboard;
    await signIn(page, app.url, supervisor, '#/assignments?agency=XYZ');
    const failure = page.locator('p.message-error');
    await failure.waitFor();
    expect(await failure.textContent()).toBe('Không có cơ quan nào mang mã này trong danh mục: hãy chọn cơ quan trong danh sách.');
    expect(await page.locator('p.meta[role="status"]').textContent()).toBe('');
    await page.goto(`${app.url}/#/assignments/NOPE-${randomUUID().slice(0, 8)}`);
    await page.getByRole('heading', { level: 1, name: /^Nhiệm vụ NOPE-/ }).waitFor();
    await page.locator('p.message-error').waitFor();
    expect(await page.locator('body').textContent()).not.toContain('Đang tải');
  });

  it('switches to English and back; the choice outlives a reload', async () => {
    const dashboard = await open();
    const { page } = dashboard;
    await signIn(page, app.url, supervisor, '#/status');
    const heading = page.getByRole('heading', { level: 1 });
    await page.getByRole('heading', { level: 1, name: 'Tình hình thực hiện theo cơ quan' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('vi');

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Status by agency' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await storedLang(page)).toBe('en');
    expect(await page.locator('#nav a:visible').allTextContents()).toEqual(['Escalation timeline', 'Status by agency', 'Assignments']);
    await screenshot(page, 'status-english');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Status by agency' }).waitFor();
    expect(await page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tình hình thực hiện theo cơ quan' }).waitFor();
    expect(await heading.textContent()).toBe('Tình hình thực hiện theo cơ quan');
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    expect(await storedLang(page)).toBe('vi');
    expectOnlyOwnOrigin(dashboard);
  });

  it('shows the status matrix as a table and a bar chart: within deadline, overdue, done on time, done late', async () => {
    const soon = new Date(Date.now() + 3_000).toISOString();
    const directive = await createDirective('Ma trận tình hình thực hiện', [
      { key: 'OVERDUE', text: 'Sẽ quá hạn', agencies: [{ agency: 'BTCTU', role: 'lead' }], at: soon },
      { key: 'INTIME', text: 'Còn trong hạn', agencies: [{ agency: 'DDHDND', role: 'lead' }, { agency: 'BTCTU', role: 'coordinator' }], at: FAR(30) },
      { key: 'ONTIME', text: 'Hoàn thành đúng hạn', agencies: [{ agency: 'BTV-HUONGSON', role: 'lead' }], at: FAR(30) },
      { key: 'LATE', text: 'Hoàn thành quá hạn', agencies: [{ agency: 'BTV-NGHIXUAN', role: 'lead' }], at: soon },
    ]);
    await driveToClosed(`${directive}-ONTIME`, 'BTV-HUONGSON');
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(soon) - Date.now() + 500)));
    await driveToClosed(`${directive}-LATE`, 'BTV-NGHIXUAN');

    const dashboard = await open();
    const { page } = dashboard;
    await signIn(page, app.url, supervisor, `#/status?directive=${directive}`);
    await page.locator('#status-table').waitFor();
    const counts = await page.locator('#status-table tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [tr.getAttribute('data-agency'), ...[...tr.querySelectorAll('td')].map((td) => Number(td.textContent))]),
    );
    // agency, within deadline, overdue, done on time, done late, withdrawn, total
    expect(counts).toEqual([
      ['BTCTU', 1, 1, 0, 0, 0, 2],
      ['BTV-HUONGSON', 0, 0, 1, 0, 0, 1],
      ['BTV-NGHIXUAN', 0, 0, 0, 1, 0, 1],
      ['DDHDND', 1, 0, 0, 0, 0, 1],
    ]);
    expect(await page.locator('#status-table thead th').allTextContents()).toEqual([
      'Cơ quan',
      'Đang thực hiện trong hạn',
      'Quá hạn',
      'Hoàn thành đúng hạn',
      'Hoàn thành quá hạn',
      'Đã thu hồi',
      'Tổng',
    ]);
    // BTCTU leads OVERDUE and coordinates INTIME: two lines in the rows above, but the bottom line counts 4 assignments
    expect(await page.locator('#status-table tfoot th').textContent()).toBe('Số nhiệm vụ (mỗi nhiệm vụ một lần; nhiệm vụ giao từng đơn vị tính theo từng đơn vị)');
    expect(await page.locator('#status-table tfoot td').allTextContents()).toEqual(['1', '1', '1', '1', '0', '4']);

    const segments = await page.locator('#status-chart svg rect.seg').evaluateAll((rects) =>
      rects.map((r) => `${r.getAttribute('data-agency')}:${r.getAttribute('data-status')}:${r.getAttribute('data-count')}`),
    );
    expect(segments).toEqual([
      'BTCTU:inProgressOnTime:1',
      'BTCTU:inProgressOverdue:1',
      'BTV-HUONGSON:doneOnTime:1',
      'BTV-NGHIXUAN:doneLate:1',
      'DDHDND:inProgressOnTime:1',
    ]);
    const labelsInsideChart = () =>
      page.locator('#status-chart text.agency').evaluateAll((texts) => texts.every((text) => (text as unknown as { getBBox(): { x: number } }).getBBox().x >= 0));
    expect(await labelsInsideChart()).toBe(true);
    const widths = await page.locator('#status-chart svg rect.seg').evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('width'))));
    expect(new Set(widths.map((w) => Math.round(w))).size).toBe(1); // one assignment each: equal lengths
    expect(await page.locator('#status-chart svg title').first().textContent()).toBe('Biểu đồ tình hình thực hiện theo cơ quan');
    await expectNoPlaceholders(dashboard);
    await screenshot(page, 'status-matrix');

    // A narrow screen: nothing overflows sideways; the chart is redrawn to fit.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForFunction(() => Number((globalThis as unknown as BrowserGlobals).document.querySelector('#status-chart svg')?.getAttribute('width')) <= 390);
    expect(await fitsWidth(page)).toBe(true);
    expect(await labelsInsideChart()).toBe(true);
    await screenshot(page, 'status-matrix-narrow');

    // A count opens what it counts: BTCTU's overdue work, with the filters set to say so.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.locator('#status-table tbody tr[data-agency="BTCTU"] td[data-status="inProgressOverdue"] a').click();
    await page.locator('#assignments-table').waitFor();
    expect(await page.locator('#assignments-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-assignment')))).toEqual([`${directive}-OVERDUE`]);
    expect(await page.locator('#filter-agency').inputValue()).toBe('BTCTU');
    expect(await page.locator('#filter-status').inputValue()).toBe('inProgressOverdue');
    // Changing a filter lists again: BTCTU's work in every status (it coordinates INTIME).
    await page.locator('#filter-status').selectOption('');
    await page.locator(`#assignments-table tbody tr[data-assignment="${directive}-INTIME"]`).waitFor();
    expect(await page.locator('#assignments-table tbody tr').count()).toBe(2);
    // The bottom line's count: every assignment done on time, whichever agency.
    await page.goto(`${app.url}/#/status?directive=${directive}`);
    await page.locator('#status-table tfoot td[data-status="doneOnTime"] a').click();
    await page.locator('#assignments-table').waitFor();
    expect(await page.locator('#assignments-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-assignment')))).toEqual([`${directive}-ONTIME`]);
    expect(await page.locator('#filter-agency').inputValue()).toBe('');
    await expectNoPlaceholders(dashboard);
    expectOnlyOwnOrigin(dashboard);
  });

  it('is usable on a narrow screen: every form control is labelled, nothing overflows sideways', async () => {
    const dashboard = await open({ width: 390, height: 844 });
    const { page } = dashboard;
    await page.goto(`${app.url}/`);
    expect(await everyControlLabelled(page)).toBe(true);
    await signIn(page, app.url, supervisor, '#/assignments');
    await page.locator('#assignments-table').waitFor();
    expect(await everyControlLabelled(page)).toBe(true);
    expect(await tablesAreSemantic(page)).toBe(true);
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, 'assignments-narrow');
    // An "each of" assignment's districts: one card each, nothing scrolled sideways inside the table either.
    const directive = await createDirective('Kết luận về rà soát trên màn hình hẹp', [
      { key: 'A1', text: 'Các huyện ủy rà soát', kind: 'eachOf', agencies: [{ agency: 'BTV-HUONGSON', role: 'lead' }, { agency: 'BTV-NGHIXUAN', role: 'lead' }], at: FAR(30) },
    ]);
    await page.goto(`${app.url}/#/assignments/${encodeURIComponent(`${directive}-A1`)}`);
    await page.locator('#tracks-table').waitFor();
    expect(await page.locator('#tracks-table').evaluate((table) => table.parentElement !== null && table.parentElement.scrollWidth <= table.parentElement.clientWidth)).toBe(true);
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, 'assignment-tracks-narrow');
    expectOnlyOwnOrigin(dashboard);
  });
});
