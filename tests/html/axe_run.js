#!/usr/bin/env node
// Run axe-core's WCAG 2.1 A and AA rules in a real headless Chromium on local HTML files.
//
// Usage: node axe_run.js CHROMIUM_PATH SCREENSHOT_DIR FILE.html [FILE.html ...]
// Prints one JSON object: {"axe": version, "browser": version, "pages": [{file, violations,
// incomplete, passes, screenshot, headings, lang, title}]}.  Exit code 0 when every page was
// checked (violations are data for the caller to judge), 2 on a usage or browser error.
//
// The browser gets a fresh profile and no network: the flags below turn off every background
// service, and every request that is not a file: URL is aborted.  Our pages forbid scripts by
// Content-Security-Policy, so the context bypasses CSP only to inject axe itself.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function check(context, file, shotDir, axePath) {
  const page = await context.newPage();
  try {
    await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto('file://' + path.resolve(file), { waitUntil: 'load' });
    await page.addScriptTag({ path: axePath });
    const result = await page.evaluate(async (tags) => {
      // eslint-disable-next-line no-undef
      const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      const slim = (v) => ({ id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target, summary: n.failureSummary })) });
      const headings = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6,[role=heading]')].map((h) => ({
        level: h.getAttribute('aria-level') ? Number(h.getAttribute('aria-level')) : Number(h.tagName[1]),
        text: h.textContent,
      }));
      return { violations: r.violations.map(slim), incomplete: r.incomplete.map((v) => v.id),
        passes: r.passes.length, headings, lang: document.documentElement.lang, title: document.title,
        text: document.querySelector('main') ? document.querySelector('main').innerText : document.body.innerText };
    }, TAGS);
    const screenshot = path.join(shotDir, path.basename(file).replace(/\.html?$/, '') + '.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    return { file, screenshot, ...result };
  } finally {
    await page.close();
  }
}

async function main() {
  const [chromiumPath, shotDir, ...files] = process.argv.slice(2);
  if (!chromiumPath || !shotDir || files.length === 0) {
    console.error('usage: node axe_run.js CHROMIUM_PATH SCREENSHOT_DIR FILE.html [...]');
    process.exit(2);
  }
  fs.mkdirSync(shotDir, { recursive: true });
  const axePath = require.resolve('axe-core/axe.min.js');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'rectify-axe-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath, headless: true, args: FLAGS, bypassCSP: true, offline: true,
    });
    const pages = [];
    for (const file of files) pages.push(await check(context, file, shotDir, axePath));
    const version = context.browser() ? context.browser().version() : null;
    process.stdout.write(JSON.stringify({ axe: require('axe-core/package.json').version, browser: version, pages }));
  } finally {
    if (context) await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(String(err && err.stack ? err.stack : err));
  process.exit(2);
});
