// Screenshots of the Flink dashboard's metrics tab while a bulk job runs, in Debian's chromium
// (Playwright with the installed browser: no browser download). Run by ../flink-dashboard.sh,
// which starts the bulk job; this script waits for it, adds Docflow's metrics to the metrics tab
// of two vertices as a person would (the "Add Metric" select), shows them as numbers, and saves:
//
//   $SHOTS/flink-dashboard-metrics.png           parse, OCR, tables, chunk and embed figures
//   $SHOTS/flink-dashboard-metrics-progress.png  the outcome stage: done of total, indexed, failed, per subtask
//
// Environment: FLINK_URL (the dashboard, e.g. http://127.0.0.1:8081), SHOTS (a folder),
// CHROMIUM (default /usr/bin/chromium).
import { chromium } from 'playwright';
import { expect } from 'playwright/test';

const flink = process.env.FLINK_URL;
const shots = process.env.SHOTS;
if (!flink || !shots) {
  console.error('dashboard.mjs needs FLINK_URL and SHOTS');
  process.exit(2);
}
const get = async (path) => (await fetch(flink + path)).json();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// a running bulk job whose chunk stage has passed documents on (over its subtasks), so the figures are not all 0
async function runningBulkJob() {
  for (let attempt = 0; attempt < 600; attempt++) {
    const { jobs } = await get('/jobs/overview');
    const job = jobs.find((j) => j.state === 'RUNNING' && j.name.startsWith('Bulk ingest '));
    if (job) {
      const detail = await get(`/jobs/${job.jid}`);
      const parse = detail.vertices.find((v) => v.name.includes('Parse'));
      const ids = (await get(`/jobs/${job.jid}/vertices/${parse.id}/metrics`)).map((m) => m.id);
      const out = ids.filter((id) => id.endsWith('.stage.chunk.documentsOut'));
      if (out.length > 0) {
        const values = await get(`/jobs/${job.jid}/vertices/${parse.id}/metrics?get=${encodeURIComponent(out.join(','))}`);
        if (values.reduce((sum, value) => sum + Number(value.value), 0) >= 2) return detail;
      }
    }
    await sleep(500);
  }
  throw new Error('no running bulk job with documents past the chunk stage');
}

// subtask 0's metrics ending with each suffix, every subtask's for those in allSubtasks
async function shoot(page, job, vertexName, suffixes, file, allSubtasks = []) {
  const vertex = job.vertices.find((v) => v.name.includes(vertexName));
  const ids = (await get(`/jobs/${job.jid}/vertices/${vertex.id}/metrics`)).map((m) => m.id).sort();
  const wanted = suffixes.flatMap((suffix) => {
    const found = ids.filter((i) => i.endsWith(suffix) && (allSubtasks.includes(suffix) || i.startsWith('0.')));
    if (found.length === 0) throw new Error(`vertex ${vertex.name} has no metric ending ${suffix}`);
    return found;
  });
  await page.goto(`${flink}/#/job/running/${job.jid}/overview/${vertex.id}/metrics`);
  const full = page.locator('a.handler.full'); // the vertex's drawer over the whole job graph
  await full.waitFor({ state: 'visible', timeout: 10_000 }).catch(() => {}); // hidden once it is so
  if (await full.isVisible()) await full.click();
  // the split between the drawer and the table of vertices, dragged down: room for the charts
  const split = await page.locator('.resize.horizontal').first().boundingBox();
  if (split) {
    await page.mouse.move(split.x + split.width / 2, split.y + split.height / 2);
    await page.mouse.down();
    await page.mouse.move(split.x + split.width / 2, page.viewportSize().height - 40, { steps: 10 });
    await page.mouse.up();
  }
  // the whole metric id on each chart, wrapped, rather than cut after a few characters
  await page.addStyleTag({ content: 'flink-job-chart .title, flink-job-chart .title .text { height: auto !important;'
    + ' white-space: normal !important; overflow: visible !important; text-overflow: clip !important; word-break: break-all; }' });
  for (const [index, id] of wanted.entries()) {
    await page.locator('nz-select').first().click();
    await page.keyboard.type(id);
    await page.locator('nz-option-item', { hasText: id }).first().click();
    await expect(page.locator('flink-job-chart')).toHaveCount(index + 1);
  }
  for (const chart of await page.locator('flink-job-chart').all()) {
    await chart.getByRole('button', { name: 'Numeric' }).click();
  }
  // the charts refresh with the job's status; wait for a value on each
  for (const chart of await page.locator('flink-job-chart .numeric').all()) {
    await expect(chart).toHaveText(/\d/, { timeout: 30_000 });
  }
  await page.locator('flink-job-chart').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}/${file}`, fullPage: true });
  console.log(`saved ${shots}/${file} (${vertex.name})`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox'], // runs as root here, where chromium's sandbox cannot start
});
try {
  const page = await (await browser.newContext({ viewport: { width: 1800, height: 1300 } })).newPage();
  page.setDefaultTimeout(60_000);
  const job = await runningBulkJob();
  await shoot(page, job, 'Parse', ['.stage.parse.documentsIn', '.stage.parse.documentsOut',
    '.stage.parse.reason.encrypted.documentsFailed', '.stage.parse.pages', '.stage.parse.parseTimeMs_p95',
    '.stage.tables.tablesFound', '.stage.chunk.chunks', '.stage.embed.embeddings', '.stage.embed.embeddingBatchTimeMs_mean'],
    'flink-dashboard-metrics.png');
  // the progress: documents done on every subtask, of the total that subtask 0 alone reports
  await shoot(page, job, 'Record outcome', ['.stage.outcome.documentsTotal', '.stage.outcome.documentsDone',
    '.stage.outcome.documentsIndexed', '.stage.outcome.documentsFailed'], 'flink-dashboard-metrics-progress.png',
    ['.stage.outcome.documentsDone', '.stage.outcome.documentsIndexed', '.stage.outcome.documentsFailed']);
} finally {
  await browser.close();
}
