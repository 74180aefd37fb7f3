/** Why an invocation failed, as the caller sees it. `code` is what the gateway answers. */
export class FunctionInvocationError extends Error {
  constructor(
    readonly code: 'FUNCTION_NOT_FOUND' | 'FUNCTION_EXECUTE_FAIL' | 'FUNCTION_TIMEOUT',
    message: string,
    /** the full text (stack) of what the function threw, when it threw */
    readonly detail: string = message,
  ) {
    super(message);
    this.name = 'FunctionInvocationError';
  }
}

/**
 * The cloud's words for an unknown function name (`FunctionName parameter could not be found.`, code
 * FUNCTION_NOT_FOUND), plus which name, since locally it usually means "not built yet".
 */
export function functionNotFound(name: string): FunctionInvocationError {
  const shown = JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name);
  return new FunctionInvocationError(
    'FUNCTION_NOT_FOUND',
    `FunctionName parameter could not be found. (function ${shown} is not built in the functions directory)`,
  );
}
