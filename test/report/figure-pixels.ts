/**
 * Reading a vega figure back from Chromium: where its lines and titles were laid out (a probe
 * script in the page writes them into the DOM that --dump-dom returns), and how many pixels of a
 * screenshot show each line in its own colour inside its plot area.
 */
import type { PNG } from 'pngjs';

/** A line mark as laid out: its series, colour, panel and plot area (CSS pixels, left/top/right/bottom). */
export interface LaidOutLine {
  series: string;
  stroke: string;
  panel: string;
  plot: [number, number, number, number];
}

export interface LineVisibility extends LaidOutLine {
  /** Pixels of the screenshot within the plot area (off its 2 px frame band) whose colour is the line's. */
  visiblePixels: number;
}

/**
 * A script for the page: once loaded, it records every line mark (series from its aria-label's
 * "series:" or "network:" entry, stroke colour, the plot area of its group) and every title text with
 * its left edge, base64-encoded JSON in body[data-layout].
 */
export const LAYOUT_PROBE = `<script>addEventListener('load', () => {
  const lines = [...document.querySelectorAll('path[aria-roledescription="line mark"]')].map((path) => {
    const entry = (path.getAttribute('aria-label') || '').split('; ').map((p) => /^(series|network): (.*)$/.exec(p)).find(Boolean);
    const scope = path.closest('.role-scope');
    const r = scope.querySelector('path.background').getBoundingClientRect();
    return { series: entry ? entry[2] : '', stroke: path.getAttribute('stroke'), panel: scope.getAttribute('class'), plot: [r.left, r.top, r.right, r.bottom] };
  });
  const titles = [...document.querySelectorAll('.role-title-text text')].map((t) => ({ text: t.textContent, left: t.getBoundingClientRect().left }));
  document.body.dataset.layout = btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify({ lines, titles }))));
});</script>`;

export function readLayoutProbe(dom: string): { lines: LaidOutLine[]; titles: { text: string; left: number }[] } {
  const b64 = /data-layout="([A-Za-z0-9+/=]+)"/.exec(dom)?.[1];
  if (!b64) throw new Error('the layout probe left nothing in the page');
  return JSON.parse(Buffer.from(b64, 'base64').toString('utf8'));
}

/** '#4c78a8' → [76, 120, 168]. */
export function hexColour(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)];
}

/** Largest channel difference at which a pixel still shows a line's colour (antialiased edges blend towards the background). */
export const COLOUR_TOLERANCE = 40;

/** Pixels of `image` inside `plot` shrunk by `frame` px on each side whose colour is within COLOUR_TOLERANCE of `stroke`. */
export function pixelsOfColour(image: PNG, plot: [number, number, number, number], stroke: string, frame = 2): number {
  const [r, g, b] = hexColour(stroke);
  const x0 = Math.max(0, Math.ceil(plot[0]) + frame);
  const y0 = Math.max(0, Math.ceil(plot[1]) + frame);
  const x1 = Math.min(image.width, Math.floor(plot[2]) - frame);
  const y1 = Math.min(image.height, Math.floor(plot[3]) - frame);
  let n = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * image.width + x) * 4;
      const d = Math.max(Math.abs(image.data[i] - r), Math.abs(image.data[i + 1] - g), Math.abs(image.data[i + 2] - b));
      if (d <= COLOUR_TOLERANCE) n++;
    }
  }
  return n;
}

export function lineVisibility(lines: LaidOutLine[], image: PNG): LineVisibility[] {
  return lines.map((l) => ({ ...l, visiblePixels: pixelsOfColour(image, l.plot, l.stroke) }));
}
