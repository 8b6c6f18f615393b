/** The report page's own stylesheet (KaTeX's comes from katex-assets.ts). */
export const REPORT_CSS = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:1150px;color:#1d2330;line-height:1.45;padding:0 1rem}
h1{font-size:1.6rem}h2{margin-top:2.2rem;border-bottom:1px solid #dde;padding-bottom:.3rem}h3{margin-top:1.6rem}h4{margin:.8rem 0 .3rem}
table{border-collapse:collapse;margin:.6rem 0;font-size:.92rem}th,td{border:1px solid #ccd;padding:.3rem .55rem;vertical-align:top;text-align:left}
th{background:#f3f4f8}.v{font-weight:600;text-align:center;white-space:nowrap}
.holds{background:#dff3e3;color:#155a2a}.fails{background:#fbe0e0;color:#8a1c1c}.inconclusive{background:#fff3cd;color:#7a5a00}.na{color:#888;text-align:center}
.badge{padding:.1rem .45rem;border-radius:4px;font-weight:600}
.claim{border:1px solid #e2e4ec;border-radius:6px;padding:.6rem 1rem;margin:1rem 0}
.result{margin:.6rem 0 .9rem;padding-left:.6rem;border-left:3px solid #e2e4ec}.meta{color:#555;font-size:.9rem}
.tex{overflow-x:auto}code{font-size:.85rem;background:#f6f7fa;padding:.05rem .25rem;border-radius:3px}
table.kv{font-size:.85rem}table.kv th{font-weight:500;white-space:nowrap}
table.matrix{border-collapse:separate;border-spacing:0;border:2px solid #333;border-top-color:transparent;border-bottom-color:transparent;border-radius:7px;margin:.2rem 0}
table.matrix td{border:none;padding:.1rem .5rem;text-align:right;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85rem}
.vec{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85rem}
figure{margin:1.2rem 0}figcaption{color:#444;font-size:.9rem}.fig{overflow-x:auto}
.disagreement{background:#fff3cd;padding:.3rem .5rem;border-radius:4px}
td.why{font-size:.85rem;color:#333;max-width:26rem}
.wide{max-width:100%;overflow-x:auto}
table.derivation{table-layout:fixed;width:100%}table.derivation td{overflow-wrap:anywhere;word-break:break-word}
table.derivation col.n{width:2.2rem}table.derivation col.eq{width:17%}table.derivation col.just{width:18%}table.derivation col.method{width:5.5rem}table.derivation col.verdict{width:6.5rem}
table.derivation td .katex-display,table.derivation td .tex{overflow-x:auto;max-width:100%}
`;
