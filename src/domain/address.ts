/**
 * A delivery address, in the shape `wx.chooseAddress` returns (so a chosen address and a hand-filled
 * form are the same value), with the one schema both the client form and the cloud functions use.
 *
 * Decisions (docs/domain.md, "Address"):
 * - Phone: mainland MOBILE numbers only (`^1[3-9]\d{9}$`). What chooseAddress may hand back is
 *   normalised first: spaces, dashes and parentheses are removed and a leading +86 / 0086 / 86 is
 *   dropped. Landlines (e.g. 020-81167888) are refused: couriers text the recipient, and a landline
 *   cannot receive the pickup code.
 * - Lengths count Unicode code points (see `countChars`), after trimming.
 * - Codes: the form gets one ADDRESS.INVALID_* code per field (`validateAddress`); inside a request
 *   schema the dispatcher reports COMMON.INVALID_ARGUMENT naming the field, with the same Chinese message.
 * - Unknown keys (chooseAddress's `nationalCode`, `errMsg`) are dropped; an empty postalCode
 *   (chooseAddress gives '' when it has none) becomes absent.
 */
import * as z from 'zod';
import { defineErrors, type ErrorSpec } from './errors';
import { fail, ok, type Result } from './result';
import { countChars, storedText } from './text';

export { countChars };

export interface Address {
  userName: string;
  telNumber: string;
  provinceName: string;
  cityName: string;
  countyName: string;
  detailInfo: string;
  postalCode?: string;
}

export type AddressField = keyof Address;

export const AddressErrors = defineErrors('ADDRESS', {
  INVALID_NAME: '请填写收货人姓名（1-20个字）',
  INVALID_PHONE: '请填写正确的11位手机号码（暂不支持座机）',
  INVALID_PROVINCE: '请选择省份',
  INVALID_CITY: '请选择城市',
  INVALID_COUNTY: '请选择区县',
  INVALID_DETAIL: '请填写详细地址（4-120个字）',
  INVALID_POSTAL_CODE: '邮政编码应为6位数字',
  MISSING: '请填写收货地址',
});

export const ADDRESS_LIMITS = {
  userName: { min: 1, max: 20 },
  region: { max: 20 },
  detailInfo: { min: 4, max: 120 },
} as const;

export const MAINLAND_MOBILE_PATTERN = /^1[3-9]\d{9}$/;
const POSTAL_CODE_PATTERN = /^\d{6}$/;

/** '+86 138-1234-5678' → '13812345678'. Anything that is not a mobile number stays recognisably wrong. */
export function normalizePhone(raw: string): string {
  const compact = raw.replace(/[\s\-()（）]/g, '');
  const withoutCountry = compact.replace(/^(?:\+86|0086|86)(?=1\d{10}$)/, '');
  return withoutCountry;
}

const fieldError = (spec: ErrorSpec) => ({ error: spec.message, abort: true }) as const;

/** Text hygiene first (its message names the field), then the length rule on the normalised text. */
const textField = (spec: ErrorSpec, fieldName: string, min: number, max: number) =>
  storedText(fieldName, {}, spec.message).refine(
    (value) => countChars(value) >= min && countChars(value) <= max,
    fieldError(spec),
  );

