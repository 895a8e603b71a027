#!/usr/bin/env node
// Renders every JSON Resume document in tests/corpus/resumes-src through real
// JSON Resume npm themes (THEMES below, all rendered by default), then:
//   HTML  -> PDF   with headless Chromium          (toolchain "chromium")
//   HTML  -> DOCX  with LibreOffice Writer          (toolchain "libreoffice-docx")
//   DOCX  -> PDF   with LibreOffice (office layout) (toolchain "libreoffice-pdf")
// and writes OUT/manifest.json describing every rendered file (the HTML itself
// is toolchain "jsonresume-html"; every entry's "layout" is its theme).
// For pt-/es- sources the English words a theme prints around the content
// (section headers, months, "Present", ...) are translated first: localize.mjs.
//
// usage: node render.mjs [OUT_DIR] [--themes even,elegant] [--only en-,pt-] [--jobs 2]
//        OUT_DIR defaults to ~/.cache/nexushr/accuracy
// needs: node 20, /usr/bin/chromium (driven through puppeteer-core, which
// downloads nothing), /usr/bin/soffice (override with CHROMIUM, SOFFICE)
//
// Nothing is fetched while rendering: CDN stylesheets the themes link to
// (Bootstrap 3/5, Bootswatch 3, Font Awesome 4/5/6, Tachyons, flexboxgrid) are
// pointed at the copies npm installed next to this script, every other remote
// stylesheet, script or image is dropped, and Chromium resolves no host names.

import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { localizeLanguage } from './localize.mjs';

const require = createRequire(import.meta.url);
const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const SRC_DIR = path.join(REPO, 'tests', 'corpus', 'resumes-src');
const NM = path.join(HERE, 'node_modules');

// Theme name -> npm package. "layout" describes the look (copied to the
// manifest's "themes"); the order also picks each theme's header synonyms and
// month form for pt/es sources (localize.mjs).
const THEMES = {
  even: { pkg: 'jsonresume-theme-even', layout: 'single column' },
  stackoverflow: { pkg: 'jsonresume-theme-stackoverflow', layout: 'single column, dates right' },
  elegant: { pkg: 'jsonresume-theme-elegant', layout: 'sidebar card + main column (bootstrap)' },
  macchiato: { pkg: 'jsonresume-theme-macchiato', layout: 'two columns: section titles left' },
  kendall: { pkg: 'jsonresume-theme-kendall', layout: 'two columns (bootstrap grid), icons' },
  flat: { pkg: 'jsonresume-theme-flat', layout: 'single column, ISO dates' },
  class: { pkg: 'jsonresume-theme-class', layout: 'single column, ISO dates' },
  onepage: { pkg: 'jsonresume-theme-onepage', layout: 'single page, section labels left, ISO months' },
  paper: { pkg: 'jsonresume-theme-paper', layout: 'two columns: small-caps section labels left with ISO dates under them' },
  short: { pkg: 'jsonresume-theme-short', layout: 'single column, compact, dates inline after the title' },
  spartan: { pkg: 'jsonresume-theme-spartan', layout: 'single column, icon contact list, dates on their own line' },
  caffeine: { pkg: 'jsonresume-theme-caffeine', layout: 'two columns: contact/skills sidebar left, MM/YYYY dates right' },
  classy: { pkg: 'jsonresume-theme-classy', layout: 'centered serif header, icon section titles, single column' },
  crisp: { pkg: 'jsonresume-theme-crisp', layout: 'single column (bootswatch journal), year-only dates' },
  slick: { pkg: 'jsonresume-theme-slick', layout: 'single column (bootswatch lumen), large icons, ISO months' },
  'onepage-plus': { pkg: 'jsonresume-theme-onepage-plus', layout: 'single page, section labels left, month-year dates right' },
  eloquent: { pkg: 'jsonresume-theme-eloquent', layout: 'single column, icon headers, durations after dates' },
  actual: {
    pkg: 'jsonresume-theme-actual', layout: 'two columns: work left, skills/education/languages right',
    fixup: (r) => (r.projects || []).forEach((p) => (p.roles ??= [])), // throws on a project without roles
  },
  pumpkin: { pkg: 'jsonresume-theme-pumpkin', layout: 'single column, contact first; an open job ends at the current month' },
  direct: { pkg: 'jsonresume-theme-direct', layout: 'two columns (flexboxgrid): skills/languages left, dates right' },
  msresume: { pkg: 'jsonresume-theme-msresume', layout: 'tachyons: section title left, entries right, two-column entries' },
  rocketspacer: { pkg: 'jsonresume-theme-rocketspacer', layout: 'two columns: section labels left, dates right' },
  full: { pkg: 'jsonresume-theme-full', layout: 'single column, colored headers, dates right' },
  simplyelegant: { pkg: 'jsonresume-theme-simplyelegant', layout: 'header card + icon sections (bootstrap 3), durations' },
  straightforward: { pkg: 'jsonresume-theme-straightforward', layout: 'dense single column, ruled headers, italic dates right' },
  minyma: { pkg: 'jsonresume-theme-minyma', layout: 'single column, centered header, contact as links' },
  autumn: { pkg: 'jsonresume-theme-autumn', layout: 'two columns: skills/languages left, work/education right' },
  'tachyons-clean': { pkg: 'jsonresume-theme-tachyons-clean', layout: 'single column (tachyons), skills in columns, ISO end dates' },
  ace: { pkg: 'jsonresume-theme-ace', layout: 'single column (bootswatch yeti), durations, skill tags' },
  compact: { pkg: 'jsonresume-theme-compact', layout: 'two columns (bootstrap 3): section labels left, dates right' },
  onepageresume: { pkg: 'jsonresume-theme-onepageresume', layout: 'two columns: italic section labels left, ISO months right' },
  orbit: {
    pkg: 'jsonresume-theme-orbit', layout: 'main column + colored sidebar right (bootstrap 5), year-only dates',
    fixup: (r) => { // throws on a skill without level, a degree without studyType, a profile without network
      (r.skills || []).forEach((x) => (x.level ??= ''));
      (r.education || []).forEach((x) => (x.studyType ??= ''));
      ((r.basics && r.basics.profiles) || []).forEach((x) => (x.network ??= ''));
    },
  },
  modern: { pkg: 'jsonresume-theme-modern', layout: 'single column (bootswatch lumen), year-only dates' },
};
const DEFAULT_THEMES = Object.keys(THEMES);

