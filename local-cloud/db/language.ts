/**
 * The MongoDB query language as CloudBase answers it: mingo with its stock operators, plus the
 * operators it lacks or gets wrong, registered in one mingo Context (so every Query, Aggregator and
 * update in the database uses them; nothing is patched per call site).
 *
 * - `$elemMatch` with field conditions (`{ a: 1 }`) matches only array elements that are documents;
 *   with operator conditions only (`{ $gt: 1 }`) it matches plain values (MongoDB's rule).
 * - `$substr` / `$substrBytes` accept a negative length ("the rest of the string") and clip at the end.
 * - `$week`: weeks start on Sunday; days before the year's first Sunday are week 0.
 * - `$indexOfCP` (missing in mingo): index in code points; `$indexOfBytes`: in UTF-8 bytes.
 * - `$jsonSchema`: validated with Ajv plus MongoDB's `bsonType` keyword.
 * - Geo, over GeoJSON as `db.Geo` encodes it (Point, LineString, Polygon, Multi*): `$geoWithin`
 *   (`$geometry` polygon or `$centerSphere`), `$near` / `$nearSphere` (`$geometry` point,
 *   `$minDistance` / `$maxDistance` in metres) and the `$geoNear` stage. Distances are on a sphere of
 *   MongoDB's radius 6 378 100 m; for a non-point geometry, to its nearest vertex.
 */
import turfBooleanWithin from '@turf/boolean-within';
import turfDistance from '@turf/distance';
import Ajv, { type AnySchema } from 'ajv';
import { ObjectId } from 'bson';
import { Context, evalExpr } from 'mingo/core';
import { Lazy, type Iterator } from 'mingo/lazy';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';
import { Query } from 'mingo/query';
import type { AnyObject, Options } from 'mingo/types';
import { MingoError, resolve } from 'mingo/util';
import { isPlainObject, type Doc } from './codec';

// ---- $elemMatch ------------------------------------------------------------------------------------

const QUERY_LEVEL_OPERATORS = new Set(['$and', '$or', '$nor', '$expr', '$jsonSchema', '$text', '$where']);

/** `{ a: 1 }` or `{ $and: [...] }`: conditions on an element's fields, so only documents can match. */
function hasFieldConditions(criteria: unknown): boolean {
  if (!isPlainObject(criteria)) return false;
  const keys = Object.keys(criteria);
  return keys.length === 0 || keys.some((key) => !key.startsWith('$') || QUERY_LEVEL_OPERATORS.has(key));
}

const $elemMatch = (selector: string, criteria: AnyObject, options: Options) => {
  if (!hasFieldConditions(criteria)) return queryOperators.$elemMatch(selector, criteria, options);
  const query = new Query(criteria, options);
  return (doc: AnyObject) => {
    const value = resolve(doc, selector, { unwrapArray: true }) as unknown;
    return Array.isArray(value) && value.some((element) => isPlainObject(element) && query.test(element));
  };
};

// ---- string and date expressions -----------------------------------------------------------------

const utf8Length = (text: string) => Buffer.byteLength(text, 'utf8');

/** MongoDB: a negative length means "to the end"; a negative start gives "". */
const substrRest =
  (operator: 'substr' | 'substrBytes') =>
  (obj: AnyObject, expr: unknown, options: Options): unknown => {
    if (!Array.isArray(expr) || expr.length !== 3) throw new MingoError(`$${operator} expects array(3)`);
    const [text, start, length] = evalExpr(obj, expr, options) as [unknown, unknown, unknown];
    if (typeof start === 'number' && start < 0) return '';
    let count = length;
    if (typeof text === 'string' && typeof start === 'number' && typeof length === 'number') {
      // Past the end: "" (MongoDB); a length past the end or negative: the rest of the string.
      const rest = utf8Length(text) - start;
      if (rest <= 0) return '';
      count = length < 0 ? rest : Math.min(length, rest);
    }
    return expressionOperators.$substrBytes(obj, [{ $literal: text }, start, count], options);
  };

const $week = (obj: AnyObject, expr: unknown, options: Options): number | null => {
  const dayOfYear = expressionOperators.$dayOfYear(obj, expr, options) as number | null;
  const dayOfWeek = expressionOperators.$dayOfWeek(obj, expr, options) as number | null;
  if (dayOfYear === null || dayOfWeek === null || dayOfYear === undefined) return null;
  const day = dayOfYear - 1;
  const weekdayOfJan1 = (((dayOfWeek - 1 - day) % 7) + 7) % 7; // 0 = Sunday
  const firstSunday = (7 - weekdayOfJan1) % 7;
  return Math.floor((day + 7 - firstSunday) / 7);
};

