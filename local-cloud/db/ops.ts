/**
 * MongoDB write semantics (insert, update/replace/upsert, remove) written once against a
 * `DocSource`: either the SQLite store directly or a transaction's buffered view of it.
 */
import { randomBytes } from 'node:crypto';
import { cloneDoc, encodeStored, isPlainObject, type Doc } from './codec';
import { invalidParam, requestFailed } from './errors';
import { updateDocument } from './compiled';
import type { ScanOptions } from './storage';

export interface DocSource {
  /** Matching documents in MongoDB order after skip/limit; callers may mutate them. */
  find(collection: string, filter: Doc, options: ScanOptions): Doc[];
  /** Throws E11000 on a duplicate `_id`. */
  insert(collection: string, doc: Doc): void;
  /** Replaces the document with the same `_id` (which the source returned from find). */
  replace(collection: string, doc: Doc): void;
  remove(collection: string, doc: Doc): void;
}

export interface ModifySpec {
  data: Doc;
  multi: boolean;
  /** false: `data` replaces the document (doc.set); true: `data` is an update document. */
  merge: boolean;
  upsert: boolean;
}

export interface ModifyResult {
  updated: number;
  upsertId?: unknown;
}

/** 32 hex characters, the shape of ids the cloud generates. */
export function newId(): string {
  return randomBytes(16).toString('hex');
}

function isOperatorDoc(data: Doc): boolean {
  const keys = Object.keys(data);
  const operators = keys.filter((key) => key.startsWith('$'));
  if (operators.length > 0 && operators.length !== keys.length) {
    throw invalidParam('update document mixes operators and fields');
  }
  return operators.length > 0;
}

function validId(id: unknown): void {
  if (Array.isArray(id) || id instanceof RegExp || id === null) throw invalidParam(`invalid _id ${JSON.stringify(id)}`);
}

/** Field names starting with `$` cannot be stored (MongoDB and CloudBase refuse them). */
export function assertStorable(value: unknown, path = ''): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => assertStorable(item, `${path}.${index}`));
    return;
  }
  if (!isPlainObject(value)) return;
  for (const [key, item] of Object.entries(value)) {
    const at = path === '' ? key : `${path}.${key}`;
    if (key.startsWith('$')) {
      throw requestFailed(`The dollar ($) prefixed field '${key}' in '${at}' is not valid for storage.`);
    }
    assertStorable(item, at);
  }
}

/** Prepares documents for insertion: copies, `_id` first, generated when absent. */
export function withIds(docs: unknown[]): Doc[] {
  return docs.map((input) => {
    if (!isPlainObject(input)) throw invalidParam('each document must be an object');
    const doc = cloneDoc(input);
    const id = doc._id === undefined ? newId() : doc._id;
    validId(id);
    assertStorable(doc);
    const { _id: _ignored, ...rest } = doc;
    return { _id: id, ...rest };
  });
}

export function insertDocs(source: DocSource, collection: string, docs: unknown[]): unknown[] {
  const prepared = withIds(docs);
  for (const doc of prepared) source.insert(collection, doc);
  return prepared.map((doc) => doc._id);
}

function valueAt(doc: Doc, path: string): { found: boolean; value: unknown } {
  let current: unknown = doc;
  for (const segment of path.split('.')) {
    if (!isPlainObject(current) || !(segment in current)) return { found: false, value: undefined };
    current = current[segment];
  }
  return { found: true, value: current };
}

const NUMERIC_OPS = ['$inc', '$mul'];
const ARRAY_OPS = ['$push', '$addToSet', '$pop', '$pull', '$pullAll'];

