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

// The project compiles without the DOM lib: the few browser globals the tests read inside page.evaluate.
interface StorageLike {
  getItem(key: string): string | null;
}
interface ElementLike {
  labels?: { length: number } | null;
  querySelector(selector: string): unknown;
  getAttribute(name: string): string | null;
}
export interface BrowserGlobals {
  sessionStorage: StorageLike;
  localStorage: StorageLike;
  document: {
    documentElement: { scrollWidth: number; clientWidth: number };
    activeElement: unknown;
    querySelector(selector: string): ElementLike | null;
    querySelectorAll(selector: string): Iterable<ElementLike>;
  };
  sameDocument?: boolean;
}

export const sessionToken = (page: Page): Promise<string | null> =>
  page.evaluate(() => (globalThis as unknown as BrowserGlobals).sessionStorage.getItem('dondoc.token'));

export const storedLang = (page: Page): Promise<string | null> =>
  page.evaluate(() => (globalThis as unknown as BrowserGlobals).localStorage.getItem('dondoc.lang'));

/** Nothing makes the page scroll sideways. */
export const fitsWidth = (page: Page): Promise<boolean> =>
  page.evaluate(() => {
    const { documentElement } = (globalThis as unknown as BrowserGlobals).document;
    return documentElement.scrollWidth <= documentElement.clientWidth;
  });

/** Every input and select has a <label>. */
export const everyControlLabelled = (page: Page): Promise<boolean> =>
  page.evaluate(() => [...(globalThis as unknown as BrowserGlobals).document.querySelectorAll('input, select')].every((el) => (el.labels?.length ?? 0) > 0));

/** Every table has a caption and header cells with a scope. */
export const tablesAreSemantic = (page: Page): Promise<boolean> =>
  page.evaluate(() => [...(globalThis as unknown as BrowserGlobals).document.querySelectorAll('table')].every((table) => Boolean(table.querySelector('caption') && table.querySelector('th[scope]'))));
