// Translates the English words a JSON Resume theme prints around the content
// (section headers, a few labels, month names, "Present", "to", durations)
// into the source's language, so pt-/es- sources render like a resume written
// in that language. Only text nodes change (never tags, attributes, URLs,
// <script> or <style>), and conservatively:
//   - a header / label is translated only when it is the whole text node
//     (give or take whitespace and a trailing colon; labels also as a
//     "Label: value" prefix) and the node is not a value of the source itself;
//   - months, open-range words, "to" and durations only inside date-like nodes:
//     nodes made of nothing but months, numbers, separators, entities and those
//     words ("Feb 2020 - Present", "March, 2017", "&rarr; Present", "6 years").
// Each theme picks its own synonym per header (by its position in THEMES), its
// own month form (full "março de 2020" / abbreviated "mar 2020") and casing.

const HEADERS = {
  work: ['Work', 'Work Experience', 'Experience', 'Experiences', 'Professional Experience', 'Employment',
    'Employment History', 'Work History', 'Professional History', 'Career'],
  education: ['Education', 'Educational Background', 'Academic Background'],
  skills: ['Skills', 'Professional Skills', 'Technical Skills', 'Skills & Proficiency', 'Skills and Tech',
    'Skills & Tech', 'Proficiencies', 'Professional Skills Summary', 'Skills & Expertise', 'Expertise'],
  languages: ['Languages', 'Language'],
  summary: ['Summary', 'About', 'About Me', 'Profile', 'Personal Summary', 'Professional Summary', 'Background', 'Objective'],
  projects: ['Projects', 'Personal Projects', 'Side Projects', 'Open Source Projects', 'Projects Experience'],
  certificates: ['Certificates', 'Certifications', 'Certificate', 'Certification'],
  awards: ['Awards', 'Honors', 'Honors & Awards', 'Awards & Honors', 'Honors and Awards'],
  volunteer: ['Volunteer', 'Volunteering', 'Volunteer Experience', 'Volunteer Work'],
  interests: ['Interests', 'Hobbies', 'Hobbies & Interests'],
  references: ['References'],
  publications: ['Publications'],
  contact: ['Contact', 'Contact Info', 'Contact Information', 'Contact Me', 'Contacts'],
  profiles: ['Profiles', 'Social Profiles', 'Social'],
  highlights: ['Highlights', 'Key Achievements', 'Achievements'],
  onrequest: ['Available on request', 'Available upon request', 'References available upon request'],
  at: ['at'], // "Engineer <span>at</span> Acme"
};
const LABELS = {
  email: ['Email', 'E-mail', 'Mail'],
  phone: ['Phone', 'Cell', 'Mobile', 'Telephone', 'Tel'],
  website: ['Website', 'Web', 'Homepage'],
  location: ['Location', 'Address'],
  city: ['City'],
  region: ['Region', 'State'],
  country: ['Country'],
  fluency: ['Fluency'],
  keywords: ['Keywords'],
  issued: ['Issued on', 'Issued'],
  awarded: ['Awarded on', 'Awarded'],
};

