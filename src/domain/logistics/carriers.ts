/**
 * The carriers the shop ships with, keyed by WeChat's delivery_id (the 物流助手 getAllDelivery ids that
 * `logistics.getPath` takes). A ship form offers these; `merchant.shipOrder` accepts a carrier's code
 * or its name (`resolveCarrier`) and stores both, so views show the name and the tracking seam sends the
 * code. Tracking numbers are checked against the carrier's known format, else a general rule.
 */
import { fail, ok, type Result } from '@domain/result';
import { LogisticsErrors } from './errors';

export interface Carrier {
  /** WeChat's delivery_id, e.g. 'SF'. */
  readonly code: string;
  /** The name buyers know, e.g. '顺丰速运'. */
  readonly name: string;
  /** Other names people type for it (short names, old brand names). */
  readonly aliases: readonly string[];
  /** The format of its waybill numbers, when it is well known. */
  readonly trackingPattern: RegExp | null;
  /** What a valid number looks like, shown when one does not match. */
  readonly trackingHint: string;
}

export const CARRIERS: readonly Carrier[] = [
  {
    code: 'SF',
    name: '顺丰速运',
    aliases: ['顺丰', '顺丰快递'],
    trackingPattern: /^(SF\d{13}|\d{12})$/,
    trackingHint: 'SF开头加13位数字，或12位数字',
  },
  {
    code: 'ZTO',
    name: '中通快递',
    aliases: ['中通'],
    trackingPattern: /^\d{12,15}$/,
    trackingHint: '12-15位数字',
  },
  {
    code: 'YTO',
    name: '圆通速递',
    aliases: ['圆通', '圆通快递'],
    trackingPattern: /^(YT\d{13,16}|\d{10,12})$/,
    trackingHint: 'YT开头加13-16位数字',
  },
  {
    code: 'YUNDA',
    name: '韵达快递',
    aliases: ['韵达', '韵达速递'],
    trackingPattern: /^\d{13,15}$/,
    trackingHint: '13-15位数字',
  },
  {
    code: 'STO',
    name: '申通快递',
    aliases: ['申通'],
    trackingPattern: /^\d{12,15}$/,
    trackingHint: '12-15位数字',
  },
  {
    code: 'JTSD',
    name: '极兔速递',
    aliases: ['极兔', '极兔快递'],
    trackingPattern: /^JT\d{13}$/,
    trackingHint: 'JT开头加13位数字',
  },
  {
    code: 'EMS',
    name: 'EMS',
    aliases: ['中国邮政', '邮政EMS', '中国邮政速递物流', '邮政快递'],
    trackingPattern: /^(\d{13}|[A-Z]{2}\d{9}[A-Z]{2})$/,
    trackingHint: '13位数字，或2位字母+9位数字+2位字母',
  },
  {
    code: 'JDL',
    name: '京东物流',
    aliases: ['京东', '京东快递'],
    trackingPattern: /^JD[0-9A-Z]{11,16}$/,
    trackingHint: 'JD开头加11-16位字母或数字',
  },
  {
    code: 'DB',
    name: '德邦快递',
    aliases: ['德邦', '德邦物流'],
    trackingPattern: /^(DPK\d{12}|\d{8,10})$/,
    trackingHint: 'DPK开头加12位数字，或8-10位数字',
  },
  {
    code: 'BEST',
    name: '百世快递',
    aliases: ['百世', '百世汇通'],
    trackingPattern: null,
    trackingHint: '8-30位字母或数字',
  },
];

/** Any carrier's number when its own format is unknown: letters and digits, as waybills are. */
export const GENERAL_TRACKING_PATTERN = /^[0-9A-Z]{8,30}$/;

const BY_CODE = new Map(CARRIERS.map((carrier) => [carrier.code, carrier]));
const BY_NAME = new Map(
  CARRIERS.flatMap((carrier) => [carrier.name, ...carrier.aliases].map((name) => [name, carrier] as const)),
);

export const carrierByCode = (code: string): Carrier | undefined => BY_CODE.get(code);

/** The carrier a form or a request names, by code ('SF', 'sf') or by name or alias ('顺丰速运', '顺丰'). */
export function resolveCarrier(codeOrName: string): Carrier | undefined {
  const text = codeOrName.trim();
  return BY_CODE.get(text.toUpperCase()) ?? BY_NAME.get(text);
}

/** How numbers are stored and compared: no spaces, upper case (people type 'sf…' and '1234 5678'). */
export const normalizeTrackingNo = (trackingNo: string): string => trackingNo.replace(/\s+/g, '').toUpperCase();

/** The normalized number when it fits the carrier's format (or the general rule), else why not. */
export function checkTrackingNo(carrier: Carrier, trackingNo: string): Result<string> {
  const normalized = normalizeTrackingNo(trackingNo);
  const pattern = carrier.trackingPattern ?? GENERAL_TRACKING_PATTERN;
  if (pattern.test(normalized)) return ok(normalized);
  return fail(
    LogisticsErrors.INVALID_TRACKING_NO.code,
    `${carrier.name}的${LogisticsErrors.INVALID_TRACKING_NO.message}（应为${carrier.trackingHint}）`,
  );
}

/** Both checks a ship form or `merchant.shipOrder` makes: a listed carrier and a number it could issue. */
export function checkShipment(
  expressCompany: string,
  trackingNo: string,
): Result<{ carrier: Carrier; trackingNo: string }> {
  const carrier = resolveCarrier(expressCompany);
  if (!carrier) return fail(LogisticsErrors.UNKNOWN_CARRIER.code, LogisticsErrors.UNKNOWN_CARRIER.message);
  const checked = checkTrackingNo(carrier, trackingNo);
  return checked.ok ? ok({ carrier, trackingNo: checked.data }) : checked;
}