const $indexOfCP = (obj: AnyObject, expr: unknown, options: Options): number | null => {
  if (!Array.isArray(expr) || expr.length < 2 || expr.length > 4)
    throw new MingoError('$indexOfCP expects array(2..4)');
  const [text, search, start, end] = evalExpr(obj, expr, options) as unknown[];
  if (text === null || text === undefined) return null;
  if (typeof text !== 'string' || typeof search !== 'string')
    throw new MingoError('$indexOfCP needs a string and a substring');
  const points = Array.from(text);
  const from = start === undefined ? 0 : Number(start);
  const to = end === undefined ? points.length : Number(end);
  if (!Number.isInteger(from) || from < 0 || !Number.isInteger(to) || to < 0)
    throw new MingoError('$indexOfCP start and end must be non-negative integers');
  const needle = Array.from(search);
  for (let i = from; i + needle.length <= Math.min(to, points.length); i += 1) {
    if (needle.every((point, j) => points[i + j] === point)) return i;
  }
  return -1;
};

/** MongoDB counts UTF-8 bytes (mingo counts UTF-16 units). */
const $indexOfBytes = (obj: AnyObject, expr: unknown, options: Options): number | null => {
  if (!Array.isArray(expr) || expr.length < 2 || expr.length > 4)
    throw new MingoError('$indexOfBytes expects array(2..4)');
  const [text, search, start, end] = evalExpr(obj, expr, options) as unknown[];
  if (text === null || text === undefined) return null;
  if (typeof text !== 'string' || typeof search !== 'string')
    throw new MingoError('$indexOfBytes needs a string and a substring');
  const bytes = Buffer.from(text, 'utf8');
  const from = start === undefined ? 0 : Number(start);
  const to = end === undefined ? bytes.length : Number(end);
  if (!Number.isInteger(from) || from < 0 || !Number.isInteger(to) || to < 0)
    throw new MingoError('$indexOfBytes start and end must be non-negative integers');
  if (from > to) return -1;
  const found = bytes.subarray(0, to).indexOf(Buffer.from(search, 'utf8'), from);
  return found;
};

/** `$toObjectId` (missing in mingo): a 24-hex string to an ObjectId. */
const $toObjectId = (obj: AnyObject, expr: unknown, options: Options): ObjectId | null => {
  const value = evalExpr(obj, expr, options) as unknown;
  if (value === null || value === undefined) return null;
  if (value instanceof ObjectId) return value;
  if (typeof value !== 'string' || !/^[0-9a-fA-F]{24}$/.test(value))
    throw new MingoError(`Failed to parse objectId '${String(value)}' in $convert with no onError value`);
  return new ObjectId(value);
};

// ---- $jsonSchema -----------------------------------------------------------------------------------

function bsonTypeOf(value: unknown): string[] {
  if (value === null || value === undefined) return ['null'];
  if (typeof value === 'string') return ['string'];
  if (typeof value === 'boolean') return ['bool'];
  if (typeof value === 'number') return Number.isInteger(value) ? ['int', 'long', 'number'] : ['double', 'number'];
  if (value instanceof Date) return ['date'];
  if (value instanceof RegExp) return ['regex'];
  if (Array.isArray(value)) return ['array'];
  const bsonType = (value as { _bsontype?: string })._bsontype;
  if (bsonType === 'ObjectId') return ['objectId'];
  if (bsonType === 'Decimal128') return ['decimal', 'number'];
  if (bsonType === 'Long') return ['long', 'number'];
  if (bsonType === 'Binary') return ['binData'];
  if (bsonType === 'Timestamp') return ['timestamp'];
  return ['object'];
}

const ajv = new Ajv({ strict: false, allErrors: false });
ajv.addKeyword({
  keyword: 'bsonType',
  schemaType: ['string', 'array'],
  validate: (wanted: string | string[], data: unknown) => {
    const types = bsonTypeOf(data);
    return (Array.isArray(wanted) ? wanted : [wanted]).some((type) => types.includes(type));
  },
});
const compiledSchemas = new WeakMap<object, (doc: unknown) => boolean>();

const jsonSchemaValidator = (schema: AnyObject) => {
  let validate = compiledSchemas.get(schema);
  if (!validate) {
    const compiled = ajv.compile(schema as AnySchema);
    validate = (doc: unknown) => compiled(doc) === true;
    compiledSchemas.set(schema, validate);
  }
  return validate;
};

