import type { Address, AddressField, AddressFieldError } from '@domain/address';
import { validateAddress } from '@domain/address';

/** The form's text, field by field, exactly as typed (validation trims and normalises on submit). */
export interface AddressDraft {
  userName: string;
  telNumber: string;
  provinceName: string;
  cityName: string;
  countyName: string;
  detailInfo: string;
  /** kept when it came from wx.chooseAddress; the form has no field for it */
  postalCode: string;
}

export const emptyDraft: AddressDraft = {
  userName: '',
  telNumber: '',
  provinceName: '',
  cityName: '',
  countyName: '',
  detailInfo: '',
  postalCode: '',
};

export const draftFrom = (value: Partial<Address> | null | undefined): AddressDraft => ({
  ...emptyDraft,
  ...Object.fromEntries(Object.entries(value ?? {}).filter(([, text]) => typeof text === 'string')),
});

export type FieldMessages = Partial<Record<AddressField, string>>;

const messagesOf = (errors: AddressFieldError[]): FieldMessages =>
  Object.fromEntries(errors.map((error) => [error.field, error.message]));

/** validateAddress over the draft: the clean address, or one Chinese message per invalid field. */
export function checkDraft(
  draft: AddressDraft,
): { ok: true; address: Address } | { ok: false; messages: FieldMessages } {
  const checked = validateAddress(draft);
  if (!checked.ok) return { ok: false, messages: messagesOf(checked.errors) };
  // The schema leaves `postalCode: undefined` for a blank code: submit the key only when there is one.
  const { postalCode, ...required } = checked.data;
  return { ok: true, address: postalCode === undefined ? required : { ...required, postalCode } };
}
