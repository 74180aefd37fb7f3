/**
 * mingo without rebuilding its operator table on every call. mingo 7 copies every operator of the
 * options' Context (≈300 of them, several times) into a new Context for each `new Query(filter,
 * plainOptions)` and each `update()`: on the gift sweep that copy was ~15% of the local cloud's main
 * thread (docs/local-cloud.md "Performance"). One ComputeOptions built at load is shared instead:
 * Query takes it as is, and updates run mingo's own update operators with it, exactly as
 * mingo/updater does for an update document.
 *
 * ComputeOptions and buildParams are not in mingo's export map, so they are loaded from the files
 * next to mingo/query (the same module instances mingo uses, so `instanceof ComputeOptions` holds).
 * operators.test.ts and sdk.test.ts pin the behaviour this must keep.
 */
import { createRequire } from 'node:module';
import * as updateOperators from 'mingo/operators/update';
import { Query } from 'mingo/query';
import type { AnyObject, Options } from 'mingo/types';
import { MingoError } from 'mingo/util';
import { MINGO_OPTIONS } from './language';

interface ComputeOptionsInstance extends Options {
  update(locals: Record<string, unknown>): ComputeOptionsInstance;
}
interface ComputeOptionsClass {
  init(options: Options): ComputeOptionsInstance;
}
type UpdateOperator = (
  expr: AnyObject,
  arrayFilters: AnyObject[],
  options: ComputeOptionsInstance,
) => (doc: AnyObject) => string[];

const fromMingo = createRequire(createRequire(__filename).resolve('mingo/query'));
const { ComputeOptions } = fromMingo('./core/_internal') as { ComputeOptions: ComputeOptionsClass };
const { buildParams } = fromMingo('./operators/update/_internal') as {
  buildParams: (exprList: AnyObject[], arrayFilters: AnyObject[], options: ComputeOptionsInstance) => unknown;
};
if (typeof ComputeOptions?.init !== 'function' || typeof buildParams !== 'function') {
  throw new Error('mingo internals moved: local-cloud/db/compiled.ts must follow mingo');
}

/** The cloud's operators and options, built once. */
const SHARED = ComputeOptions.init(MINGO_OPTIONS as unknown as Options);
const UPDATE_OPERATORS = updateOperators as unknown as Record<string, UpdateOperator>;

/** `new Query(filter, MINGO_OPTIONS)` without copying the operator table. */
export function cloudQuery(filter: AnyObject): Query {
  return new Query(filter, SHARED as unknown as Options);
}

/**
 * mingo/updater's `update(doc, modifier, undefined, undefined, { cloneMode: 'deep', queryOptions:
 * MINGO_OPTIONS })` for an update document: mutates `doc`, true when something changed.
 */
export function updateDocument(doc: AnyObject, modifier: AnyObject): boolean {
  const unknown = Object.keys(modifier).find((op) => !UPDATE_OPERATORS[op]);
  if (unknown !== undefined) throw new MingoError(`Unknown update operator: '${unknown}'.`);
  const options = ComputeOptions.init(SHARED).update({
    condition: {},
    updateConfig: { cloneMode: 'deep' },
    updateParams: {},
  });
  const renameTargets = Object.values((modifier.$rename ?? {}) as AnyObject).map((target) => ({
    [String(target)]: true,
  }));
  // Paths of all operators together: conflicting paths ($set a, $inc a) are refused before any change.
  options.update({
    updateParams: buildParams([...(Object.values(modifier) as AnyObject[]), ...renameTargets], [], options),
  });
  const mutations = Object.keys(modifier).map((op) => UPDATE_OPERATORS[op]!(modifier[op] as AnyObject, [], options));
  let changed = false;
  for (const mutate of mutations) if (mutate(doc).length > 0) changed = true;
  return changed;
}
