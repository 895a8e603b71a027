#!/usr/bin/env node
// Renders every JSON Resume document in tests/corpus/resumes-src through real
// JSON Resume npm themes, then:
//   HTML  -> PDF   with headless Chromium          (engine "chromium")
//   HTML  -> DOCX  with LibreOffice Writer          (engine "docx")
//   DOCX  -> PDF   with LibreOffice (office layout) (engine "office")
// and writes OUT/manifest.json describing every rendered file.
//
// usage: node render.mjs [OUT_DIR] [--themes even,elegant] [--only en-,pt-] [--jobs 2]
//        OUT_DIR defaults to ~/.cache/nexushr/accuracy
// needs: node 20, /usr/bin/chromium, /usr/bin/soffice (override with CHROMIUM, SOFFICE)
//
// Nothing is fetched while rendering: CDN stylesheets the themes link to
// (Bootstrap 3, Font Awesome 4/6) are pointed at the copies npm installed next
// to this script, every other remote stylesheet, script or image is dropped,
// and Chromium resolves no host names.

import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const SRC_DIR = path.join(REPO, 'tests', 'corpus', 'resumes-src');
const NM = path.join(HERE, 'node_modules');

// Theme name -> npm package. "layout" is informational (shown in the manifest).
const THEMES = {
  even: { pkg: 'jsonresume-theme-even', layout: 'single column' },
  stackoverflow: { pkg: 'jsonresume-theme-stackoverflow', layout: 'single column, dates right' },
  elegant: { pkg: 'jsonresume-theme-elegant', layout: 'sidebar card + main column (bootstrap)' },
  macchiato: { pkg: 'jsonresume-theme-macchiato', layout: 'two columns: section titles left' },
  kendall: { pkg: 'jsonresume-theme-kendall', layout: 'two columns (bootstrap grid), icons' },
  flat: { pkg: 'jsonresume-theme-flat', layout: 'single column, ISO dates' },
  class: { pkg: 'jsonresume-theme-class', layout: 'single column, ISO dates' },
};
const DEFAULT_THEMES = ['even', 'stackoverflow', 'elegant', 'macchiato', 'kendall', 'flat'];

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
  [/font-awesome\/4\.\d+\.\d+\/css\/font-awesome(\.min)?\.css/, 'font-awesome/css/font-awesome.min.css'],
  [/font-awesome\/[56]\.\d+\.\d+\/css\/all(\.min)?\.css/, '@fortawesome/fontawesome-free/css/all.min.css'],
];