function parseArgs(argv) {
  const opts = {
    out: path.join(os.homedir(), '.cache', 'nexushr', 'accuracy'),
    themes: DEFAULT_THEMES,
    only: null,
    jobs: 2,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--themes') opts.themes = argv[++i].split(',').filter(Boolean);
    else if (a === '--only') opts.only = argv[++i].split(',').filter(Boolean);
    else if (a === '--jobs') opts.jobs = Math.max(1, parseInt(argv[++i], 10) || 1);
    else if (a === '-h' || a === '--help') {
      console.log('usage: node render.mjs [OUT_DIR] [--themes a,b] [--only prefix,...] [--jobs N]');
      console.log('themes available: ' + Object.keys(THEMES).join(', '));
      process.exit(0);
    } else if (a.startsWith('--')) throw new Error('unknown option ' + a);
    else opts.out = path.resolve(a);
  }
  for (const t of opts.themes) if (!THEMES[t]) throw new Error('unknown theme ' + t);
  return opts;
}

// ---------------------------------------------------------------- HTML
const LOCAL_CSS = [
  [/bootstrap\/3\.\d+\.\d+\/css\/bootstrap(\.min)?\.css/, 'bootstrap/dist/css/bootstrap.min.css'],
  [/bootstrap@5\.\d+\.\d+\/dist\/css\/bootstrap(\.min)?\.css/, 'bootstrap5/dist/css/bootstrap.min.css'],
  [/bootswatch(?:\.com|\/3\.\d+\.\d+)\/(journal|lumen|yeti)\/bootstrap(\.min)?\.css/, (m) => `bootswatch/${m[1]}/bootstrap.min.css`],
  [/font-awesome\/4\.\d+\.\d+\/css\/font-awesome(\.min)?\.css/, 'font-awesome/css/font-awesome.min.css'],
  [/font-awesome\/[56]\.\d+\.\d+\/css\/all(\.min)?\.css/, '@fortawesome/fontawesome-free/css/all.min.css'],
  [/tachyons@4\.\d+\.\d+\/css\/tachyons(\.min)?\.css/, 'tachyons/css/tachyons.min.css'],
  [/flexboxgrid\/6\.\d+\.\d+\/flexboxgrid(\.min)?\.css/, 'flexboxgrid/dist/flexboxgrid.min.css'],
];