export const addressSchema = z.object(
  {
    userName: textField(
      AddressErrors.INVALID_NAME,
      '收货人姓名',
      ADDRESS_LIMITS.userName.min,
      ADDRESS_LIMITS.userName.max,
    ),
    telNumber: z
      .string(fieldError(AddressErrors.INVALID_PHONE))
      .overwrite(normalizePhone)
      .regex(MAINLAND_MOBILE_PATTERN, fieldError(AddressErrors.INVALID_PHONE)),
    provinceName: textField(AddressErrors.INVALID_PROVINCE, '省份', 1, ADDRESS_LIMITS.region.max),
    cityName: textField(AddressErrors.INVALID_CITY, '城市', 1, ADDRESS_LIMITS.region.max),
    countyName: textField(AddressErrors.INVALID_COUNTY, '区县', 1, ADDRESS_LIMITS.region.max),
    detailInfo: textField(
      AddressErrors.INVALID_DETAIL,
      '详细地址',
      ADDRESS_LIMITS.detailInfo.min,
      ADDRESS_LIMITS.detailInfo.max,
    ),
    postalCode: z.preprocess(
      (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
      z
        .string(fieldError(AddressErrors.INVALID_POSTAL_CODE))
        .trim()
        .regex(POSTAL_CODE_PATTERN, fieldError(AddressErrors.INVALID_POSTAL_CODE))
        .optional(),
    ),
  },
  { error: AddressErrors.MISSING.message },
) satisfies z.ZodType<Address>;

const FIELD_ERRORS: Record<AddressField, ErrorSpec> = {
  userName: AddressErrors.INVALID_NAME,
  telNumber: AddressErrors.INVALID_PHONE,
  provinceName: AddressErrors.INVALID_PROVINCE,
  cityName: AddressErrors.INVALID_CITY,
  countyName: AddressErrors.INVALID_COUNTY,
  detailInfo: AddressErrors.INVALID_DETAIL,
  postalCode: AddressErrors.INVALID_POSTAL_CODE,
};

const isAddressField = (key: unknown): key is AddressField =>
  typeof key === 'string' && Object.prototype.hasOwnProperty.call(FIELD_ERRORS, key);

export interface AddressFieldError {
  field: AddressField;
  code: string;
  message: string;
}

export type AddressValidation = { ok: true; data: Address } | { ok: false; errors: AddressFieldError[] };

/** For the address form: every invalid field at once (in form order), each with its code and message. */
export function validateAddress(input: unknown): AddressValidation {
  const parsed = addressSchema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  // The field's first message: its own rule's, or the text-hygiene sentence naming it.
  const invalid = new Map<AddressField, string>();
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (isAddressField(field) && !invalid.has(field)) invalid.set(field, issue.message);
  }
  if (invalid.size === 0) {
    // Not an object at all: report every field as missing so the form can highlight them.
    (Object.keys(FIELD_ERRORS) as AddressField[])
      .filter((f) => f !== 'postalCode')
      .forEach((f) => invalid.set(f, FIELD_ERRORS[f].message));
  }
  const errors = (Object.keys(FIELD_ERRORS) as AddressField[]).flatMap((field) => {
    const message = invalid.get(field);
    return message === undefined ? [] : [{ field, code: FIELD_ERRORS[field].code, message }];
  });
  return { ok: false, errors };
}

/** For server code that needs one answer: the first invalid field as a failure value. */
export function checkAddress(input: unknown): Result<Address> {
  if (typeof input !== 'object' || input === null)
    return fail(AddressErrors.MISSING.code, AddressErrors.MISSING.message);
  const validation = validateAddress(input);
  if (validation.ok) return ok(validation.data);
  const first = validation.errors[0];
  return first ? fail(first.code, first.message) : fail(AddressErrors.MISSING.code, AddressErrors.MISSING.message);
}

/** '13812345678' → '138****5678'. Anything that is not a mobile number keeps only its last 4 digits. */
export function maskPhone(phone: string): string {
  const normalized = normalizePhone(phone);
  if (MAINLAND_MOBILE_PATTERN.test(normalized)) return `${normalized.slice(0, 3)}****${normalized.slice(7)}`;
  const tail = normalized.slice(-4);
  return normalized.length > 4 ? `****${tail}` : '****';
}

/**
 * One line for a label or a card: '广东省广州市天河区体育西路1号'. Municipalities repeat themselves in
 * chooseAddress (province 北京市, city 北京市): the repeated city is written once.
 */
export function formatAddress(
  address: Pick<Address, 'provinceName' | 'cityName' | 'countyName' | 'detailInfo'>,
): string {
  const province = address.provinceName.trim();
  const city = address.cityName.trim();
  const parts = [province, city === province ? '' : city, address.countyName.trim(), address.detailInfo.trim()];
  return parts.join('');
}

/** '张三 138****5678' for lists where the whole phone number must not show. */
export const formatContact = (address: Pick<Address, 'userName' | 'telNumber'>): string =>
  `${address.userName.trim()} ${maskPhone(address.telNumber)}`;
