import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import {
  makeApprovedNomination,
  makeDecision,
  makeIndividual,
  makeOrganization,
  makeTree,
  revocationFields,
} from '../support/factories.js';
import { byDepartment } from '../support/world.js';
import { BOOTSTRAP_TOKEN, bearer, createTestApp, type TestApp } from '../support/test-app.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../support/chromium.js';

jest.setTimeout(180_000);

const OUTPUT = path.resolve('test-output');
/** A phone (360 CSS px, the most common Android width) and a desktop. */
const WIDTHS = { phone: { width: 360, height: 780 }, desktop: { width: 1280, height: 900 } } as const;

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

/**
 * The public pages in a real browser, as a citizen who scans a certificate's QR code sees them: the verification
 * page (valid, revoked, unknown code) and the lookup, at phone and desktop widths (screenshots in test-output/),
 * with an axe-core accessibility scan that must find nothing serious or critical.
 */
describe('public pages in Chromium', () => {
  let t: TestApp;
  let baseUrl: string;
  let userDataDir: string;
  let context: BrowserContext;
  let page: Page;
  let axeSource: string;
  let valid: string;
  let revoked: string;
  const problems: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium is not installed at ${CHROMIUM}: install Debian's package (apt-get install -y chromium) ` +
          'or set CHROMIUM_PATH; this test never downloads a browser',
      );
    }
    axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;

    const tree = await makeTree(t);
    const office = await makeOrganization(t, { kind: 'UNIT', name: 'Văn phòng Sở', parentId: tree.department.id });
    const people = await Promise.all([
      makeIndividual(t, office.id, { fullName: 'Nguyễn Thị Hương' }),
      makeIndividual(t, tree.unit.id, { fullName: 'Giàng A Páo' }),
    ]);
    const nominations = await Promise.all(
      people.map((p) => makeApprovedNomination(t, byDepartment(tree, 2023, 'GIAY_KHEN', p.id))),
    );
    const decision = await makeDecision(t, {
      issuerOrganizationId: tree.department.id,
      nominationIds: nominations.map((n) => n.id),
      number: 5,
    });
    const toRevoke = decision.awards.find((a) => a.recipientName === 'Nguyễn Thị Hương')!;
    valid = decision.awards.find((a) => a.recipientName === 'Giàng A Páo')!.verificationCode;
    revoked = toRevoke.verificationCode;
    await t.http
      .post(`/api/v1/decisions/${decision.id}/awards/${toRevoke.id}/revoke`)
      .set(bearer(BOOTSTRAP_TOKEN))
      .send(await revocationFields(t, decision.id, 'Khai man thành tích'))
      .expect(201);

    userDataDir = await mkdtemp(path.join(tmpdir(), 'awards-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: WIDTHS.desktop,
      locale: 'vi-VN',
      // Only so the test can inject axe-core; the pages themselves run no script at all.
      bypassCSP: true,
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => {
      // The browser's own requests for /favicon.ico (the pages have none) and the 404 page asked for on purpose.
      const { url } = message.location();
      if (url.endsWith('/favicon.ico') || url.includes('/verify/0000-')) return;
      if (message.type() === 'error') problems.push(`console: ${message.text()} (${url})`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await mkdir(OUTPUT, { recursive: true });
  });

  afterAll(async () => {
    await context?.close();
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
    await t?.close();
  });

  /** axe-core's serious and critical violations of the page as it is now. */
  async function seriousViolations(): Promise<string[]> {
    await page.evaluate(axeSource);
    // Expressions as strings: they run in the page, whose globals this project's types (no DOM lib) do not know.
    const result = await page.evaluate<AxeResult>('axe.run(document)');
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  }

  /** Screenshots at both widths; the phone one must not scroll sideways. */
  async function screenshots(name: string): Promise<void> {
    for (const [label, size] of Object.entries(WIDTHS)) {
      await page.setViewportSize(size);
      await page.screenshot({ path: path.join(OUTPUT, `${name}-${label}.png`), fullPage: true });
      const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
      expect({ page: name, width: label, overflow }).toEqual({ page: name, width: label, overflow: 0 });
    }
    await page.setViewportSize(WIDTHS.desktop);
  }

  it('shows a valid certificate, in Vietnamese, accessible at phone and desktop widths', async () => {
    const response = await page.goto(`${baseUrl}/verify/${valid}`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-language']).toBe('vi');
    await expect(page.locator('h1').innerText()).resolves.toBe('Xác thực giấy khen, bằng khen');
    await expect(page.getByRole('status').innerText()).resolves.toContain('Còn hiệu lực');
    const details = await page.locator('dl').innerText();
    for (const expected of ['Giàng A Páo', 'Giấy khen', '2023', '05/QĐ-', 'Người ký'])
      expect(details).toContain(expected);
    await screenshots('verify-valid');
    expect(await seriousViolations()).toEqual([]);
  });

  it('shows a revoked certificate with its legal ground', async () => {
    await page.goto(`${baseUrl}/verify/${revoked}`, { waitUntil: 'load' });
    await expect(page.getByRole('status').innerText()).resolves.toMatch(
      /Đã thu hồi[\s\S]*Chương VII Luật Thi đua, khen thưởng 2022/,
    );
    expect(await page.content()).not.toContain('Khai man');
    await screenshots('verify-revoked');
    expect(await seriousViolations()).toEqual([]);
  });

  it('answers an unknown code with the 404 page', async () => {
    const response = await page.goto(`${baseUrl}/verify/0000-0000-0000-0000-0000`, { waitUntil: 'load' });
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1').innerText()).resolves.toBe('Không tìm thấy giấy khen, bằng khen');
    await screenshots('verify-not-found');
    expect(await seriousViolations()).toEqual([]);
  });

  it('searches by name without diacritics and opens the verification page from a result', async () => {
    await page.goto(`${baseUrl}/tra-cuu`, { waitUntil: 'load' });
    await page.getByLabel('Họ tên hoặc tên tập thể').fill('giang a pao');
    await page.getByLabel('Năm').selectOption('2023');
    await page.getByLabel('Danh hiệu, hình thức').selectOption('GIAY_KHEN');
    await Promise.all([page.waitForURL(/\/tra-cuu\?/), page.getByRole('button', { name: 'Tìm kiếm' }).click()]);
    const rows = page.locator('tbody tr');
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.first().innerText()).resolves.toContain('Giàng A Páo');
    await screenshots('lookup-results');
    expect(await seriousViolations()).toEqual([]);

    await Promise.all([page.waitForURL(/\/verify\//), rows.first().getByRole('link').click()]);
    await expect(page.getByRole('status').innerText()).resolves.toContain('Còn hiệu lực');
    expect(problems).toEqual([]);
  });
});
