/**
 * Check-yourself questions, read from MDX source at build time (the <Question> components of a page),
 * so the interview page and flashcards can gather them without copying them by hand.
 */
export type QuestionLevel = 'basic' | 'core' | 'advanced';
export const LEVELS: readonly QuestionLevel[] = ['basic', 'core', 'advanced'];

export interface QuestionRef {
  id?: string;
  q: string;
  level: QuestionLevel;
  /** 1-based line of the opening tag in the source. */
  line: number;
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|\\{["'\`]([^"'\`]*)["'\`]\\})`).exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** Every <Question …> opening tag in an MDX body, in page order. Code fences are skipped. */
export function extractQuestions(body: string): QuestionRef[] {
  const out: QuestionRef[] = [];
  const withoutCode = body.replace(/^(```|~~~)[\s\S]*?^\1\s*$/gm, (block) => block.replace(/[^\n]/g, ' '));
  for (const m of withoutCode.matchAll(/<Question\b[^>]*>/g)) {
    const tag = m[0];
    const q = attr(tag, 'q');
    if (!q) continue;
    const level = (attr(tag, 'level') ?? 'core') as QuestionLevel;
    const line = withoutCode.slice(0, m.index).split('\n').length;
    out.push({ id: attr(tag, 'id'), q, level: LEVELS.includes(level) ? level : 'core', line });
  }
  return out;
}
