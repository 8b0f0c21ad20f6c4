import type { Problem } from './model.ts';

/** One line per problem: `file:line: error: message`, errors first. */
export function formatProblems(problems: readonly Problem[]): string {
  const rank = (p: Problem): number => (p.severity === 'error' ? 0 : 1);
  return [...problems]
    .sort((a, b) => rank(a) - rank(b) || (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)))
    .map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.severity}: ${p.message}`)
    .join('\n');
}

/** `2 errors, 3 warnings`. */
export function summarize(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}
