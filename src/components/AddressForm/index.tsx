import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Address, AddressField } from '@domain/address';
import { canChooseWechatAddress, chooseWechatAddress } from '@/platform/address';
import { scrollToId } from '@/platform/scroll';
import { checkDraft, draftFrom, type AddressDraft } from './draft';
import { RegionField } from './RegionField';
import './index.scss';

export interface AddressFormProps {
  /** starting value, e.g. the last used address; a new value object replaces what was typed */
  value?: Partial<Address> | null;
  /** text of the submit button, e.g. 使用该地址 / 确认收下 */
  submitText?: string;
  /** disables the submit button while the caller works (e.g. creating the order) */
  submitting?: boolean;
  /** called with the validated, normalised address in the wx.chooseAddress shape */
  onSubmit: (address: Address) => void;
}

const ALL_FIELDS: AddressField[] = ['userName', 'telNumber', 'provinceName', 'cityName', 'countyName', 'detailInfo'];

interface FieldMessage {
  field: AddressField;
  message: string;
}

/** The row a field sits in (the three region fields share one), scrolled to when it refuses. */
const rowIdOf = (field: AddressField): string =>
  `address-field-${field === 'provinceName' || field === 'cityName' || field === 'countyName' ? 'region' : field}`;

function FieldRow(props: { field: AddressField; label: string; messages: FieldMessage[]; children: ReactNode }) {
  return (
    <View
      id={rowIdOf(props.field)}
      className={`address-form__row${props.messages.length > 0 ? ' address-form__row--invalid' : ''}`}
    >
      <View className='address-form__line'>
        <Text className='address-form__label'>{props.label}</Text>
        <View className='address-form__control'>{props.children}</View>
      </View>
      {props.messages.map(({ field, message }) => (
        <View key={field} className='address-form__error' data-testid={`address-error-${field}`}>
          {message}
        </View>
      ))}
    </View>
  );
}

/**
 * Delivery address: 收货人, mainland mobile, 省/市/区县, 详细地址, checked by the domain's validateAddress
 * (the same rules the cloud functions apply). A field's message shows once the user has left it or
 * tried to submit, and follows the typing from then on. In WeChat 「使用微信收货地址」 fills the form
 * from wx.chooseAddress. Submits the wx.chooseAddress shape (phone normalised, text trimmed).
 */
export function AddressForm({ value, submitText = '保存地址', submitting = false, onSubmit }: AddressFormProps) {
  const [draft, setDraft] = useState<AddressDraft>(() => draftFrom(value));
  const [touched, setTouched] = useState<ReadonlySet<AddressField>>(() => new Set());

  useEffect(() => {
    if (value) setDraft(draftFrom(value));
    // Only a new starting value replaces the draft; typing never re-runs this.
  }, [value]);

  const check = useMemo(() => checkDraft(draft), [draft]);
  const messagesOf = (...fields: AddressField[]): FieldMessage[] =>
    check.ok
      ? []
      : fields.flatMap((field) => {
          const message = check.messages[field];
          return message && touched.has(field) ? [{ field, message }] : [];
        });

  const touch = (...fields: AddressField[]) =>
    setTouched((previous) =>
      fields.every((field) => previous.has(field)) ? previous : new Set([...previous, ...fields]),
    );
  const edit = (patch: Partial<AddressDraft>) => setDraft((previous) => ({ ...previous, ...patch }));

  const fillFromWechatAddress = async () => {
    const chosen = await chooseWechatAddress();
    if (!chosen) return;
    setDraft(draftFrom(chosen));
    // Show at once what WeChat's address does not satisfy (e.g. a landline number).
    touch(...ALL_FIELDS);
  };

  const submit = () => {
    touch(...ALL_FIELDS);
    if (!check.ok) {
      // Every message shows now; bring the first refused field into view (the form may be below it).
      const first = ALL_FIELDS.find((field) => check.messages[field] !== undefined);
      if (first) scrollToId(rowIdOf(first));
      return;
    }
    if (!submitting) onSubmit(check.address);
  };

  return (
    <View className='address-form' data-testid='address-form'>
      {canChooseWechatAddress() && (
        <Button
          className='address-form__wechat'
          fill='outline'
          type='success'
          block
          onClick={() => void fillFromWechatAddress()}
        >
          使用微信收货地址
        </Button>
      )}
      <FieldRow field='userName' label='收货人' messages={messagesOf('userName')}>
        <Input
          name='userName'
          placeholder='收货人姓名'
          value={draft.userName}
          maxLength={20}
          onChange={(userName) => edit({ userName })}
          onBlur={() => touch('userName')}
        />
      </FieldRow>
      <FieldRow field='telNumber' label='手机号码' messages={messagesOf('telNumber')}>
        <Input
          name='telNumber'
          type='tel'
          placeholder='11位手机号码'
          value={draft.telNumber}
          maxLength={20}
          onChange={(telNumber) => edit({ telNumber })}
          onBlur={() => touch('telNumber')}
        />
      </FieldRow>
      <FieldRow field='provinceName' label='所在地区' messages={messagesOf('provinceName', 'cityName', 'countyName')}>
        <RegionField
          region={{ provinceName: draft.provinceName, cityName: draft.cityName, countyName: draft.countyName }}
          onChange={edit}
          onBlur={(field) => touch(field)}
        />
      </FieldRow>
      <FieldRow field='detailInfo' label='详细地址' messages={messagesOf('detailInfo')}>
        <Input
          name='detailInfo'
          placeholder='街道、楼栋、门牌号'
          value={draft.detailInfo}
          maxLength={120}
          onChange={(detailInfo) => edit({ detailInfo })}
          onBlur={() => touch('detailInfo')}
        />
      </FieldRow>
      <View className='address-form__submit'>
        <Button type='danger' block loading={submitting} disabled={submitting} onClick={submit}>
          {submitText}
        </Button>
      </View>
    </View>
  );
}

export type { Address };
