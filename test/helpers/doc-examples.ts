/** The runnable examples of a Markdown page: each ```js block with the ```text block under it (its exact output). */
export interface JsExample {
  code: string;
  output: string;
  /** The line of the page where the ```js block starts. */
  line: number;
}

export function jsExamplesWithOutput(md: string): JsExample[] {
  const out: JsExample[] = [];
  const re = /```js\n([\s\S]*?)```\n\s*```text\n([\s\S]*?)```/g;
  for (let m = re.exec(md); m; m = re.exec(md)) out.push({ code: m[1], output: m[2], line: md.slice(0, m.index).split('\n').length });
  return out;
}