// ---- geo -------------------------------------------------------------------------------------------

/** MongoDB's earth radius for spherical distances in metres. */
export const EARTH_RADIUS_M = 6_378_100;

type Position = [number, number];
interface Geometry {
  type: string;
  coordinates: unknown;
}

const GEOMETRY_DEPTH: Record<string, number> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};

function isPosition(value: unknown): value is Position {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    typeof value[0] === 'number' &&
    typeof value[1] === 'number' &&
    Math.abs(value[0]) <= 180 &&
    Math.abs(value[1]) <= 90
  );
}

function positionsOf(coordinates: unknown, depth: number): Position[] | null {
  if (depth === 0) return isPosition(coordinates) ? [[coordinates[0], coordinates[1]]] : null;
  if (!Array.isArray(coordinates)) return null;
  const out: Position[] = [];
  for (const item of coordinates) {
    const inner = positionsOf(item, depth - 1);
    if (!inner) return null;
    out.push(...inner);
  }
  return out;
}

/** A GeoJSON geometry as db.Geo stores it, or null. */
export function asGeometry(value: unknown): Geometry | null {
  if (!isPlainObject(value) || typeof value.type !== 'string') return null;
  const depth = GEOMETRY_DEPTH[value.type];
  if (depth === undefined || !positionsOf(value.coordinates, depth)) return null;
  return { type: value.type, coordinates: value.coordinates };
}

function verticesOf(geometry: Geometry): Position[] {
  return positionsOf(geometry.coordinates, GEOMETRY_DEPTH[geometry.type] ?? 0) ?? [];
}

/** Metres from a point to a geometry (its nearest vertex). */
export function distanceMetres(from: Position, geometry: Geometry): number {
  let best = Infinity;
  for (const vertex of verticesOf(geometry)) {
    best = Math.min(best, turfDistance(from, vertex, { units: 'radians' }) * EARTH_RADIUS_M);
  }
  return best;
}

function pointOf(value: unknown, operator: string): Position {
  const geometry = asGeometry(value);
  if (!geometry || geometry.type !== 'Point') throw new MingoError(`${operator} needs a GeoJSON Point`);
  return verticesOf(geometry)[0]!;
}

function isWithin(geometry: Geometry, container: Geometry): boolean {
  const polygons =
    container.type === 'MultiPolygon'
      ? (container.coordinates as unknown[]).map((coordinates) => ({ type: 'Polygon', coordinates }))
      : [container];
  // A multi-part geometry is within when each part is within some polygon.
  const parts =
    geometry.type === 'MultiPoint'
      ? (geometry.coordinates as unknown[]).map((coordinates) => ({ type: 'Point', coordinates }))
      : geometry.type === 'MultiLineString'
        ? (geometry.coordinates as unknown[]).map((coordinates) => ({ type: 'LineString', coordinates }))
        : geometry.type === 'MultiPolygon'
          ? (geometry.coordinates as unknown[]).map((coordinates) => ({ type: 'Polygon', coordinates }))
          : [geometry];
  return parts.every((part) => polygons.some((polygon) => turfBooleanWithin(part as never, polygon as never)));
}

const $geoWithin = (selector: string, spec: AnyObject) => {
  let test: (geometry: Geometry) => boolean;
  if (isPlainObject(spec.$geometry)) {
    const container = asGeometry(spec.$geometry);
    if (!container || (container.type !== 'Polygon' && container.type !== 'MultiPolygon'))
      throw new MingoError('$geoWithin $geometry must be a GeoJSON Polygon or MultiPolygon');
    test = (geometry) => isWithin(geometry, container);
  } else if (Array.isArray(spec.$centerSphere)) {
    const [center, radius] = spec.$centerSphere as [unknown, unknown];
    if (!isPosition(center) || typeof radius !== 'number' || radius < 0)
      throw new MingoError('$centerSphere must be [[longitude, latitude], radius in radians]');
    test = (geometry) =>
      verticesOf(geometry).every((vertex) => turfDistance(center, vertex, { units: 'radians' }) <= radius);
  } else {
    throw new MingoError('$geoWithin needs $geometry or $centerSphere');
  }
  return (doc: AnyObject) => {
    const geometry = asGeometry(resolve(doc, selector));
    return geometry !== null && test(geometry);
  };
};

export interface NearSpec {
  point: Position;
  minDistance: number;
  maxDistance: number;
}

