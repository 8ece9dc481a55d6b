// Errors that end a command with exit code 2: the tool could not give a trustworthy answer.
// Each renders as one line naming the file (when there is one) and the problem; the CLI prints
// stack traces only with --debug.

export class TokenscopeError extends Error {
  readonly exitCode = 2;
  constructor(
    readonly code: 'E_USAGE' | 'E_CONFIG' | 'E_DETECTOR' | 'E_GIT' | 'E_BASELINE' | 'E_IO',
    message: string,
    /** Further lines (every schema error at once). */
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'TokenscopeError';
  }
}

export function usageError(message: string): TokenscopeError {
  return new TokenscopeError('E_USAGE', message);
}

export function configError(message: string, details: string[] = []): TokenscopeError {
  return new TokenscopeError('E_CONFIG', message, details);
}
