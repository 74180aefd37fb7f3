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

export function functionNotFound(name: string): FunctionInvocationError {
  return new FunctionInvocationError(
    'FUNCTION_NOT_FOUND',
    `FunctionName parameter could not be found: function "${name}" is not built in the functions directory`,
  );
}
