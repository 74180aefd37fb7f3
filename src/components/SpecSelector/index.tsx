import { Text, View } from '@tarojs/components';
import { InputNumber } from '@nutui/nutui-react-taro';
import { useEffect, useMemo, useState } from 'react';
import type { Sku } from '@domain/contracts';
import { formatFen, formatFenRange } from '@domain/money';
import { ORDER_MAX_QUANTITY } from '@domain/order/rules';
import { findSku, isOptionAvailable, specGroupStates, type SpecSelection } from '@domain/product/specs';
import './index.scss';

export interface SpecChoice<S extends Sku = Sku> {
  /** the SKU of a complete selection that is in stock, else null */
  sku: S | null;
  /** 1 ≤ quantity ≤ min(stock, 99) */
  quantity: number;
  /** spec names still to choose, in display order (empty once complete) */
  missingSpecs: string[];
}

export interface SpecSelectorProps<S extends Sku = Sku> {
  specNames: readonly string[];
  skus: readonly S[];
  /** start with this SKU chosen (if it is in stock) */
  initialSkuId?: string;
  /** hide the quantity stepper (a gift is one item) */
  fixedQuantity?: number;
  /**
   * mark the groups still to choose (after a tap on 立即购买 / 送给朋友 with an incomplete choice): each
   * gets a red outline and 请选择<name>. Cleared per group as soon as it is chosen.
   */
  highlightMissing?: boolean;
  onChange: (choice: SpecChoice<S>) => void;
}

const selectionOf = (sku: Sku | undefined): Record<string, string | undefined> => ({ ...(sku?.specs ?? {}) });

/** Choices nobody has to make: a spec with one option that can be bought is chosen from the start. */
function initialSelection(specNames: readonly string[], skus: readonly Sku[], initialSkuId?: string): SpecSelection {
  const initial = skus.find((sku) => sku.skuId === initialSkuId && sku.stock > 0);
  if (initial) return selectionOf(initial);
  const selection: Record<string, string | undefined> = {};
  for (const group of specGroupStates(skus, {}, specNames)) {
    const [only] = group.options;
    if (group.options.length === 1 && only?.available) selection[group.name] = only.value;
  }
  return selection;
}

const clampQuantity = (quantity: number, max: number): number => Math.max(1, Math.min(quantity, Math.max(1, max)));

/**
 * The spec picker (颜色 × 尺码 …) for a product's SKUs: an option is disabled when every SKU having it,
 * together with the other chosen options, is sold out. Shows the chosen SKU's price and stock (a price
 * range until the choice is complete) and a quantity stepper bounded by the stock and by 99.
 */
export function SpecSelector<S extends Sku>({
  specNames,
  skus,
  initialSkuId,
  fixedQuantity,
  highlightMissing = false,
  onChange,
}: SpecSelectorProps<S>) {
  const [selection, setSelection] = useState<SpecSelection>(() => initialSelection(specNames, skus, initialSkuId));
  const [quantity, setQuantity] = useState(fixedQuantity ?? 1);

  const groups = useMemo(() => specGroupStates(skus, selection, specNames), [skus, selection, specNames]);
  const chosen = useMemo(() => {
    const sku = findSku(skus, selection, specNames);
    return sku && sku.stock > 0 ? sku : undefined;
  }, [skus, selection, specNames]);
  const missingSpecs = specNames.filter((name) => selection[name] === undefined);
  const maxQuantity = chosen ? Math.min(chosen.stock, ORDER_MAX_QUANTITY) : 1;
  const shownQuantity = fixedQuantity ?? clampQuantity(quantity, maxQuantity);

  // Candidates for the price line until the choice is complete: in-stock SKUs matching what is chosen.
  const candidates = skus.filter(
    (sku) =>
      sku.stock > 0 && specNames.every((name) => selection[name] === undefined || sku.specs[name] === selection[name]),
  );
  const prices = (candidates.length > 0 ? candidates : skus).map((sku) => sku.price);
  const priceText = chosen
    ? formatFen(chosen.price)
    : prices.length > 0
      ? formatFenRange(Math.min(...prices), Math.max(...prices))
      : '';

  useEffect(() => {
    onChange({ sku: chosen ?? null, quantity: shownQuantity, missingSpecs });
    // onChange is the caller's callback; a new function identity is not a new choice.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chosen, shownQuantity, missingSpecs.join('\u0000')]);

  const choose = (name: string, value: string) => {
    if (!isOptionAvailable(skus, selection, name, value)) return;
    setSelection((previous) => {
      if (previous[name] === value) return { ...previous, [name]: undefined };
      const next = { ...previous, [name]: value };
      // Drop other choices that no longer combine with the new one into an in-stock SKU.
      for (const other of specNames) {
        const otherValue = next[other];
        if (other !== name && otherValue !== undefined && !isOptionAvailable(skus, next, other, otherValue)) {
          next[other] = undefined;
        }
      }
      return next;
    });
  };

  return (
    <View className='spec-selector' data-testid='spec-selector'>
      <View className='spec-selector__summary'>
        <Text className='price spec-selector__price' data-testid='spec-price'>
          {priceText}
        </Text>
        <View className='spec-selector__state' data-testid='spec-stock'>
          {chosen
            ? `库存 ${chosen.stock} 件`
            : candidates.length === 0
              ? '已售罄'
              : `请选择 ${missingSpecs.join(' / ')}`}
        </View>
      </View>

      {groups.map((group) => (
        <View
          key={group.name}
          className={`spec-selector__group${highlightMissing && missingSpecs.includes(group.name) ? ' spec-selector__group--missing' : ''}`}
          data-testid='spec-group'
          data-spec={group.name}
        >
          <View className='spec-selector__name'>
            {group.name}
            {highlightMissing && missingSpecs.includes(group.name) && (
              <Text className='spec-selector__missing' data-testid='spec-missing'>
                请选择{group.name}
              </Text>
            )}
          </View>
          <View className='spec-selector__options'>
            {group.options.map((option) => (
              <Text
                key={option.value}
                className={`spec-selector__option${option.selected ? ' spec-selector__option--selected' : ''}${
                  option.available ? '' : ' spec-selector__option--disabled'
                }`}
                data-testid='spec-option'
                data-spec={group.name}
                aria-disabled={option.available ? 'false' : 'true'}
                aria-selected={option.selected ? 'true' : 'false'}
                onClick={() => choose(group.name, option.value)}
              >
                {option.value}
                {!option.available && <Text className='spec-selector__sold-out'>售罄</Text>}
              </Text>
            ))}
          </View>
        </View>
      ))}

      {fixedQuantity === undefined && (
        <View className='spec-selector__quantity'>
          <Text className='spec-selector__name'>购买数量</Text>
          {chosen && chosen.stock <= 5 && <Text className='spec-selector__low'>仅剩 {chosen.stock} 件</Text>}
          <View className='spec-selector__stepper' data-testid='spec-quantity'>
            <InputNumber
              value={shownQuantity}
              min={1}
              max={maxQuantity}
              disabled={!chosen}
              onChange={(next) => {
                const parsed = Math.floor(Number(next));
                if (Number.isFinite(parsed)) setQuantity(clampQuantity(parsed, maxQuantity));
              }}
            />
          </View>
        </View>
      )}
    </View>
  );
}