const WORDS = {
  pt: {
    work: ['Experiência Profissional', 'Experiência', 'Histórico Profissional'],
    education: ['Formação Acadêmica', 'Formação', 'Educação'],
    skills: ['Competências', 'Habilidades', 'Conhecimentos Técnicos'],
    languages: ['Idiomas'],
    summary: ['Resumo', 'Perfil', 'Sobre'],
    projects: ['Projetos'],
    certificates: ['Certificações'],
    awards: ['Prêmios'],
    volunteer: ['Voluntariado'],
    interests: ['Interesses'],
    references: ['Referências'],
    publications: ['Publicações'],
    contact: ['Contato'],
    profiles: ['Perfis', 'Redes'],
    highlights: ['Destaques', 'Principais Realizações'],
    onrequest: ['Disponíveis mediante solicitação'],
    at: ['em'],
    email: ['E-mail'],
    phone: ['Telefone', 'Celular'],
    website: ['Site'],
    location: ['Localização', 'Endereço'],
    city: ['Cidade'],
    region: ['Estado'],
    country: ['País'],
    fluency: ['Fluência', 'Nível'],
    keywords: ['Palavras-chave'],
    issued: ['Emitido em'],
    awarded: ['Concedido em'],
    expected: ['previsto', 'previsão'],
    present: ['Atual', 'o momento', 'Presente'],
    to: ['a', 'até'],
    year: ['ano', 'anos', 'um ano'],
    month: ['mês', 'meses', 'um mês'],
    de: 'de',
    monthsFull: ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'],
    monthsAbbr: ['jan', 'fev', 'mar', 'abr', 'mai', 'jun', 'jul', 'ago', 'set', 'out', 'nov', 'dez'],
  },
  es: {
    work: ['Experiencia Profesional', 'Experiencia Laboral', 'Experiencia'],
    education: ['Educación', 'Formación Académica'],
    skills: ['Habilidades', 'Competencias', 'Conocimientos Técnicos'],
    languages: ['Idiomas'],
    summary: ['Perfil', 'Resumen', 'Acerca de mí'],
    projects: ['Proyectos'],
    certificates: ['Certificaciones'],
    awards: ['Premios'],
    volunteer: ['Voluntariado'],
    interests: ['Intereses'],
    references: ['Referencias'],
    publications: ['Publicaciones'],
    contact: ['Contacto'],
    profiles: ['Perfiles', 'Redes'],
    highlights: ['Logros', 'Aspectos Destacados'],
    onrequest: ['Disponibles a solicitud'],
    at: ['en'],
    email: ['Correo electrónico', 'Correo'],
    phone: ['Teléfono', 'Celular'],
    website: ['Sitio web'],
    location: ['Ubicación', 'Dirección'],
    city: ['Ciudad'],
    region: ['Estado'],
    country: ['País'],
    fluency: ['Nivel', 'Dominio'],
    keywords: ['Palabras clave'],
    issued: ['Emitido el'],
    awarded: ['Otorgado el'],
    expected: ['previsto', 'esperado'],
    present: ['Actualidad', 'Presente', 'Hoy'],
    to: ['a', 'hasta'],
    year: ['año', 'años', 'un año'],
    month: ['mes', 'meses', 'un mes'],
    de: 'de',
    monthsFull: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
    monthsAbbr: ['ene.', 'feb.', 'mar.', 'abr.', 'may.', 'jun.', 'jul.', 'ago.', 'sept.', 'oct.', 'nov.', 'dic.'],
  },
};

const EN_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_RE_SRC = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)';
const OPEN_RE_SRC = '(Present|Current|Now|Today|Ongoing)';
const DUR_RE_SRC = '(years?|yrs?|months?|mos?)';
const ENTITY_RE_SRC = '&(?:[a-z]+|#\\d+|#x[0-9a-f]+);';

// residue test: a node is date-like when nothing is left after removing these
const DATEISH_RE = new RegExp(
  `\\b${MONTH_RE_SRC}\\b\\.?|\\b${OPEN_RE_SRC}\\b|\\bto\\b|\\bexpected\\b|\\b\\d+\\s*${DUR_RE_SRC}\\b|\\ban?\\s+(?:year|month)\\b|${ENTITY_RE_SRC}|\\d+|[\\s\\-–—‒―~→·•|/,.()]+`,
  'gi',
);

function decode(s) {
  return s.replace(/&nbsp;|&#160;/gi, ' ').replace(/&amp;|&#38;/gi, '&').replace(/\s+/g, ' ').trim();
}

function caseLike(orig, word, lang) {
  const letters = orig.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase()) return word.toLocaleUpperCase(lang);
  if (letters && letters === letters.toLowerCase()) return word.toLocaleLowerCase(lang);
  return word;
}

function capitalize(s, lang) {
  return s.charAt(0).toLocaleUpperCase(lang) + s.slice(1);
}

function phraseIndex(groups) {
  const m = new Map();
  for (const [cat, phrases] of Object.entries(groups)) for (const p of phrases) m.set(p.toLowerCase(), cat);
  return m;
}
const HEADER_INDEX = phraseIndex(HEADERS);
const LABEL_INDEX = phraseIndex(LABELS);
const LABEL_PREFIX_RE = new RegExp(`^(\\s*)(${Object.values(LABELS).flat().sort((a, b) => b.length - a.length).join('|')})(\\s*:)`, 'i');

function sourceStrings(resume) {
  const set = new Set();
  (function walk(o) {
    if (typeof o === 'string') set.add(decode(o).toLowerCase());
    else if (o && typeof o === 'object') Object.values(o).forEach(walk);
  })(resume);
  return set;
}

/**
 * @param {string} html rendered theme output
 * @param {string} lang 'pt' | 'es' (anything else: returned unchanged)
 * @param {number} variant the theme's position in THEMES (picks synonyms and forms)
 * @param {object} resume the source, whose own strings are never translated
 */