/** Errors MongoDB raises and mingo silently skips (e.g. $inc on a string). */
function checkOperandTypes(doc: Doc, update: Doc): void {
  for (const [op, fields] of Object.entries(update)) {
    if (!isPlainObject(fields)) throw invalidParam(`${op} needs an object of fields`);
    for (const [path, operand] of Object.entries(fields)) {
      const current = valueAt(doc, path);
      if (NUMERIC_OPS.includes(op)) {
        if (typeof operand !== 'number')
          throw requestFailed(`Cannot ${op} with non-numeric argument: {${path}: ${JSON.stringify(operand)}}`);
        if (current.found && typeof current.value !== 'number') {
          throw requestFailed(
            `Cannot apply ${op} to a value of non-numeric type. {_id: ${JSON.stringify(doc._id)}} has the field '${path}' of non-numeric type`,
          );
        }
      }
      if (ARRAY_OPS.includes(op) && current.found && !Array.isArray(current.value)) {
        throw requestFailed(`Cannot apply ${op} to a non-array field. Field named '${path}' has a non-array type`);
      }
    }
  }
}

/** Applies an update document; returns whether the document changed. */
export function applyUpdate(doc: Doc, update: Doc): boolean {
  checkOperandTypes(doc, update);
  return updateDocument(doc, update);
}

/** The equality part of a filter, as MongoDB seeds an upserted document with it. */
function upsertSeed(filter: Doc): Doc {
  const seed: Doc = {};
  const visit = (part: Doc) => {
    for (const [key, value] of Object.entries(part)) {
      if (key === '$and' && Array.isArray(value)) {
        for (const item of value) if (isPlainObject(item)) visit(item);
      } else if (!key.startsWith('$')) {
        if (isPlainObject(value) && Object.keys(value).some((k) => k.startsWith('$'))) {
          if ('$eq' in value) seed[key] = value.$eq;
        } else if (!(value instanceof RegExp)) {
          seed[key] = value;
        }
      }
    }
  };
  visit(filter);
  const doc: Doc = {};
  // Dot paths become nested fields, as MongoDB does for {'a.b': 1}.
  for (const [path, value] of Object.entries(seed)) {
    const segments = path.split('.');
    let target = doc;
    for (const segment of segments.slice(0, -1)) {
      const next = target[segment];
      if (!isPlainObject(next)) target[segment] = {};
      target = target[segment] as Doc;
    }
    target[segments[segments.length - 1]!] = cloneDoc({ value }).value;
  }
  return doc;
}

export function modifyDocs(source: DocSource, collection: string, filter: Doc, spec: ModifySpec): ModifyResult {
  const replacing = !spec.merge;
  const operatorUpdate = isOperatorDoc(spec.data);
  if (replacing && operatorUpdate)
    throw invalidParam('update operator complicit: a replacement cannot contain operators');
  const update: Doc = replacing || operatorUpdate ? spec.data : { $set: spec.data };

  const matches = source.find(collection, filter, spec.multi ? {} : { limit: 1 });
  // The cloud answers the matched count: an update to the values already stored counts (nothing is written).
  for (const doc of matches) {
    if (replacing) {
      if (update._id !== undefined && encodeStored(update._id) !== encodeStored(doc._id)) {
        throw requestFailed("Performing an update on the path '_id' would modify the immutable field '_id'");
      }
      const { _id: _ignored, ...fields } = cloneDoc(update);
      const replacement: Doc = { _id: doc._id, ...fields };
      assertStorable(replacement);
      if (encodeStored(replacement) !== encodeStored(doc)) source.replace(collection, replacement);
    } else if (applyUpdate(doc, update)) {
      assertStorable(doc);
      source.replace(collection, doc);
    }
  }
  if (matches.length > 0 || !spec.upsert) return { updated: matches.length };

  const seed = upsertSeed(filter);
  let created: Doc;
  if (replacing) {
    const { _id: _ignored, ...fields } = cloneDoc(update);
    created = { _id: seed._id, ...fields };
  } else {
    created = seed;
    applyUpdate(created, update);
  }
  const [prepared] = withIds([created]);
  source.insert(collection, prepared!);
  return { updated: 0, upsertId: prepared!._id };
}

export function removeDocs(source: DocSource, collection: string, filter: Doc, multi: boolean): number {
  const matches = source.find(collection, filter, multi ? {} : { limit: 1 });
  for (const doc of matches) source.remove(collection, doc);
  return matches.length;
}
