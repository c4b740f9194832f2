import { esc } from './files';

/** A self-contained printable HTML document (no scripts, no external files) in the reports' house style. */
export function documentHtml(title: string, body: string, extraCss = ''): string {
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>
  body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 10pt; color: #1d2733; line-height: 1.35; }
  h1 { font-size: 17pt; color: #0b4f6c; margin: 0 0 8pt; }
  h2 { font-size: 12.5pt; color: #0b4f6c; border-bottom: 1px solid #c9d6df; padding-bottom: 2pt; margin: 14pt 0 6pt; }
  h3 { font-size: 10.5pt; margin: 8pt 0 4pt; }
  /* A heading stays on the page of what follows it. */
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  table { border-collapse: collapse; width: 100%; margin: 4pt 0 6pt; page-break-inside: auto; }
  tr { page-break-inside: avoid; }
  th, td { border: 1px solid #c9d6df; padding: 3pt 5pt; text-align: left; vertical-align: top; }
  th { background: #eef3f6; font-weight: 600; }
  table.details th { width: 34%; }
  table.figures { font-size: 8.5pt; }
  table.figures td:not(:first-child) { text-align: right; white-space: nowrap; }
  /* Columns are as wide as their longest word: headers and names never break inside a word. Only a very
     long word in free text (a pasted link) may break, and only when nothing else fits. */
  th { overflow-wrap: normal; word-break: normal; hyphens: manual; }
  td { overflow-wrap: break-word; }
  .small { font-size: 8.5pt; color: #4a5866; }
  ul { margin: 2pt 0 6pt 14pt; padding: 0; }
  ${extraCss}
</style></head><body>${body}</body></html>`;
}
