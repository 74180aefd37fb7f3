import { Picker, Text, View } from '@tarojs/components';
import type { RegionFieldProps } from './regionProps';

/** weapp: WeChat's built-in province/city/district picker (no region data in the package). */
export function RegionField({ region, onChange, onBlur }: RegionFieldProps) {
  const chosen = [region.provinceName, region.cityName, region.countyName];
  const hasRegion = chosen.every((part) => part !== '');
  return (
    <Picker
      mode='region'
      value={chosen}
      onChange={(event) => {
        const [provinceName = '', cityName = '', countyName = ''] = event.detail.value as string[];
        onChange({ provinceName, cityName, countyName });
      }}
      onCancel={() => {
        onBlur('provinceName');
        onBlur('cityName');
        onBlur('countyName');
      }}
    >
      <View className='address-form__picker'>
        <Text className={hasRegion ? '' : 'address-form__placeholder'}>
          {hasRegion ? chosen.join(' ') : '选择省 / 市 / 区县'}
        </Text>
      </View>
    </Picker>
  );
}
