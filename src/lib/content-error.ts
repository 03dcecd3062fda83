/** A problem in one content file, reported as `file: field: message` so the author knows where to look. */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${file}: ${field}: ${problem}`);
    this.name = 'ContentError';
  }
}

/** Throws one error listing every problem found, so a build reports them all at once. */
export function throwIfAny(errors: ContentError[]): void {
  if (errors.length === 0) return;
  const list = errors.map((e) => `  - ${e.message}`).join('\n');
  const err = new Error(`Content check failed (${errors.length} problem${errors.length > 1 ? 's' : ''}):\n${list}`);
  err.name = 'ContentCheckError';
  throw err;
}