function localCss(url) {
  for (const [re, local] of LOCAL_CSS) {
    const m = url.match(re);
    if (m) return pathToFileURL(path.join(NM, typeof local === 'function' ? local(m) : local)).href;
  }
  return null;
}

function localizeHtml(html) {
  // remote stylesheets: local copy or nothing
  html = html.replace(/<link\b[^>]*>/gi, (tag) => {
    const m = tag.match(/href\s*=\s*["']([^"']+)["']/i);
    if (!m || !/^(https?:)?\/\//i.test(m[1])) return tag;
    if (!/stylesheet/i.test(tag)) return '';
    const local = localCss(m[1]);
    return local ? tag.replace(m[1], local) : '';
  });
  // remote scripts and images (gravatar, jquery, holder.js ...)
  html = html.replace(/<script\b[^>]*\bsrc\s*=\s*["'](?!data:)[^"']*["'][^>]*>\s*<\/script>/gi, '');
  html = html.replace(/<img\b[^>]*\bsrc\s*=\s*["'](?:(?:https?:)?\/\/|holder\.js)[^"']*["'][^>]*>/gi, '');
  // @import of remote css inside <style>: local copy or nothing
  html = html.replace(/@import\s+url\(\s*["']?((?:https?:)?\/\/[^)"']*)["']?\s*\)\s*;?/gi, (all, url) => {
    const local = localCss(url);
    return local ? `@import url("${local}");` : '';
  });
  return html;
}

// Older themes (flat, class) read the schema-v0 names work[].company and
// website; give them aliases so they print the employer like a person would.
function withV0Aliases(resume) {
  const r = structuredClone(resume);
  for (const w of r.work || []) {
    if (w.company === undefined && w.name !== undefined) w.company = w.name;
    if (w.website === undefined && w.url !== undefined) w.website = w.url;
  }
  if (r.basics && r.basics.website === undefined && r.basics.url !== undefined) r.basics.website = r.basics.url;
  return r;
}

function validateResume(file, resume) {
  const { validate } = require('@jsonresume/schema');
  let problems = null;
  validate(resume, (errs) => {
    if (errs) problems = errs.map((e) => e.stack).join('; ');
  });
  if (problems) console.warn(`warning: ${file} does not validate against the JSON Resume schema: ${problems}`);
}

async function renderHtml(themeName, resume, lang) {
  let mod;
  try {
    mod = require(THEMES[themeName].pkg);
  } catch {
    mod = await import(THEMES[themeName].pkg); // ESM-only themes (even)
  }
  const render = mod.render || (mod.default && mod.default.render);
  if (typeof render !== 'function') throw new Error(themeName + ' has no render()');
  // moment (macchiato, elegant) warns on every non-ISO date it parses; some
  // themes (crisp, modern, compact) console.log while rendering
  const { warn, log } = console;
  console.warn = () => {};
  console.log = () => {};
  let html;
  try {
    // a fresh copy per theme: themes may mutate the object they are handed
    const input = withV0Aliases(resume);
    if (THEMES[themeName].fixup) THEMES[themeName].fixup(input); // empty values for optional fields it assumes
    html = await render(input);
  } finally {
    console.warn = warn;
    console.log = log;
  }
  if (typeof html !== 'string' || !html.includes('<')) throw new Error(themeName + ' rendered no HTML');
  // English headers, months and "Present" in the source's language (pt, es)
  html = localizeLanguage(html, lang, Object.keys(THEMES).indexOf(themeName), resume);
  return localizeHtml(html);
}

// ---------------------------------------------------------------- processes
function run(cmd, args, { timeoutMs = 120000 } = {}) {
  return new Promise((resolve) => {
    const p = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => p.kill('SIGKILL'), timeoutMs);
    p.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
    p.on('error', (e) => {
      clearTimeout(timer);
      resolve({ code: -1, out, err: String(e) });
    });
  });
}

async function pool(items, jobs, fn) {
  let next = 0;
  const workers = Array.from({ length: Math.min(jobs, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i], i);
    }
  });
  await Promise.all(workers);
}

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const SOFFICE = process.env.SOFFICE || '/usr/bin/soffice';

// One headless Chromium for the whole run (puppeteer-core drives the system
// /usr/bin/chromium; it downloads nothing), one tab per job. Prints like
// `chromium --headless --print-to-pdf`: Letter, 0.4in margins, no header or
// footer, no backgrounds.
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-extensions',
  '--disable-background-networking', '--host-resolver-rules=MAP * ~NOTFOUND',
];

