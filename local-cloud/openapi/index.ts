/**
 * The open APIs (`wx.openApi`, `cloud.openapi.*`) the local cloud answers: subscribe messages
 * (validated like WeChat, then recorded instead of sent), delayed function tasks (run on the local
 * cloud clock), updatable-message activity ids, and parcel traces (logistics.getPath, ./logistics.ts).
 * Anything else answers -604101, the error a
 * function gets for an API missing from its config.json `permissions.openapi`.
 */
import crypto from 'node:crypto';
import type { CloudServices, InvocationContext } from '@local-cloud/services';
import { SystemCollection, type StoredDocument } from '@local-cloud/pay/store';
import { decodeOpenApiRequest, encodeOpenApiResponse } from '@local-cloud/wire/openapi-protobuf';
import { tcbErrorReply, type WireReply } from '@local-cloud/wire/reply';
import { describe } from '@local-cloud/describe';
import { pathAt, SIMULATED_CARRIERS, UNKNOWN_DELIVERY_ERROR } from './logistics';

export const SUBSCRIBE_MESSAGES_COLLECTION = '_local_subscribe_messages';
export const DELAYED_TASKS_COLLECTION = '_local_delayed_tasks';
export const ACTIVITY_IDS_COLLECTION = '_local_activity_ids';
export const WAYBILLS_COLLECTION = '_local_waybills';

/**
 * SOURCE of a function run by a delayed task. WeChat does not document it; the task is fired by
 * WeChat's backend with no user, like a timer trigger, so it gets the trigger's source and no OPENID.
 */
export const DELAYED_TASK_SOURCE = 'wx_trigger';
export const DELAY_SECONDS_MIN = 6;
export const DELAY_SECONDS_MAX = 30 * 24 * 3600;
/** updatableMessage.createActivityId: "默认24小时后过期" */
export const ACTIVITY_ID_TTL_SECONDS = 24 * 3600;

/** Raised for an API the local cloud does not offer; answered as CommOpenApiResp.errorCode. */
export class OpenApiSystemError extends Error {
  constructor(
    readonly errorCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'OpenApiSystemError';
  }
}
export const NO_PERMISSION_ERROR_CODE = -604101;

export interface SentMessage extends StoredDocument {
  msgid: number;
  touser: string;
  templateId: string;
  page: string | null;
  data: Record<string, { value: string }>;
  miniprogramState: string;
  lang: string;
  sentAt: number;
  /** who called subscribeMessage.send */
  sentBy: { openid: string; source: string };
}

export type DelayedTaskState = 'PENDING' | 'RUNNING' | 'DONE' | 'FAILED';

export interface DelayedTask extends StoredDocument {
  functionName: string;
  /** the `data` string as given (a JSON string) */
  data: string;
  delaySeconds: number;
  createdAt: number;
  dueAt: number;
  state: DelayedTaskState;
  firedAt: number | null;
  /** JSON of the function's return value, or the error it threw */
  outcome: string | null;
}

export interface ActivityIdRecord extends StoredDocument {
  activityId: string;
  openid: string | null;
  unionid: string | null;
  createdAt: number;
  /** unix seconds */
  expirationTime: number;
}

/** A waybill some function asked about: its trace starts from the first time (see ./logistics.ts). */
export interface WaybillRecord extends StoredDocument {
  deliveryId: string;
  waybillId: string;
  firstQueriedAt: number;
}

type Params = Record<string, unknown>;
type RespData = Record<string, unknown>;

const ok = (extra: RespData = {}): RespData => ({ errcode: 0, errmsg: 'ok', ...extra });
const rid = () => crypto.randomBytes(6).toString('hex');
const error = (errcode: number, errmsg: string): RespData => ({ errcode, errmsg: `${errmsg} rid: ${rid()}` });

// ---------------------------------------------------------------------------------------------------
// subscribe message data rules (WeChat's 订阅消息参数值内容限制)

const CHINESE = /\p{Script=Han}/u;
const charCount = (text: string) => [...text].length;
const TIME_PATTERNS = [
  /^\d{1,2}:\d{2}(:\d{2})?$/,
  /^\d{4}年\d{1,2}月\d{1,2}日( \d{1,2}:\d{2}(:\d{2})?)?$/,
  /^\d{4}-\d{1,2}-\d{1,2}( \d{1,2}:\d{2}(:\d{2})?)?$/,
  /^\d{4}\/\d{1,2}\/\d{1,2}( \d{1,2}:\d{2}(:\d{2})?)?$/,
  /^\d{4}年\d{1,2}月\d{1,2}日 ?~ ?\d{4}年\d{1,2}月\d{1,2}日$/,
  /^\d{1,2}:\d{2} ?~ ?\d{1,2}:\d{2}$/,
];

