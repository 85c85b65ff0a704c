import { escapeHtml } from '../../../shared/domain/html-text.ts';
import { headingLevel, linesOf, safeColor, type Block, type Field, type Report } from './report-model.ts';

/** Escaped text with its line breaks kept. */
const text = (s: string): string => linesOf(s).map(escapeHtml).join('<br>');

const STYLE = `
:root { color-scheme: light; --ink: #23221f; --muted: #6b675f; --rule: #d8d4cc; --paper: #ffffff; --tint: #f6f4ef; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--paper); color: var(--ink); font: 16px/1.55 Georgia, 'Times New Roman', serif; }
.page { max-width: 46rem; margin: 0 auto; padding: 3rem 1.5rem 4rem; }
.title-page { border-bottom: 1px solid var(--rule); margin-bottom: 2.5rem; padding-bottom: 1.5rem; }
h1, h2, h3, h4, h5, h6 { font-family: 'Segoe UI', system-ui, -apple-system, sans-serif; line-height: 1.25; margin: 2rem 0 0.5rem; break-after: avoid; }
h1 { font-size: 2rem; margin-top: 0; }
h2 { font-size: 1.5rem; } h3 { font-size: 1.25rem; } h4 { font-size: 1.1rem; } h5, h6 { font-size: 1rem; }
.code-heading { border-left: 0.35rem solid var(--code, var(--rule)); padding-left: 0.6rem; }
.subtitle { color: var(--muted); font-size: 1.15rem; margin: 0 0 1.5rem; }
dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0.5rem 0 1rem; }
dl.fields dt { font-weight: bold; font-family: 'Segoe UI', system-ui, sans-serif; font-size: 0.9rem; color: var(--muted); }
dl.fields dd { margin: 0; }
.definition { font-style: italic; }
.muted { color: var(--muted); font-size: 0.9rem; }
.label { font-weight: bold; font-family: 'Segoe UI', system-ui, sans-serif; font-size: 0.9rem; margin-bottom: 0.25rem; }
figure.excerpt { margin: 0.75rem 0 1rem; padding: 0.15rem 0 0.15rem 1rem; border-left: 3px solid var(--code, var(--rule)); break-inside: avoid; }
figure.excerpt blockquote { margin: 0; }
figure.excerpt blockquote p { margin: 0 0 0.4rem; }
figure.excerpt blockquote p:last-child { margin-bottom: 0; }
.definition, .muted, .label { margin: 0 0 0.5rem; }
figure.excerpt figcaption { color: var(--muted); font-size: 0.9rem; margin-top: 0.35rem; }
figure.excerpt cite { font-style: normal; }
.memo { background: var(--tint); font-size: 0.9rem; padding: 0.4rem 0.6rem; margin-top: 0.5rem; }
ul.outline { list-style: none; padding-left: 0; }
ul.outline li { padding: 0.1rem 0; }
ul.outline .note { color: var(--muted); font-size: 0.9rem; }
@page { margin: 2cm; }
@media print {
  body { font-size: 11pt; }
  .page { max-width: none; padding: 0; }
  .title-page { break-after: page; border: 0; }
  a { color: inherit; text-decoration: none; }
}
`;

function fields(list: readonly Field[]): string {
  return `<dl class="fields">${list.map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${text(f.value)}</dd>`).join('')}</dl>`;
}

const codeStyle = (color: string | undefined): string => {
  const c = safeColor(color);
  return c ? ` style="--code: ${c}"` : '';
};

function block(b: Block): string {
  switch (b.kind) {
    case 'heading': {
      const h = headingLevel(b.level + 1);
      return `<h${h}${b.color ? ' class="code-heading"' : ''}${codeStyle(b.color)}>${escapeHtml(b.text)}</h${h}>`;
    }
    case 'paragraph':
      return `<p${b.tone ? ` class="${b.tone}"` : ''}>${text(b.text)}</p>`;
    case 'fields':
      return fields(b.fields);
    case 'quote': {
      const memos = b.memos.map((m) => `<div class="memo"><strong>Memo:</strong> ${text(m)}</div>`).join('');
      const paragraphs = b.text.split(/\n\s*\n/).map((p) => `<p>${text(p)}</p>`).join('');
      return `<figure class="excerpt"${codeStyle(b.color)}><blockquote>${paragraphs}</blockquote><figcaption>— <cite>${escapeHtml(b.citation)}</cite></figcaption>${memos}</figure>`;
    }
    case 'outline':
      return `<ul class="outline">${b.items
        .map((i) => `<li style="padding-left: ${i.depth * 1.25}rem">${escapeHtml(i.text)}${i.note ? ` <span class="note">— ${escapeHtml(i.note)}</span>` : ''}</li>`)
        .join('')}</ul>`;
  }
}

/**
 * The report as one self-contained HTML file: no script, no external resource, every text
 * escaped, a stylesheet that reads on screen and prints with the title page on its own.
 */
export function renderHtml(report: Report): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Marginalia">
<title>${escapeHtml(`${report.title} — ${report.subtitle}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<div class="page">
<header class="title-page">
<h1>${escapeHtml(report.title)}</h1>
<p class="subtitle">${escapeHtml(report.subtitle)}</p>
${fields(report.fields)}
</header>
<main>
${report.body.map(block).join('\n')}
</main>
</div>
</body>
</html>
`;
}