async function startChromium(profileDir) {
  const puppeteer = require('puppeteer-core');
  return puppeteer.launch({
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, userDataDir: profileDir,
    protocolTimeout: 120000,
  });
}

async function chromiumPdf(browser, htmlPath, pdfPath) {
  const page = await browser.newPage();
  try {
    try {
      await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load', timeout: 30000 });
    } catch (e) {
      if (!/timeout/i.test(String(e))) throw e; // a stuck subresource: print what is there
    }
    await page.pdf({
      path: pdfPath, format: 'letter', printBackground: false, displayHeaderFooter: false,
      margin: { top: '0.4in', bottom: '0.4in', left: '0.4in', right: '0.4in' }, timeout: 60000,
    });
  } finally {
    await page.close().catch(() => {});
  }
  if (!fs.existsSync(pdfPath)) throw new Error(`chromium printed nothing for ${htmlPath}`);
}

// LibreOffice converts many files per start; one profile dir so it never
// collides with another soffice running on the machine. soffice sometimes
// aborts part-way through a batch (SIGABRT, rest of the batch lost; not
// tied to one file): whatever has no output afterwards is converted again in
// chunks while that makes progress, what is still left one at a time.
async function soffice(files, outDir, convertTo, infilter, profileDir) {
  const ext = '.' + convertTo.split(':')[0];
  const outOf = (f) => path.join(outDir, path.basename(f).replace(/\.[^.]+$/, ext));
  const once = async (batch) => {
    const args = [
      `-env:UserInstallation=${pathToFileURL(profileDir).href}`,
      '--headless', '--norestore', '--nolockcheck',
    ];
    if (infilter) args.push(`--infilter=${infilter}`);
    args.push('--convert-to', convertTo, '--outdir', outDir, ...batch);
    const r = await run(SOFFICE, args, { timeoutMs: 600000 });
    const left = batch.filter((f) => !fs.existsSync(outOf(f))).length;
    if (left) console.error(`  soffice exited ${r.code}: ${left} of ${batch.length} files left unconverted, retrying them`);
  };
  const CHUNK = 30;
  const left = (list) => list.filter((f) => !fs.existsSync(outOf(f)));
  // whatever a crash lost goes again in chunks while that makes progress
  let todo = files;
  for (let round = 0; todo.length && round < 4; round++) {
    for (let i = 0; i < todo.length; i += CHUNK) await once(todo.slice(i, i + CHUNK));
    const rest = left(todo);
    if (rest.length === todo.length) break;
    todo = rest;
  }
  for (const f of left(todo)) await once([f]);
}

