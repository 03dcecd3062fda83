/**
 * Which Vitest projects `npm test -- <arguments>` selects (scripts/test.mjs), so it builds the site and looks for
 * Chromium only when the selected tests need them.
 */
export const PROJECTS = ['unit', 'content', 'examples', 'site', 'browser'] as const;

/** Options of `vitest run` that take a value (the value is not a file filter). */
const TAKES_VALUE = new Set(['-t', '--testNamePattern', '--reporter', '-c', '--config', '-r', '--root', '--dir', '--shard', '--outputFile', '--maxWorkers', '--pool', '--environment']);

/**
 * Every project by default; those named with --project; or, for file filters, the projects whose folders they
 * name (tests/<project>/…). Any other filter may match any project's files, so it selects them all.
 */
export function selectedProjects(args: readonly string[]): Set<string> {
  const projects = args.flatMap((a, i) => (a.startsWith('--project=') ? [a.slice(10)] : args[i - 1] === '--project' ? [a] : []));
  if (projects.length) return new Set(projects);
  const filters = args.filter((a, i) => !a.startsWith('-') && !TAKES_VALUE.has(args[i - 1] ?? ''));
  const named = filters.map((f) => /^(?:\.\/)?tests\/(unit|content|examples|site|browser)(?:\/|$)/.exec(f)?.[1]);
  if (!filters.length || named.includes(undefined)) return new Set(PROJECTS);
  return new Set(named as string[]);
}