/** Why a value breaks the rules of its keyword type, or null when it is fine. */
function dataValueProblem(type: string, value: string): string | null {
  const length = charCount(value);
  switch (type) {
    case 'thing':
      return length <= 20 ? null : 'exceeds the limit of 20 characters';
    case 'name':
      // 10 characters, or 20 if it is letters only
      return (/^[A-Za-z ]+$/.test(value) ? length <= 20 : length <= 10) ? null : 'exceeds the limit of 10 characters';
    case 'character_string':
      return length <= 32 && !CHINESE.test(value) ? null : 'must be at most 32 letters, digits or symbols';
    case 'number':
      return length <= 32 && /^[\d.]+$/.test(value) ? null : 'must be at most 32 digits';
    case 'letter':
      return length <= 32 && /^[A-Za-z]+$/.test(value) ? null : 'must be at most 32 letters';
    case 'symbol':
      return length <= 5 && !/[\p{L}\p{N}]/u.test(value) ? null : 'must be at most 5 symbols';
    case 'phrase':
      return length <= 5 && /^\p{Script=Han}+$/u.test(value) ? null : 'must be at most 5 Chinese characters';
    case 'amount':
      return /^[¥￥]?\d{1,10}(\.\d{1,2})?元?$/.test(value) ? null : 'must be an amount such as 1.50元';
    case 'time':
    case 'date':
      return TIME_PATTERNS.some((pattern) => pattern.test(value)) ? null : 'must be a time such as 2025年10月1日 15:01';
    case 'phone_number':
      return length <= 17 && /^[\d+\- ]+$/.test(value) ? null : 'must be at most 17 digits of a phone number';
    case 'car_number':
      return length <= 8 ? null : 'exceeds the limit of 8 characters';
    default:
      return null;
  }
}

const MINIPROGRAM_STATES = new Set(['developer', 'trial', 'formal']);
const LANGS = new Set(['zh_CN', 'en_US', 'zh_HK', 'zh_TW']);

export class OpenApi {
  private readonly messages: SystemCollection<SentMessage>;
  private readonly tasks: SystemCollection<DelayedTask>;
  private readonly activityIds: SystemCollection<ActivityIdRecord>;
  private readonly waybills: SystemCollection<WaybillRecord>;
  private messageSequence = 0;

  constructor(private readonly services: CloudServices) {
    this.messages = new SystemCollection(services.db, SUBSCRIBE_MESSAGES_COLLECTION);
    this.tasks = new SystemCollection(services.db, DELAYED_TASKS_COLLECTION);
    this.activityIds = new SystemCollection(services.db, ACTIVITY_IDS_COLLECTION);
    this.waybills = new SystemCollection(services.db, WAYBILLS_COLLECTION);
    // start loading now so sentMessages() is filled even before the first call (errors resurface there)
    this.load().catch(() => undefined);
  }

  private async load(): Promise<void> {
    await Promise.all([this.messages.load(), this.tasks.load(), this.activityIds.load(), this.waybills.load()]);
  }

  /** Call once at start: loads the records and re-schedules delayed tasks that have not run. */
  async restoreScheduled(): Promise<void> {
    await this.load();
    for (const task of this.tasks.all()) {
      // RUNNING means a restart interrupted it: run it again (at least once, like the cloud)
      if (task.state === 'PENDING' || task.state === 'RUNNING') {
        task.state = 'PENDING';
        this.scheduleTask(task);
      }
    }
  }

  /** Subscribe messages accepted so far, oldest first. */
  sentMessages(): SentMessage[] {
    return this.messages.all().sort((a, b) => a.sentAt - b.sentAt || a.msgid - b.msgid);
  }

  delayedTasks(): DelayedTask[] {
    return this.tasks.all().sort((a, b) => a.dueAt - b.dueAt);
  }

  activities(): ActivityIdRecord[] {
    return this.activityIds.all().sort((a, b) => a.createdAt - b.createdAt);
  }

  /**
   * Answers one open API call. `params` are the request's pairs: snake_case keys, JSON-parsed values.
   * Resolves with the respData JSON (`{errcode, errmsg, ...}`). An API the local cloud does not offer
   * answers `{errcode: -604101}` here; handleWire sends it the way WeChat does, as
   * CommOpenApiResp.errorCode (the caller then sees errMsg 'system error: error code: -604101').
   */
  async handleApi(apiName: string, params: Params, caller: InvocationContext): Promise<RespData> {
    try {
      return await this.dispatch(apiName, params, caller);
    } catch (problem) {
      if (problem instanceof OpenApiSystemError) return { errcode: problem.errorCode, errmsg: problem.message };
      throw problem;
    }
  }