// ---------------------------------------------------------------- main
function langOf(name) {
  const m = name.match(/^([a-z]{2})-/);
  return m ? m[1] : 'en';
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const dirs = {
    html: path.join(opts.out, 'html'),
    'pdf-chromium': path.join(opts.out, 'pdf-chromium'),
    docx: path.join(opts.out, 'docx'),
    'pdf-office': path.join(opts.out, 'pdf-office'),
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nexushr-render-'));

  let inputs = fs.readdirSync(SRC_DIR).filter((f) => f.endsWith('.json')).sort();
  if (opts.only) inputs = inputs.filter((f) => opts.only.some((p) => f.startsWith(p)));
  const timing = {};
  const t0 = Date.now();

  // 1. HTML
  const docs = [];
  const failures = [];
  for (const f of inputs) {
    const id = f.replace(/\.json$/, '');
    const resume = JSON.parse(fs.readFileSync(path.join(SRC_DIR, f), 'utf8'));
    validateResume(f, resume);
    for (const theme of opts.themes) {
      const base = `${id}-${theme}`;
      try {
        const html = await renderHtml(theme, resume, langOf(id));
        fs.writeFileSync(path.join(dirs.html, base + '.html'), html);
        docs.push({ base, input: id, source: path.join(SRC_DIR, f), theme, lang: langOf(id) });
      } catch (e) {
        failures.push({ base, stage: 'html', error: String(e.message || e).slice(0, 300) });
      }
    }
  }
  timing.html_s = (Date.now() - t0) / 1000;
  console.log(`html: ${docs.length} documents from ${inputs.length} inputs x ${opts.themes.length} themes in ${timing.html_s.toFixed(1)}s`);

  // 2. Chromium PDFs, side by side with 3. DOCX (LibreOffice Writer HTML
  // import) and 4. office PDF from that DOCX: `jobs` Chromium tabs and `jobs`
  // LibreOffice processes (each with its share of the documents and its own
  // profile). Stage times overlap; total_s is the wall time.
  const chromiumStage = async () => {
    const t1 = Date.now();
    let browser = await startChromium(path.join(tmp, 'chromium'));
    let restarting = null; // a crashed browser is started again once, whichever tab notices
    const liveBrowser = async () => {
      if (browser.connected) return browser;
      restarting ||= startChromium(path.join(tmp, 'chromium-' + Date.now())).then((b) => {
        browser = b;
        restarting = null;
        return b;
      });
      return restarting;
    };
    await pool(docs, opts.jobs, async (d) => {
      const pdf = path.join(dirs['pdf-chromium'], d.base + '.pdf');
      for (let attempt = 1; ; attempt++) {
        try {
          await chromiumPdf(await liveBrowser(), path.join(dirs.html, d.base + '.html'), pdf);
          return;
        } catch (e) {
          if (attempt < 2) continue;
          failures.push({ base: d.base, stage: 'pdf-chromium', error: String(e.message || e).slice(0, 300) });
          return;
        }
      }
    });
    await browser.close().catch(() => {});
    timing.pdf_chromium_s = (Date.now() - t1) / 1000;
    console.log(`pdf-chromium: ${timing.pdf_chromium_s.toFixed(1)}s`);
  };
  const officeStage = async () => {
    const shards = Array.from({ length: Math.min(opts.jobs, docs.length) }, (_, k) => docs.filter((_, i) => i % opts.jobs === k));
    timing.docx_s = 0;
    timing.pdf_office_s = 0;
    await Promise.all(shards.map(async (shard, k) => {
      const profile = path.join(tmp, 'soffice-' + k);
      const t2 = Date.now();
      await soffice(shard.map((d) => path.join(dirs.html, d.base + '.html')), dirs.docx,
        'docx:MS Word 2007 XML', 'HTML (StarWriter)', profile);
      timing.docx_s = Math.max(timing.docx_s, (Date.now() - t2) / 1000);
      const t3 = Date.now();
      const docxFiles = shard.map((d) => path.join(dirs.docx, d.base + '.docx')).filter((p) => fs.existsSync(p));
      await soffice(docxFiles, dirs['pdf-office'], 'pdf:writer_pdf_Export', null, profile);
      timing.pdf_office_s = Math.max(timing.pdf_office_s, (Date.now() - t3) / 1000);
    }));
    console.log(`docx: ${timing.docx_s.toFixed(1)}s, pdf-office: ${timing.pdf_office_s.toFixed(1)}s`);
  };
  await Promise.all([chromiumStage(), officeStage()]);

  // manifest
  const files = [];
  const ext = { html: 'html', 'pdf-chromium': 'pdf', docx: 'docx', 'pdf-office': 'pdf' };
  const toolchain = { html: 'jsonresume-html', 'pdf-chromium': 'chromium', docx: 'libreoffice-docx', 'pdf-office': 'libreoffice-pdf' };
  for (const d of docs) {
    for (const [format, dir] of Object.entries(dirs)) {
      const p = path.join(dir, `${d.base}.${ext[format]}`);
      if (fs.existsSync(p)) files.push({
        file: p, format, input: d.input, source: d.source, theme: d.theme, lang: d.lang,
        toolchain: toolchain[format], layout: d.theme,
      });
      else if (!failures.some((f) => f.base === d.base && f.stage === format)) failures.push({ base: d.base, stage: format, error: 'no output' });
    }
  }
  timing.total_s = (Date.now() - t0) / 1000;
  const manifest = {
    generated: new Date().toISOString(),
    themes: Object.fromEntries(opts.themes.map((t) => [t, { pkg: THEMES[t].pkg, layout: THEMES[t].layout, version: JSON.parse(fs.readFileSync(path.join(NM, THEMES[t].pkg, 'package.json'), 'utf8')).version }])),
    inputs: inputs.length,
    timing,
    failures,
    files,
  };
  fs.writeFileSync(path.join(opts.out, 'manifest.json'), JSON.stringify(manifest, null, 1));
  fs.rmSync(tmp, { recursive: true, force: true });
  console.log(`rendered ${files.length} files in ${timing.total_s.toFixed(1)}s -> ${opts.out}/manifest.json`);
  if (failures.length) console.log(`${failures.length} failures:\n` + failures.map((f) => `  ${f.base} ${f.stage}: ${f.error}`).join('\n'));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