export function localizeLanguage(html, lang, variant, resume) {
  const W = WORDS[lang];
  if (!W) return html;
  // the theme's position, shifted per category so that one theme does not get
  // every first synonym
  const pick = (cat) => {
    const list = W[cat];
    const shift = [...cat].reduce((a, c) => a + c.charCodeAt(0), 0);
    return list[(variant + shift) % list.length];
  };
  const own = sourceStrings(resume);
  const fullMonths = variant % 2 === 0;
  const titleMonths = Math.floor(variant / 2) % 2 === 1;

  const month = (name) => {
    const i = EN_MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().slice(0, 3)));
    let w = fullMonths ? W.monthsFull[i] : W.monthsAbbr[i];
    if (name === name.toUpperCase() && name.length > 1) return w.toLocaleUpperCase(lang);
    if (titleMonths && name[0] === name[0].toUpperCase()) w = capitalize(w, lang);
    return w;
  };

  // one pass, so a translated word is never matched again ("mar" in "março")
  const DATE_RE = new RegExp([
    `\\b${MONTH_RE_SRC}\\b\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, // February 1, 2020
    `\\b${MONTH_RE_SRC}\\b\\.?(?:,?\\s+|&nbsp;)(\\d{4}|'\\d{2})\\b`, // February, 2020 / Feb 2020
    `\\b${MONTH_RE_SRC}\\b\\.?`, // Feb (year in another node)
    `\\b${OPEN_RE_SRC}\\b`,
    '\\b(to)\\b',
    `\\b(\\d+)(\\s*)${DUR_RE_SRC}\\b`,
    '\\b(an?)\\s+(year|month)\\b', // dayjs / moment "a year"
    '\\b(expected)\\b', // "(expected)" after a future end date
  ].join('|'), 'gi');
  const translateDate = (text) => text.replace(DATE_RE, (...g) => {
    const [, m1, d1, y1, m2, y2, m3, open, to, n, sp, unit, one, oneUnit, expected] = g;
    if (expected) return caseLike(expected, pick('expected'), lang);
    if (one) return caseLike(one + oneUnit, (/^y/i.test(oneUnit) ? W.year : W.month)[2], lang);
    if (m1) return fullMonths ? `${d1} ${W.de} ${month(m1)} ${W.de} ${y1}` : `${d1} ${month(m1)} ${y1}`;
    if (m2) return fullMonths ? `${month(m2)} ${W.de} ${y2}` : `${month(m2)} ${y2}`;
    if (m3) return month(m3);
    if (open) return caseLike(open, pick('present'), lang);
    if (to) return caseLike(to, pick('to'), lang);
    const u = /^y/i.test(unit) ? W.year : W.month;
    return `${n}${sp || ' '}${caseLike(unit, Number(n) === 1 ? u[0] : u[1], lang)}`;
  });

  const isDateish = (text) => text.replace(DATEISH_RE, '').trim() === ''
    && /[A-Za-z]/.test(text.replace(new RegExp(ENTITY_RE_SRC, 'gi'), ''));

  const translateText = (text) => {
    const plain = decode(text);
    if (!plain || !/[A-Za-z]/.test(plain) || own.has(plain.toLowerCase())) return text;
    // whole-node header or label, optional trailing colon
    const m = plain.match(/^(.*?)(\s*:)?$/);
    const key = m[1].toLowerCase();
    const cat = HEADER_INDEX.get(key) || LABEL_INDEX.get(key);
    if (cat) {
      const lead = text.match(/^\s*/)[0];
      const trail = text.match(/\s*$/)[0];
      return lead + caseLike(m[1], pick(cat), lang) + (m[2] || '') + trail;
    }
    // "Fluency: Nativo", "Issued on: May 3, 2021" (label prefix; a date-like value is translated too)
    const lp = text.match(LABEL_PREFIX_RE);
    if (lp) {
      const lcat = LABEL_INDEX.get(lp[2].toLowerCase());
      const rest = text.slice(lp[0].length);
      return lp[1] + caseLike(lp[2], pick(lcat), lang) + lp[3] + (isDateish(rest) ? translateDate(rest) : rest);
    }
    if (isDateish(text)) return translateDate(text);
    return text;
  };

  const parts = html.split(/(<!--[\s\S]*?-->|<script\b[\s\S]*?<\/script\s*>|<style\b[\s\S]*?<\/style\s*>|<textarea\b[\s\S]*?<\/textarea\s*>|<[^>]*>)/i);
  for (let i = 0; i < parts.length; i += 2) parts[i] = translateText(parts[i]);
  return parts.join('');
}