  private async dispatch(apiName: string, params: Params, caller: InvocationContext): Promise<RespData> {
    await this.load();
    switch (apiName) {
      case 'subscribeMessage.send':
        return this.sendSubscribeMessage(params, caller);
      case 'cloudbase.addDelayedFunctionTask':
        return this.addDelayedFunctionTask(params, caller);
      case 'updatableMessage.createActivityId':
        return this.createActivityId(params);
      case 'logistics.getPath':
        return this.getPath(params);
      default:
        throw new OpenApiSystemError(
          NO_PERMISSION_ERROR_CODE,
          `function has no permission to call this API: ${apiName}`,
        );
    }
  }

  /**
   * Answers a whole `wx.openApi` request from its multipart fields (`apiName`, `requestData` =
   * CommApiData protobuf). The reply body is a CommOpenApiResp; send it as application/octet-stream.
   */
  async handleWire(fields: Map<string, Buffer>, caller: InvocationContext): Promise<WireReply> {
    const apiName = fields.get('apiName')?.toString('utf8') ?? '';
    const params: Params = {};
    try {
      const request = decodeOpenApiRequest(fields.get('requestData') ?? Buffer.alloc(0));
      for (const pair of request.pairs) {
        // media params (with a filename) stay raw bytes; everything else is JSON text
        params[pair.key] = pair.filename !== undefined ? pair.value : JSON.parse(pair.value.toString('utf8'));
      }
    } catch (problem) {
      return tcbErrorReply('INVALID_PARAM', `malformed openapi request: ${describe(problem)}`);
    }
    try {
      const respData = await this.dispatch(apiName, params, caller);
      return {
        contentType: 'application/octet-stream',
        body: encodeOpenApiResponse({
          respData: Buffer.from(JSON.stringify(respData)),
          contentType: 'application/json; charset=UTF-8',
        }),
      };
    } catch (problem) {
      if (!(problem instanceof OpenApiSystemError)) throw problem;
      return {
        contentType: 'application/octet-stream',
        body: encodeOpenApiResponse({ respData: Buffer.alloc(0), contentType: '', errorCode: problem.errorCode }),
      };
    }
  }

  // ------------------------------------------------------------------------------------------------

  private async sendSubscribeMessage(params: Params, caller: InvocationContext): Promise<RespData> {
    const { touser, template_id: templateId, page, data } = params;
    if (typeof touser !== 'string' || touser === '') return error(40003, 'invalid openid');
    if (typeof templateId !== 'string' || templateId === '') return error(40037, 'invalid template_id');
    if (page !== undefined && typeof page !== 'string') return error(41030, 'invalid page');
    const miniprogramState = params.miniprogram_state ?? 'formal';
    if (typeof miniprogramState !== 'string' || !MINIPROGRAM_STATES.has(miniprogramState)) {
      return error(47003, 'argument invalid! miniprogram_state');
    }
    const lang = params.lang ?? 'zh_CN';
    if (typeof lang !== 'string' || !LANGS.has(lang)) return error(47003, 'argument invalid! lang');
    if (typeof data !== 'object' || data === null || Array.isArray(data) || Object.keys(data).length === 0) {
      return error(47003, 'argument invalid! data is empty');
    }
    const cleanData: Record<string, { value: string }> = {};
    for (const [key, entry] of Object.entries(data as Record<string, unknown>)) {
      const keyword = /^([a-z_]+?)(\d+)$/.exec(key);
      if (!keyword) return error(47003, `argument invalid! data.${key} is not a template keyword`);
      const value = typeof entry === 'object' && entry !== null ? (entry as { value?: unknown }).value : undefined;
      if (typeof value !== 'string' || value === '')
        return error(47003, `argument invalid! data.${key}.value is empty`);
      const problem = dataValueProblem(keyword[1] as string, value);
      if (problem) return error(47003, `argument invalid! data.${key}.value ${problem}`);
      cleanData[key] = { value };
    }

    const sentAt = this.services.now();
    // Numeric and increasing with the clock, at most 15 digits: the SDK parses replies with
    // json-bigint, which turns longer integers into BigNumbers that its camelCase pass then mangles.
    let msgid = Math.floor(sentAt / 1000) * 10_000 + (this.messageSequence++ % 10_000);
    while (this.messages.get(String(msgid))) msgid += 1;
    const message: SentMessage = {
      _id: String(msgid),
      msgid,
      touser,
      templateId,
      page: typeof page === 'string' ? page : null,
      data: cleanData,
      miniprogramState,
      lang,
      sentAt,
      sentBy: { openid: caller.openid, source: caller.source },
    };
    await this.messages.insert(message);
    return ok({ msgid });
  }

