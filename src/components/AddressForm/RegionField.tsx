import { View } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import type { RegionFieldProps } from './regionProps';

/**
 * H5 (and other non-WeChat builds): province / city / district typed in. WeChat's own region picker
 * (RegionField.weapp.tsx) needs no region data; shipping a national region table to H5 is not worth it.
 */
export function RegionField({ region, onChange, onBlur }: RegionFieldProps) {
  return (
    <View className='address-form__region'>
      <Input
        className='address-form__region-input'
        name='provinceName'
        placeholder='省份'
        value={region.provinceName}
        maxLength={20}
        onChange={(provinceName) => onChange({ ...region, provinceName })}
        onBlur={() => onBlur('provinceName')}
      />
      <Input
        className='address-form__region-input'
        name='cityName'
        placeholder='城市'
        value={region.cityName}
        maxLength={20}
        onChange={(cityName) => onChange({ ...region, cityName })}
        onBlur={() => onBlur('cityName')}
      />
      <Input
        className='address-form__region-input'
        name='countyName'
        placeholder='区县'
        value={region.countyName}
        maxLength={20}
        onChange={(countyName) => onChange({ ...region, countyName })}
        onBlur={() => onBlur('countyName')}
      />
    </View>
  );
}
