/** The social card of a page as SVG (1200×630), rendered to PNG at build time. Pure: strings in, SVG out. */
const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Greedy word wrap by character count, at most `maxLines` lines (the last one ellipsised). */
export function wrap(text: string, perLine: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && (line + ' ' + word).length > perLine) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = kept[maxLines - 1]!.replace(/\s*\S*$/, '') + ' …';
    return kept;
  }
  return lines;
}

export function socialCardSvg({ title, kicker, summary, site }: { title: string; kicker: string; summary: string; site: string }): string {
  const titleLines = wrap(title, 26, 3);
  const summaryLines = wrap(summary, 58, 3);
  const titleY = 250;
  const summaryY = titleY + titleLines.length * 84 + 30;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
  <rect width="1200" height="630" fill="#0f1318"/>
  <rect x="0" y="0" width="18" height="630" fill="#8ab4ff"/>
  <text x="80" y="140" font-family="DejaVu Sans, Arial, sans-serif" font-size="34" fill="#8ab4ff" font-weight="bold">${escapeXml(kicker)}</text>
  ${titleLines.map((l, i) => `<text x="80" y="${titleY + i * 84}" font-family="DejaVu Sans, Arial, sans-serif" font-size="72" font-weight="bold" fill="#ffffff">${escapeXml(l)}</text>`).join('\n  ')}
  ${summaryLines.map((l, i) => `<text x="80" y="${summaryY + i * 44}" font-family="DejaVu Sans, Arial, sans-serif" font-size="32" fill="#c9d1dc">${escapeXml(l)}</text>`).join('\n  ')}
  <text x="80" y="585" font-family="DejaVu Sans, Arial, sans-serif" font-size="28" fill="#a9b3c1">${escapeXml(site)}</text>
</svg>`;
}

export interface CardText {
  /** Path under /og/ without ".png": "index", "<track>", "<track>/<entry>". */
  path: string;
  title: string;
  kicker: string;
  summary: string;
}

/** Every social card the site has: the home page's, one per track, one per entry. */
export function cardTexts(
  site: { name: string; description: string; tagline?: string },
  tracks: readonly { id: string; title: string; label: string; intro: string }[],
  entries: readonly { track: string; id: string; title: string; summary: string }[],
): CardText[] {
  const label = new Map(tracks.map((t) => [t.id, t.label]));
  return [
    { path: 'index', title: site.name, kicker: site.tagline ?? site.name, summary: site.description },
    ...tracks.map((t) => ({ path: t.id, title: t.title, kicker: t.label, summary: t.intro })),
    ...entries.map((e) => ({ path: `${e.track}/${e.id}`, title: e.title, kicker: label.get(e.track) ?? e.track, summary: e.summary })),
  ];
}
