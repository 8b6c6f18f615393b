/** Evidence values (worst cases, counterexamples) as HTML: matrices as bracketed grids, records as key/value tables. */
import type { ValueNode } from './values.ts';

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function valueToHtml(node: ValueNode): string {
  switch (node.kind) {
    case 'text':
      return `<span class="val">${escapeHtml(node.text)}</span>`;
    case 'matrix':
      return `<table class="matrix" data-rows="${node.rows.length}" data-cols="${node.rows[0].length}"><tbody>${node.rows
        .map((r) => `<tr>${r.map((x) => `<td>${escapeHtml(x)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
    case 'vector':
      return `<span class="vec">[${node.items.map(escapeHtml).join(', ')}]</span>`;
    case 'list':
      return `<ol class="vlist" start="0">${node.items.map((i) => `<li>${valueToHtml(i)}</li>`).join('')}</ol>`;
    case 'record':
      return `<table class="kv"><tbody>${node.entries.map((e) => `<tr><th>${escapeHtml(e.key)}</th><td>${valueToHtml(e.value)}</td></tr>`).join('')}</tbody></table>`;
  }
}
