/** An expected database failure, answered to the SDK as the `{ code, message }` envelope. */
export class DbError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const TRANSACTION_CONFLICT_MESSAGE = 'Transaction is conflict, maybe resource operated by others.';

export const invalidParam = (message: string) => new DbError('INVALID_PARAM', message);
export const requestFailed = (message: string) => new DbError('DATABASE_REQUEST_FAILED', message);
export const transactionConflict = () => new DbError('DATABASE_TRANSACTION_CONFLICT', TRANSACTION_CONFLICT_MESSAGE);
export const collectionNotExist = (collection: string) =>
  new DbError('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${collection}`);
