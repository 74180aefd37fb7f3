/** Every cloud function answers one of these. Expected failures are values with stable codes. */
export type Ok<T> = { ok: true; data: T };
export type Fail = { ok: false; code: string; message: string };
export type Result<T> = Ok<T> | Fail;

export const ok = <T>(data: T): Ok<T> => ({ ok: true, data });
export const fail = (code: string, message: string): Fail => ({ ok: false, code, message });
