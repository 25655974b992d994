import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../support/chromium.js';

jest.setTimeout(180_000);

const OUTPUT = path.resolve('test-output');

/**
 * Swagger UI in a real browser: `/docs` loads under the service's security headers (Content-Security-Policy and
 * friends), lists the operations, and "Try it out" → "Execute" on a public operation shows its answer.
 */
describe('Swagger UI in Chromium', () => {
  let t: TestApp;
  let baseUrl: string;
  let userDataDir: string;
  let context: BrowserContext;
  let page: Page;
  /** Console errors, uncaught page errors and refused requests: Swagger UI must run clean. */
  const problems: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium is not installed at ${CHROMIUM}: install Debian's package (apt-get install -y chromium) ` +
          'or set CHROMIUM_PATH; this test never downloads a browser',
      );
    }
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    userDataDir = await mkdtemp(path.join(tmpdir(), 'awards-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) =>
      problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`),
    );
  });

  afterAll(async () => {
    await context?.close();
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
    await t?.close();
  });

  it('lists the operations and runs "Try it out" on GET /api/v1/award-types', async () => {
    const response = await page.goto(`${baseUrl}/docs`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    // The page is served under the security headers and still works under them.
    expect(response?.headers()['content-security-policy']).toEqual(expect.stringContaining("script-src 'self'"));

    await page.locator('.opblock').first().waitFor({ timeout: 30_000 });
    const document: { paths: Record<string, Record<string, unknown>> } = (await t.http.get('/docs-json').expect(200))
      .body;
    const operations = Object.values(document.paths).reduce((sum, item) => sum + Object.keys(item).length, 0);
    // A tag's operations are listed once per tag, so there are at least as many blocks as operations.
    expect(await page.locator('.opblock').count()).toBeGreaterThanOrEqual(operations);
    await expect(page.locator('.info .title').innerText()).resolves.toContain('Awards Registry API');

    const operation = page.locator('.opblock.opblock-get').filter({
      has: page.locator('.opblock-summary-path', { hasText: /^\/api\/v1\/award-types$/ }),
    });
    await operation.first().locator('.opblock-summary').click();
    await operation.first().getByRole('button', { name: 'Try it out' }).click();
    await operation.first().getByRole('button', { name: 'Execute' }).click();

    const live = operation.first().locator('.live-responses-table .response');
    await live.first().waitFor({ timeout: 30_000 });
    await expect(live.first().locator('.response-col_status').innerText()).resolves.toMatch(/^\s*200/);
    // The response body as Swagger UI shows it: the catalogue, with its codes.
    await expect(live.first().locator('.response-col_description').innerText()).resolves.toContain(
      'LAO_DONG_TIEN_TIEN',
    );

    await mkdir(OUTPUT, { recursive: true });
    await page.screenshot({ path: path.join(OUTPUT, 'swagger-ui-try-it-out.png'), fullPage: false });
    expect(problems).toEqual([]);
  });
});