  private async addDelayedFunctionTask(params: Params, caller: InvocationContext): Promise<RespData> {
    const { env, function_name: functionName, data, delay_time: delayTime } = params;
    if (typeof env !== 'string' || env === '') return error(47001, 'data format error: env');
    if (caller.envName && env !== caller.envName)
      return error(47003, `argument invalid! env ${env} is not this environment`);
    if (typeof functionName !== 'string' || functionName === '')
      return error(47001, 'data format error: function_name');
    if (typeof data !== 'string') return error(47001, 'data format error: data must be a JSON string');
    try {
      JSON.parse(data);
    } catch {
      return error(47001, 'data format error: data must be a JSON string');
    }
    if (
      typeof delayTime !== 'number' ||
      !Number.isInteger(delayTime) ||
      delayTime < DELAY_SECONDS_MIN ||
      delayTime > DELAY_SECONDS_MAX
    ) {
      return error(47003, `argument invalid! delay_time must be ${DELAY_SECONDS_MIN}..${DELAY_SECONDS_MAX} seconds`);
    }
    const createdAt = this.services.now();
    const task: DelayedTask = {
      _id: `${createdAt}-${crypto.randomBytes(4).toString('hex')}`,
      functionName,
      data,
      delaySeconds: delayTime,
      createdAt,
      dueAt: createdAt + delayTime * 1000,
      state: 'PENDING',
      firedAt: null,
      outcome: null,
    };
    await this.tasks.insert(task);
    this.scheduleTask(task);
    return ok();
  }

  private scheduleTask(task: DelayedTask): void {
    this.services.scheduleAt(task.dueAt, `openapi:delayed-task:${task.functionName}:${task._id}`, () =>
      this.fireTask(task._id),
    );
  }

  /** Runs a due task once (no retries, as WeChat documents none); the outcome is recorded. */
  private async fireTask(taskId: string): Promise<void> {
    const task = this.tasks.get(taskId);
    if (!task || task.state !== 'PENDING') return;
    task.firedAt = this.services.now();
    // claimed before the first await, so a duplicate schedule cannot run it twice
    task.state = 'RUNNING';
    await this.tasks.save(task);
    try {
      const result = await this.services.invoke(task.functionName, JSON.parse(task.data) as unknown, {
        openid: '',
        source: DELAYED_TASK_SOURCE,
      });
      task.state = 'DONE';
      task.outcome = describe(result);
    } catch (problem) {
      task.state = 'FAILED';
      task.outcome = describe(problem);
    }
    await this.tasks.save(task);
  }

  private async getPath(params: Params): Promise<RespData> {
    const { delivery_id: deliveryId, waybill_id: waybillId } = params;
    if (typeof deliveryId !== 'string' || deliveryId === '') return error(47001, 'data format error: delivery_id');
    if (typeof waybillId !== 'string' || waybillId === '') return error(47001, 'data format error: waybill_id');
    if (!SIMULATED_CARRIERS[deliveryId]) return error(UNKNOWN_DELIVERY_ERROR.errcode, UNKNOWN_DELIVERY_ERROR.errmsg);
    const id = `${deliveryId}:${waybillId}`;
    let waybill = this.waybills.get(id);
    if (!waybill) {
      waybill = { _id: id, deliveryId, waybillId, firstQueriedAt: this.services.now() };
      await this.waybills.insert(waybill);
    }
    const items = pathAt(deliveryId, waybillId, waybill.firstQueriedAt, this.services.now());
    return ok({
      ...(typeof params.openid === 'string' ? { openid: params.openid } : {}),
      delivery_id: deliveryId,
      waybill_id: waybillId,
      path_item_num: items.length,
      path_item_list: items,
    });
  }

  private async createActivityId(params: Params): Promise<RespData> {
    const openid = typeof params.openid === 'string' && params.openid !== '' ? params.openid : null;
    const unionid = typeof params.unionid === 'string' && params.unionid !== '' ? params.unionid : null;
    const createdAt = this.services.now();
    const expirationTime = Math.floor(createdAt / 1000) + ACTIVITY_ID_TTL_SECONDS;
    const activityId = `${crypto.randomInt(100, 1000)}_${crypto.randomBytes(30).toString('base64url')}`;
    await this.activityIds.insert({ _id: activityId, activityId, openid, unionid, createdAt, expirationTime });
    return ok({ activity_id: activityId, expiration_time: expirationTime });
  }
}
