// Drives the agent service's web console in Debian's chromium (Playwright, the installed browser:
// no browser download) as a person would, and prints what it saw as one JSON object on stdout
// (ConsoleIT asserts on it). It takes its arguments as environment variables:
//
//   DOCFLOW_BASE_URL   the service's root, e.g. http://127.0.0.1:7070
//   DOCFLOW_API_KEY    a tenant's key
//   CONSOLE_KB         the knowledge base to create
//   CONSOLE_PDF        a real PDF, uploaded with the file picker (ConsoleIT settles it indexed)
//   CONSOLE_FAILING    another file, dropped on the drop zone (ConsoleIT settles it failed)
//   CONSOLE_QUESTION   a question answered from the PDF
//   CONSOLE_SIGNALS    a folder: the script writes a file there when it has seen a state, which is
//                      what ConsoleIT waits for before it moves the documents on
//   CONSOLE_SCREENSHOTS  where the screenshots go
//   CONSOLE_TOO_LARGE_BYTES  the size of a file over the service's upload.max-file-bytes
//   CHROMIUM           the browser (default /usr/bin/chromium)
//
// Every wait is on a condition of the page (Playwright's expect), bounded by its timeout.
import { chromium } from 'playwright';
import { expect } from 'playwright/test';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';

const env = (name) => {
  const value = process.env[name];
  if (!value) {
    console.error(`console.mjs needs ${name}`);
    process.exit(2);
  }
  return value;
};
const base = env('DOCFLOW_BASE_URL');
const key = env('DOCFLOW_API_KEY');
const kb = env('CONSOLE_KB');
const pdf = env('CONSOLE_PDF');
const failing = env('CONSOLE_FAILING');
const question = env('CONSOLE_QUESTION');
const signals = env('CONSOLE_SIGNALS');
const screenshots = env('CONSOLE_SCREENSHOTS');
const tooLargeBytes = Number(env('CONSOLE_TOO_LARGE_BYTES'));
const STEP = { timeout: 60_000 };