function localizeHtml(html) {
  // remote stylesheets: local copy or nothing
  html = html.replace(/<link\b[^>]*>/gi, (tag) => {
    const m = tag.match(/href\s*=\s*["']([^"']+)["']/i);
    if (!m || !/^(https?:)?\/\//i.test(m[1])) return tag;
    if (!/stylesheet/i.test(tag)) return '';
    for (const [re, local] of LOCAL_CSS) {
      if (re.test(m[1])) return tag.replace(m[1], pathToFileURL(path.join(NM, local)).href);
    }
    return '';
  });
  // remote scripts and images (gravatar, jquery, holder.js ...)
  html = html.replace(/<script\b[^>]*\bsrc\s*=\s*["'](?!data:)[^"']*["'][^>]*>\s*<\/script>/gi, '');
  html = html.replace(/<img\b[^>]*\bsrc\s*=\s*["'](?:(?:https?:)?\/\/|holder\.js)[^"']*["'][^>]*>/gi, '');
  // @import of remote css inside <style>
  html = html.replace(/@import\s+url\(\s*["']?(?:https?:)?\/\/[^)]*\)\s*;?/gi, '');
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

async function renderHtml(themeName, resume) {
  let mod;
  try {
    mod = require(THEMES[themeName].pkg);
  } catch {
    mod = await import(THEMES[themeName].pkg); // ESM-only themes (even)
  }
  const render = mod.render || (mod.default && mod.default.render);
  if (typeof render !== 'function') throw new Error(themeName + ' has no render()');
  // moment (macchiato, elegant) warns on every non-ISO date it parses
  const warn = console.warn;
  console.warn = () => {};
  try {
    // a fresh copy per theme: themes may mutate the object they are handed
    return localizeHtml(await render(withV0Aliases(resume)));
  } finally {
    console.warn = warn;
  }
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

async function chromiumPdf(htmlPath, pdfPath, profileDir) {
  const args = [
    '--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer',
    '--no-first-run', '--disable-extensions', '--disable-background-networking',
    '--host-resolver-rules=MAP * ~NOTFOUND',
    `--user-data-dir=${profileDir}`,
    `--print-to-pdf=${pdfPath}`,
    pathToFileURL(htmlPath).href,
  ];
  const r = await run(CHROMIUM, args, { timeoutMs: 90000 });
  if (!fs.existsSync(pdfPath)) throw new Error(`chromium failed for ${htmlPath}: ${r.err.slice(-400)}`);
}

// LibreOffice converts many files per start; one profile dir so it never
// collides with another soffice running on the machine. soffice sometimes
// aborts part-way through a batch (SIGABRT on exit, rest of the batch lost):
// whatever has no output afterwards is converted again, then one at a time.
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
  for (let i = 0; i < files.length; i += CHUNK) await once(files.slice(i, i + CHUNK));
  let missing = files.filter((f) => !fs.existsSync(outOf(f)));
  if (missing.length) await once(missing);
  missing = files.filter((f) => !fs.existsSync(outOf(f)));
  for (const f of missing) await once([f]);
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
        const html = await renderHtml(theme, resume);
        fs.writeFileSync(path.join(dirs.html, base + '.html'), html);
        docs.push({ base, input: id, source: path.join(SRC_DIR, f), theme, lang: langOf(id) });
      } catch (e) {
        failures.push({ base, stage: 'html', error: String(e.message || e).slice(0, 300) });
      }
    }
  }
  timing.html_s = (Date.now() - t0) / 1000;
  console.log(`html: ${docs.length} documents from ${inputs.length} inputs x ${opts.themes.length} themes in ${timing.html_s.toFixed(1)}s`);

  // 2. Chromium PDFs
  const t1 = Date.now();
  await pool(docs, opts.jobs, async (d, i) => {
    const profile = path.join(tmp, 'chromium-' + (i % opts.jobs));
    try {
      await chromiumPdf(path.join(dirs.html, d.base + '.html'), path.join(dirs['pdf-chromium'], d.base + '.pdf'), profile);
    } catch (e) {
      failures.push({ base: d.base, stage: 'pdf-chromium', error: String(e.message || e).slice(0, 300) });
    }
  });
  timing.pdf_chromium_s = (Date.now() - t1) / 1000;
  console.log(`pdf-chromium: ${timing.pdf_chromium_s.toFixed(1)}s`);

  // 3. DOCX (LibreOffice Writer HTML import), 4. office PDF from the DOCX
  const t2 = Date.now();
  const profile = path.join(tmp, 'soffice');
  await soffice(docs.map((d) => path.join(dirs.html, d.base + '.html')), dirs.docx,
    'docx:MS Word 2007 XML', 'HTML (StarWriter)', profile);
  timing.docx_s = (Date.now() - t2) / 1000;
  console.log(`docx: ${timing.docx_s.toFixed(1)}s`);
  const t3 = Date.now();
  const docxFiles = docs.map((d) => path.join(dirs.docx, d.base + '.docx')).filter((p) => fs.existsSync(p));
  await soffice(docxFiles, dirs['pdf-office'], 'pdf:writer_pdf_Export', null, profile);
  timing.pdf_office_s = (Date.now() - t3) / 1000;
  console.log(`pdf-office: ${timing.pdf_office_s.toFixed(1)}s`);

  // manifest
  const files = [];
  const ext = { html: 'html', 'pdf-chromium': 'pdf', docx: 'docx', 'pdf-office': 'pdf' };
  for (const d of docs) {
    for (const [format, dir] of Object.entries(dirs)) {
      const p = path.join(dir, `${d.base}.${ext[format]}`);
      if (fs.existsSync(p)) files.push({ file: p, format, input: d.input, source: d.source, theme: d.theme, lang: d.lang });
      else if (!failures.some((f) => f.base === d.base && f.stage === format)) failures.push({ base: d.base, stage: format, error: 'no output' });
    }
  }
  timing.total_s = (Date.now() - t0) / 1000;
  const manifest = {
    generated: new Date().toISOString(),
    themes: Object.fromEntries(opts.themes.map((t) => [t, { ...THEMES[t], version: JSON.parse(fs.readFileSync(path.join(NM, THEMES[t].pkg, 'package.json'), 'utf8')).version }])),
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