/** `{ $geometry: Point, $minDistance?, $maxDistance? }` (metres), as the SDK's geoNear sends it. */
export function nearSpec(value: unknown, operator: string): NearSpec {
  if (!isPlainObject(value) || !isPlainObject(value.$geometry))
    throw new MingoError(`${operator} needs { $geometry: <GeoJSON Point> }`);
  const distance = (raw: unknown, fallback: number) => {
    if (raw === undefined || raw === null) return fallback;
    if (typeof raw !== 'number' || raw < 0) throw new MingoError(`${operator} distances must be non-negative numbers`);
    return raw;
  };
  return {
    point: pointOf(value.$geometry, operator),
    minDistance: distance(value.$minDistance, 0),
    maxDistance: distance(value.$maxDistance, Infinity),
  };
}

const nearOperator = (operator: string) => (selector: string, value: AnyObject) => {
  const spec = nearSpec(value, operator);
  return (doc: AnyObject) => {
    const geometry = asGeometry(resolve(doc, selector));
    if (!geometry) return false;
    const distance = distanceMetres(spec.point, geometry);
    return distance >= spec.minDistance && distance <= spec.maxDistance;
  };
};

/** The `$near` / `$nearSphere` condition of a filter (top level or in `$and`): results sort by its distance. */
export function findNear(filter: Doc): { path: string; spec: NearSpec } | undefined {
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const part of value) {
        const found = isPlainObject(part) ? findNear(part) : undefined;
        if (found) return found;
      }
    } else if (!key.startsWith('$') && isPlainObject(value)) {
      for (const operator of ['$near', '$nearSphere']) {
        if (operator in value) return { path: key, spec: nearSpec(value[operator], operator) };
      }
    }
  }
  return undefined;
}

/**
 * `$geoNear` stage. `key` (the 2dsphere field) is filled in by the database from the collection's
 * index when the stage does not name it.
 */
function $geoNear(collection: Iterator, expr: AnyObject, options: Options): Iterator {
  if (!isPlainObject(expr)) throw new MingoError('$geoNear needs an object');
  const { near, distanceField, key, query, distanceMultiplier, includeLocs } = expr;
  if (typeof distanceField !== 'string' || distanceField === '')
    throw new MingoError('$geoNear requires a distanceField');
  if (typeof key !== 'string') throw new MingoError('$geoNear requires a 2dsphere index (or key)');
  const spec = nearSpec(
    { $geometry: near, $minDistance: expr.minDistance, $maxDistance: expr.maxDistance },
    '$geoNear',
  );
  const filter = isPlainObject(query) ? new Query(query, options) : undefined;
  const multiplier = typeof distanceMultiplier === 'number' ? distanceMultiplier : 1;
  const found: { doc: AnyObject; distance: number }[] = [];
  for (const doc of collection.collect<AnyObject>()) {
    const geometry = asGeometry(resolve(doc, key));
    if (!geometry || (filter && !filter.test(doc))) continue;
    const distance = distanceMetres(spec.point, geometry);
    if (distance < spec.minDistance || distance > spec.maxDistance) continue;
    found.push({ doc, distance });
  }
  found.sort((a, b) => a.distance - b.distance);
  return Lazy(
    found.map(({ doc, distance }) => {
      const out: AnyObject = { ...doc, [distanceField]: distance * multiplier };
      if (typeof includeLocs === 'string') out[includeLocs] = resolve(doc, key);
      return out;
    }),
  );
}

// ---- the context -----------------------------------------------------------------------------------

const CLOUD_CONTEXT = Context.init({
  accumulator: accumulatorOperators,
  expression: {
    ...expressionOperators,
    $substr: substrRest('substr'),
    $substrBytes: substrRest('substrBytes'),
    $week,
    $indexOfCP,
    $indexOfBytes,
    $toObjectId,
  },
  pipeline: { ...pipelineOperators, $geoNear },
  projection: projectionOperators,
  query: {
    ...queryOperators,
    $elemMatch,
    $geoWithin,
    $near: nearOperator('$near'),
    $nearSphere: nearOperator('$nearSphere'),
  },
  window: windowOperators,
} as unknown as Parameters<typeof Context.init>[0]);

/** Options for every mingo Query / Aggregator / update: CloudBase's operators, no server-side JavaScript. */
export const MINGO_OPTIONS = {
  scriptEnabled: false,
  context: CLOUD_CONTEXT,
  jsonSchemaValidator,
} as const;