const seen = { consoleErrors: [], requestsOutside: [] };
await mkdir(screenshots, { recursive: true });
const signal = (name) => writeFile(path.join(signals, name), new Date().toISOString());
const shot = (page, name) => page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox'], // CI runs as root, where chromium's sandbox cannot start
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: false });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP.timeout);
  page.on('console', (message) => {
    if (message.type() === 'error') seen.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => seen.consoleErrors.push(String(error)));
  page.on('request', (request) => {
    if (!request.url().startsWith(base) && !request.url().startsWith('data:')) seen.requestsOutside.push(request.url());
  });

  // -- the page and its headers; no key needed for it
  const response = await page.goto(`${base}/`);
  seen.pageStatus = response.status();
  seen.pageCsp = response.headers()['content-security-policy'] ?? null;
  const script = await page.request.get(`${base}/console/console.js`);
  seen.scriptStatus = script.status();
  seen.scriptCsp = script.headers()['content-security-policy'] ?? null;
  seen.flinkDashboardHref = await page.getByRole('link', { name: 'Flink dashboard' }).getAttribute('href');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await shot(page, 'sign-in');

  // an inline script injected into the page must not run (no 'unsafe-inline'); the browser says why
  const errorsBefore = seen.consoleErrors.length;
  seen.inlineScriptRan = await page.evaluate(async () => {
    window.__inlineRan = false;
    const tag = document.createElement('script');
    tag.textContent = 'window.__inlineRan = true;';
    document.body.append(tag);
    await new Promise((resolve) => setTimeout(resolve, 50));
    return window.__inlineRan;
  });
  seen.inlineScriptRefusal = seen.consoleErrors.splice(errorsBefore).join('\n');

  // -- a wrong key: refused with the API's 401, nothing kept
  await page.getByLabel('API key').fill('not-a-valid-key-0000000000');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('401');
  seen.wrongKeyError = await page.getByRole('alert').textContent();
  seen.keyKeptAfterWrongKey = await page.evaluate(() => sessionStorage.getItem('docflow.apiKey'));

  // -- sign in: the key lives in sessionStorage only
  await page.getByLabel('API key').fill(key);
  await page.getByLabel('API key').press('Enter'); // the keyboard is enough
  await expect(page.getByRole('heading', { name: 'Knowledge bases' })).toBeVisible();
  seen.keyInSessionStorage = await page.evaluate(() => sessionStorage.getItem('docflow.apiKey'));
  seen.localStorageKeys = await page.evaluate(() => Object.keys(localStorage));
  seen.cookies = (await context.cookies()).length;
  // the heading shows before the list is fetched: wait for its first item (the handbook's) to be drawn
  await expect(page.locator('#kb-list li').first()).toBeVisible();
  seen.knowledgeBasesBefore = await page.locator('#kb-list li').evaluateAll((items) => items.map((item) => item.dataset.kb));

  // -- create a knowledge base: its documents view opens
  await page.getByLabel('New knowledge base').fill(kb);
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { name: 'Documents' })).toBeVisible();
  await expect(page.locator('#kb-summary')).toContainText('0 documents');
  // the Flink job ingesting this knowledge base, linked to its page in the dashboard
  await expect(page.locator('#kb-jobs a.job-link')).toHaveCount(1);
  seen.jobLinks = await page.locator('#kb-jobs a.job-link').evaluateAll((links) => links.map((a) => ({
    href: a.getAttribute('href'), kind: a.dataset.kind, text: a.textContent })));
  // the page is never reloaded from here on: statuses must move by themselves
  await page.evaluate(() => { window.__sameDocument = true; });

  // -- upload: the PDF with the file picker, the other file dropped on the drop zone
  await page.locator('#file-picker').setInputFiles(pdf);
  const pdfName = path.basename(pdf);
  const failingName = path.basename(failing);
  const bytes = (await readFile(failing)).toString('base64');
  const dataTransfer = await page.evaluateHandle(({ name, base64 }) => {
    const binary = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([binary], name, { type: 'application/pdf' }));
    return transfer;
  }, { name: failingName, base64: bytes });
  await page.dispatchEvent('#drop-zone', 'drop', { dataTransfer });
  const row = (name) => page.locator('#documents tbody tr', { has: page.getByRole('rowheader', { name, exact: true }) });
  for (const name of [pdfName, failingName]) {
    await expect(row(name)).toHaveAttribute('data-status', 'uploaded');
  }
  await signal('uploaded');

  // ConsoleIT claims both, as the job does: processing shows without a reload
  for (const name of [pdfName, failingName]) {
    await expect(row(name)).toHaveAttribute('data-status', 'processing', STEP);
  }
  await expect(page.locator('#kb-summary')).toContainText('2 processing');
  await shot(page, 'documents-processing');
  await signal('processing');

  // ConsoleIT settles them: indexed with its pages and chunks, failed with its reason
  await expect(row(pdfName)).toHaveAttribute('data-status', 'indexed', STEP);
  await expect(row(failingName)).toHaveAttribute('data-status', 'failed', STEP);
  await expect(row(failingName).locator('.failure-cell')).toContainText('encrypted');
  await expect(page.getByRole('status')).toContainText(/: (indexed|failed)/);
  seen.sameDocument = await page.evaluate(() => window.__sameDocument === true);
  seen.rows = await page.locator('#documents tbody tr').evaluateAll((rows) => rows.map((tr) => ({
    name: tr.querySelector('th').textContent,
    status: tr.dataset.status,
    pages: tr.querySelector('[data-label="Pages"]').textContent,
    chunks: tr.querySelector('[data-label="Chunks"]').textContent,
    failure: tr.querySelector('.failure-cell').textContent,
  })));

  // -- a new version of the PDF, by the row's re-upload button (a file of another name becomes a
  // version of that document); ConsoleIT fails it: the older version stays indexed, the row says why
  const newVersion = Buffer.concat([await readFile(pdf), Buffer.from('\n% a new version\n')]);
  const chooser = page.waitForEvent('filechooser');
  await row(pdfName).getByRole('button', { name: `Upload a new version of ${pdfName}` }).click();
  await (await chooser).setFiles({ name: 'new-version.pdf', mimeType: 'application/pdf', buffer: newVersion });
  await expect(row(pdfName)).toHaveAttribute('data-status', 'uploaded');
  await signal('reuploaded');
  await expect(row(pdfName).locator('.failure-cell')).toContainText('corrupt', STEP);
  await expect(row(pdfName)).toHaveAttribute('data-status', 'indexed');
  await expect(page.getByRole('status')).toContainText('the new version failed');
  seen.reuploadAnnouncement = await page.getByRole('status').textContent();
  seen.rowsAfterReupload = await page.locator('#documents tbody tr').count();
  seen.reuploadedRow = await row(pdfName).evaluate((tr) => ({
    status: tr.dataset.status,
    pages: tr.querySelector('[data-label="Pages"]').textContent,
    chunks: tr.querySelector('[data-label="Chunks"]').textContent,
    failure: tr.querySelector('.failure-cell').textContent,
  }));
  seen.sameDocumentAfterReupload = await page.evaluate(() => window.__sameDocument === true);
  await shot(page, 'documents');

  // -- a file over the service's limit: its 413 in words, nothing added
  await page.locator('#file-picker').setInputFiles({
    name: 'big.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(tooLargeBytes, 0x20),
  });
  await expect(page.getByRole('alert')).toContainText('413');
  seen.tooLargeError = await page.getByRole('alert').textContent();
  seen.rowsAfterTooLarge = await page.locator('#documents tbody tr').count();

  // -- filter by status: only the failed one
  await page.getByLabel('Status').selectOption('failed');
  await expect(page.locator('#documents tbody tr')).toHaveCount(1);
  seen.failedFilterRows = await page.locator('#documents tbody th').allTextContents();
  await page.getByLabel('Status').selectOption('');
  await expect(page.locator('#documents tbody tr')).toHaveCount(2);

  // the same list on a narrow screen: one card per document
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'documents-narrow');
  seen.narrowTableDisplay = await page.locator('table.documents').evaluate((table) => getComputedStyle(table).display);
  await page.setViewportSize({ width: 1280, height: 800 });

  // -- chat: the answer streams in, its [n] leads to the citation, which opens the PDF at its page
  await page.getByRole('link', { name: 'Chat' }).click();
  await expect(page.getByRole('heading', { name: 'Chat' })).toBeVisible();
  await page.getByLabel('Question').fill(question);
  await page.getByLabel('Question').press('Enter');
  const answer = page.locator('#messages .message-assistant').last();
  await expect(answer).toHaveAttribute('data-done', 'true', STEP);
  seen.answerText = await answer.locator('.message-text').textContent();
  seen.messagesAriaLive = await page.locator('#messages').getAttribute('aria-live');
  const marker = answer.locator('a.marker').first();
  seen.firstMarker = await marker.textContent();
  await marker.click();
  const citation = answer.locator('.citation.highlight');
  await expect(citation).toBeFocused();
  seen.citation = {
    n: await citation.getAttribute('data-n'),
    file: await citation.locator('.citation-file').textContent(),
    pages: await citation.locator('.citation-pages').textContent(),
    heading: await citation.locator('.citation-heading').textContent(),
    passage: await citation.locator('.citation-passage').textContent(),
    href: await citation.locator('a.citation-source').getAttribute('href'),
    linkText: await citation.locator('a.citation-source').textContent(),
  };
  // the link is the file's presigned URL: fetched without the key, it is the PDF
  const file = await fetch(seen.citation.href.split('#')[0]);
  const head = Buffer.from(await file.arrayBuffer()).subarray(0, 5).toString('latin1');
  seen.sourceFetch = { status: file.status, head };
  await expect(page.locator('#conversation-list li')).toHaveCount(1);
  seen.chatHash = await page.evaluate(() => location.hash);
  await shot(page, 'chat');

  // -- conversations: listed and continued after a fresh load of the console, then deleted
  await page.goto(`${base}/#/kb/${encodeURIComponent(kb)}/chat`);
  await page.reload(); // the conversation comes back from the service, not from the page's memory
  await page.locator('#conversation-list a').first().click();
  await expect(page.locator('#messages .message')).toHaveCount(2);
  await page.getByLabel('Question').fill('And how do I write one?');
  await page.getByRole('button', { name: 'Ask' }).click();
  await expect(page.locator('#messages .message-assistant').last()).toHaveAttribute('data-done', 'true', STEP);
  await expect(page.locator('#conversation-list li')).toHaveCount(1);
  seen.continuedMessages = await page.locator('#conversation-list .help').first().textContent();
  page.once('dialog', (dialog) => dialog.accept());
  await page.locator('#conversation-list').getByRole('button', { name: /Delete conversation/ }).click();
  await expect(page.locator('#conversation-list li')).toHaveCount(0);
  const deleted = await page.request.get(`${base}/api/conversations/${seen.chatHash.split('/').pop()}`,
    { headers: { Authorization: `Bearer ${key}` } });
  seen.deletedConversationStatus = deleted.status();

  // -- the knowledge bases again: counts and status summary
  await page.getByRole('link', { name: 'Knowledge bases', exact: true }).first().click();
  const card = page.locator(`#kb-list li[data-kb="${kb}"]`);
  await expect(card).toContainText('1 indexed');
  seen.kbCard = await card.textContent();
  await shot(page, 'knowledge-bases');

  // -- an unknown knowledge base: the API's 404 in words
  await page.goto(`${base}/#/kb/${encodeURIComponent(`${kb}-missing`)}`);
  await expect(page.getByRole('alert')).toContainText('404');
  seen.notFoundError = await page.getByRole('alert').textContent();

  // -- delete the knowledge base
  await page.goto(`${base}/#/`);
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: `Delete knowledge base ${kb}` }).click();
  await expect(page.locator(`#kb-list li[data-kb="${kb}"]`)).toHaveCount(0);
  await expect(page.locator('#kb-list li').first()).toBeVisible(); // the list drawn again, not emptied for it
  seen.knowledgeBasesAfter = await page.locator('#kb-list li').evaluateAll((items) => items.map((item) => item.dataset.kb));

  // -- sign out: the key leaves the session
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  seen.keyAfterSignOut = await page.evaluate(() => sessionStorage.getItem('docflow.apiKey'));

  // -- last, as it blocks this address for a while: wrong keys until the service refuses them
  // all (429, too_many_failed_authentications), and the console names the wait it sent
  let attempts = 0;
  let alert = '';
  while (!alert.includes('429') && attempts < 10) {
    attempts += 1;
    await page.getByLabel('API key').fill(`wrong-key-${attempts}-000000000000`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText(/\((401|429)\)/);
    alert = await page.getByRole('alert').textContent();
    if (!alert.includes('429')) {
      // the alert is shown again for each attempt: wait until this one's is gone from the page
      await page.evaluate(() => { document.querySelector('#error').textContent = ''; });
    }
  }
  seen.wrongKeysUntilRefused = attempts;
  seen.tooManyError = alert;
} finally {
  await browser.close();
}
console.log(JSON.stringify(seen));
