import { View } from '@tarojs/components';
import { PRICE_BAND_SPECS, type PriceBand } from '@domain/finder/priceBands';
import {
  OCCASION_LABELS,
  OCCASION_TAGS,
  RECIPIENT_LABELS,
  RECIPIENT_TAGS,
  type OccasionTag,
  type RecipientTag,
} from '@domain/finder/tags';
import './index.scss';

export interface FinderChoice {
  recipient?: RecipientTag;
  occasion?: OccasionTag;
  priceBand?: PriceBand;
}

interface Props {
  choice: FinderChoice;
  onChange: (choice: FinderChoice) => void;
}

interface RowProps<T extends string | number> {
  title: string;
  name: string;
  options: ReadonlyArray<{ value: T; label: string }>;
  selected: T | undefined;
  onPick: (value: T | undefined) => void;
}

/** One row of chips; tapping the selected chip again clears it (不限). */
function ChipRow<T extends string | number>({ title, name, options, selected, onPick }: RowProps<T>) {
  return (
    <View className='finder-chips__row'>
      <View className='finder-chips__title'>{title}</View>
      <View className='finder-chips__options'>
        {options.map((option) => (
          <View
            key={String(option.value)}
            className={`finder-chips__chip${selected === option.value ? ' finder-chips__chip--on' : ''}`}
            onClick={() => onPick(selected === option.value ? undefined : option.value)}
            data-testid={`finder-${name}-${option.value}`}
          >
            {option.label}
          </View>
        ))}
      </View>
    </View>
  );
}

const RECIPIENTS = RECIPIENT_TAGS.map((value) => ({ value, label: RECIPIENT_LABELS[value] }));
const OCCASIONS = OCCASION_TAGS.map((value) => ({ value, label: OCCASION_LABELS[value] }));
const BANDS = PRICE_BAND_SPECS.map((spec) => ({ value: spec.band, label: spec.label }));

/** 送给谁 / 什么场合 / 预算: the gift finder's choices (each optional). */
export function FinderChips({ choice, onChange }: Props) {
  const without = <K extends keyof FinderChoice>(key: K, value: FinderChoice[K] | undefined): FinderChoice => {
    const next = { ...choice };
    if (value === undefined) delete next[key];
    else next[key] = value;
    return next;
  };
  return (
    <View className='finder-chips'>
      <ChipRow
        title='送给谁'
        name='recipient'
        options={RECIPIENTS}
        selected={choice.recipient}
        onPick={(value) => onChange(without('recipient', value))}
      />
      <ChipRow
        title='什么场合'
        name='occasion'
        options={OCCASIONS}
        selected={choice.occasion}
        onPick={(value) => onChange(without('occasion', value))}
      />
      <ChipRow
        title='预算'
        name='band'
        options={BANDS}
        selected={choice.priceBand}
        onPick={(value) => onChange(without('priceBand', value))}
      />
    </View>
  );
}

/** The choice in a page query (every value checked against the domain's lists). */
export function choiceFromParams(params: Record<string, string | undefined>): FinderChoice {
  const choice: FinderChoice = {};
  const recipient = RECIPIENT_TAGS.find((tag) => tag === params.recipient);
  const occasion = OCCASION_TAGS.find((tag) => tag === params.occasion);
  const band = PRICE_BAND_SPECS.find((spec) => String(spec.band) === params.priceBand)?.band;
  if (recipient) choice.recipient = recipient;
  if (occasion) choice.occasion = occasion;
  if (band) choice.priceBand = band;
  return choice;
}
