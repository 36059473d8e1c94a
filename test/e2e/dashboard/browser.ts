import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium (CI installs it in .ci/run). */
export const CHROMIUM = process.env.DONDOC_CHROMIUM ?? '/usr/bin/chromium';

const SCREENSHOTS = join(__dirname, '..', '..', '..', 'test-results', 'screenshots');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface DashboardPage {
  context: BrowserContext;
  page: Page;
  /** Every URL the page requested. */
  requests: { url: string; authorization: string | undefined }[];
  /** Uncaught exceptions in the page. */
  errors: string[];
  close(): Promise<void>;
}

/** A fresh browser context (empty storage) on a page of this size, recording requests and page errors. */
export async function openPage(browser: Browser, viewport = { width: 1280, height: 900 }): Promise<DashboardPage> {
  const context = await browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Europe/Paris' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const requests: DashboardPage['requests'] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push({ url: request.url(), authorization: request.headers().authorization }));
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, requests, errors, close: () => context.close() };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Signs in through the form. */
export async function signIn(page: Page, baseUrl: string, token: string, hash = '#/timeline'): Promise<void> {
  await page.goto(`${baseUrl}/${hash}`);
  await page.getByLabel('Mã truy cập').fill(token);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.locator('#nav').waitFor({ state: 'visible' });
}

/** dd/mm/yyyy HH:mm in Asia/Ho_Chi_Minh (UTC+7, no daylight saving), computed without Intl. */
export function vietnamTime(iso: string): string {
  const d = new Date(Date.parse(iso) + 7 * 3_600_000);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}
