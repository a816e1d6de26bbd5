#!/usr/bin/env node
// Drive the `rectify serve` upload page in Debian's headless Chromium, as office staff would.
//
// Usage: node page_run.js CHROMIUM_PATH BASE_URL NOTICE_FILE OUT_DIR
// Opens BASE_URL (the form), runs axe-core (WCAG 2.1 A/AA), picks the notice, submits the form with
// the keyboard (Tab to the button, Enter), runs axe on the result page, reads the outline (problem
// count, status badges), chooses docx and downloads it into OUT_DIR.  Prints one JSON object.
// Only BASE_URL's host is reachable; every other request is aborted.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const modules = path.join(__dirname, '..', 'html', 'node_modules');
const { chromium } = require(path.join(modules, 'playwright-core'));

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function axe(page, axePath) {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target) }));
  }, TAGS);
}

async function main() {
  const [chromiumPath, base, notice, outDir] = process.argv.slice(2);
  fs.mkdirSync(outDir, { recursive: true });
  const axePath = path.join(modules, 'axe-core', 'axe.min.js');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'rectify-serve-'));
  const origin = new URL(base).origin;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath, headless: true, args: FLAGS, bypassCSP: true, acceptDownloads: true,
  });
  try {
    const page = await context.newPage();
    await page.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(base, { waitUntil: 'load' });
    const formViolations = await axe(page, axePath);
    await page.screenshot({ path: path.join(outDir, 'form.png'), fullPage: true });
    await page.setInputFiles('#file', notice);
    await page.focus('#from');
    await page.keyboard.press('Tab');  // to the submit button: the form works by keyboard alone
    const focused = await page.evaluate(() => document.activeElement && document.activeElement.textContent);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
    const resultViolations = await axe(page, axePath);
    await page.screenshot({ path: path.join(outDir, 'result.png'), fullPage: true });
    await page.screenshot({ path: path.join(outDir, 'result-top.png') });
    const outline = await page.evaluate(() => ({
      title: document.querySelector('main h2') && document.querySelector('main h2').textContent,
      badges: [...document.querySelectorAll('.badge')].map((b) => b.className.replace('badge ', '')),
      findings: document.querySelectorAll('table.findings tbody tr').length,
      lang: document.documentElement.lang,
    }));
    await page.selectOption('#to', 'docx');
    const [download] = await Promise.all([page.waitForEvent('download'),
      page.click('.downloads button[type=submit]')]);
    const saved = path.join(outDir, download.suggestedFilename());
    await download.saveAs(saved);
    process.stdout.write(JSON.stringify({ formViolations, resultViolations, focused, outline, download: saved,
      browser: context.browser() ? context.browser().version() : null }));
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((err) => { console.error(String(err && err.stack ? err.stack : err)); process.exit(2); });
