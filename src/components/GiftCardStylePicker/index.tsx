import { Text, View } from '@tarojs/components';
import { CARD_STYLE_NAMES, CARD_STYLES, type CardStyle } from '@domain/gift/rules';
import { CARD_PALETTES } from '@/components/GiftCard/palette';
import './index.scss';

interface Props {
  value: CardStyle;
  onChange: (style: CardStyle) => void;
}

/** The domain's card styles as small colour swatches with their names; one is always chosen. */
export function GiftCardStylePicker({ value, onChange }: Props) {
  return (
    <View className='card-style-picker' data-testid='card-style-picker'>
      {CARD_STYLES.map((style) => {
        const palette = CARD_PALETTES[style];
        const selected = style === value;
        return (
          <View
            key={style}
            className={`card-style-picker__item${selected ? ' card-style-picker__item--selected' : ''}`}
            onClick={() => onChange(style)}
            data-testid={`card-style-${style}`}
            aria-selected={selected}
          >
            <View
              className='card-style-picker__swatch'
              style={{ background: `linear-gradient(180deg, ${palette.from}, ${palette.to})`, color: palette.accent }}
            >
              {palette.motto}
            </View>
            <Text className='card-style-picker__name'>{CARD_STYLE_NAMES[style]}</Text>
          </View>
        );
      })}
    </View>
  );
}
