/**
 * The flashcard deck, built at build time from the MDX sources: every <Question> (question, level, answer
 * between the tags) and the `## …?` sections of FAQ pages (the interview questions). Pure: the route hands
 * in the bodies and headings. Kafka first, then the other tracks in registry order; within a track, page
 * order, then source order.
 */
import { faqFromBody } from './structured-data';
import { LEVELS, type QuestionLevel } from './questions';

export type CardLevel = QuestionLevel | 'interview';
export const CARD_LEVELS: readonly CardLevel[] = [...LEVELS, 'interview'];

export interface DeckSource {
  track: string;
  id: string;
  title: string;
  order: number;
  body: string;
  /** True for a page whose `## …?` sections are questions (the interview page). */
  faq?: boolean;
  /** The page's headings as rendered (slug is the anchor). */
  headings?: { depth: number; slug: string; text: string }[];
}

export interface Card {
  /** Storage key: "track/page#anchor". */
  key: string;
  track: string;
  page: string;
  pageTitle: string;
  anchor: string;
  q: string;
  level: CardLevel;
  /**
   * The answer's HTML. For a <Question>, the page's own rendering (answersFromHtml: lists, code, links as on
   * the page); answerHtml's simple rendering only where that is missing. FAQ cards: plain text.
   */
  answer: string;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** MDX answer text to simple HTML: paragraphs, fenced code, inline code, bold and italics; links keep their text. */
export function answerHtml(mdx: string): string {
  const blocks: string[] = [];
  const text = mdx.replace(/^(```|~~~)[^\n]*\n([\s\S]*?)^\1\s*$/gm, (_m, _f, code: string) => {
    blocks.push(`<pre><code>${escapeHtml(code.replace(/\n$/, ''))}</code></pre>`);
    return `\n\n\u0000${blocks.length - 1}\u0000\n\n`;
  });
  const inline = (s: string) => {
    const codes: string[] = [];
    let out = s.replace(/`([^`]+)`/g, (_m, c: string) => `\u0001${codes.push(c) - 1}\u0001`);
    out = escapeHtml(out.replace(/<[^>]+>/g, '').replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1'))
      .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
      .replace(/(^|[\s(])[*_]([^*_\s][^*_]*)[*_](?=[\s.,;:!?)]|$)/g, '$1<em>$2</em>');
    return out.replace(/\u0001(\d+)\u0001/g, (_m, i: string) => `<code>${escapeHtml(codes[Number(i)]!)}</code>`);
  };
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => (/^\u0000\d+\u0000$/.test(p) ? blocks[Number(p.slice(1, -1))]! : `<p>${inline(p.replace(/\s*\n\s*/g, ' '))}</p>`))
    .join('');
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|\\{["'\`]([^"'\`]*)["'\`]\\})`).exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** The <Question>…</Question> blocks of a body, with answers. Questions without an id are skipped (no anchor). */
export function questionCards(src: DeckSource): Card[] {
  const page = `${src.track}/${src.id}`;
  const body = src.body.replace(/^(```|~~~)[\s\S]*?^\1\s*$/gm, (block) => (block.includes('<Question') ? block.replace(/<Question/g, '<Q_') : block));
  const out: Card[] = [];
  for (const m of body.matchAll(/<Question\b([^>]*)>([\s\S]*?)<\/Question>/g)) {
    const q = attr(m[0], 'q');
    const id = attr(m[0], 'id');
    if (!q || !id) continue;
    const level = (attr(m[0], 'level') ?? 'core') as QuestionLevel;
    out.push({
      key: `${page}#${id}`, track: src.track, page, pageTitle: src.title, anchor: id, q,
      level: LEVELS.includes(level) ? level : 'core', answer: answerHtml(m[2]!),
    });
  }
  return out;
}

/** The `## …?` sections of a FAQ page as cards; the answer is plain text, shortened at a word. */
export function faqCards(src: DeckSource, maxAnswer = 600): Card[] {
  if (!src.faq) return [];
  const page = `${src.track}/${src.id}`;
  const slugs = new Map((src.headings ?? []).filter((h) => h.depth === 2).map((h) => [h.text.trim(), h.slug]));
  return faqFromBody(src.body, 5000).flatMap((f) => {
    const anchor = slugs.get(f.question);
    if (!anchor) return [];
    let text = f.answer;
    if (text.length > maxAnswer) text = `${text.slice(0, text.lastIndexOf(' ', maxAnswer))} …`;
    return [{ key: `${page}#${anchor}`, track: src.track, page, pageTitle: src.title, anchor, q: f.question, level: 'interview' as const, answer: `<p>${escapeHtml(text)}</p>` }];
  });
}

/** The whole deck: tracks in `trackOrder` (each track's `flashcards` place, src/lib/guide.ts); pages in order; each key once. */
export function buildDeck(sources: readonly DeckSource[], trackOrder: readonly string[]): Card[] {
  const rank = (t: string) => trackOrder.indexOf(t);
  const sorted = [...sources].sort((a, b) => rank(a.track) - rank(b.track) || a.order - b.order || a.id.localeCompare(b.id));
  const seen = new Set<string>();
  return sorted.flatMap((s) => [...faqCards(s), ...questionCards(s)]).filter((c) => !seen.has(c.key) && !!seen.add(c.key));
}

/**
 * Each <Question>'s answer as its page rendered it, from the HTML of pages rendered one after another, each
 * inside `<div data-deck-src="track/id">` (src/components/library/DeckAnswers.astro). Keys are "track/id#qid".
 * Ids inside an answer are dropped (the flashcards page holds many answers; an id would repeat) and in-page
 * links ("#x") point at the answer's own page under `base`.
 */
export function answersFromHtml(html: string, base: string): Map<string, string> {
  const out = new Map<string, string>();
  const starts = [...html.matchAll(/<div data-deck-src="([^"]+)">/g)];
  starts.forEach((s, i) => {
    const page = s[1]!;
    const chunk = html.slice(s.index, starts[i + 1]?.index ?? html.length);
    for (const m of chunk.matchAll(/<details class="question" id="([^"]+)"[^>]*>/g)) {
      // The matching </details>, counting the <details> opened inside the answer.
      const re = /<(\/?)details\b[^>]*>/g;
      re.lastIndex = m.index + m[0].length;
      let depth = 1;
      let end = -1;
      for (let t = re.exec(chunk); t; t = re.exec(chunk)) {
        depth += t[1] ? -1 : 1;
        if (depth === 0) {
          end = t.index;
          break;
        }
      }
      const inner = chunk.slice(m.index + m[0].length, end);
      const open = inner.indexOf('<div class="question-answer">');
      if (end < 0 || open < 0) continue;
      const body = inner.slice(open + '<div class="question-answer">'.length, inner.lastIndexOf('</div>'));
      out.set(`${page}#${m[1]}`, body.replace(/\sid="[^"]*"/g, '').replace(/href="#/g, `href="${base}${page}/#`));
    }
  });
  return out;
}
