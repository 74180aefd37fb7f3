/**
 * Spec (规格) helpers for the product page's SKU picker: which spec names a product has, which
 * options each offers, which option combinations can still be bought, and the label of a SKU.
 */

export interface SpecSkuLike {
  specs: Record<string, string>;
  stock: number;
}

/** Chosen options so far, spec name → value; a spec not chosen yet is absent or undefined. */
export type SpecSelection = Readonly<Record<string, string | undefined>>;

export interface SpecOptionState {
  value: string;
  selected: boolean;
  /** some in-stock SKU has this option together with the other chosen options */
  available: boolean;
}

export interface SpecGroupState {
  name: string;
  options: SpecOptionState[];
}

/** Spec names in first-seen order across the SKUs, e.g. ['颜色', '尺码']. */
export function specNamesFromSkus(skus: readonly SpecSkuLike[]): string[] {
  const names: string[] = [];
  for (const sku of skus) for (const name of Object.keys(sku.specs)) if (!names.includes(name)) names.push(name);
  return names;
}

/** For each spec name, its options in first-seen order. */
export function specOptions(
  skus: readonly SpecSkuLike[],
  specNames: readonly string[] = specNamesFromSkus(skus),
): { name: string; values: string[] }[] {
  return specNames.map((name) => {
    const values: string[] = [];
    for (const sku of skus) {
      const value = sku.specs[name];
      if (value !== undefined && !values.includes(value)) values.push(value);
    }
    return { name, values };
  });
}

export const isSoldOut = (sku: SpecSkuLike): boolean => sku.stock <= 0;

export const isProductSoldOut = (skus: readonly SpecSkuLike[]): boolean => skus.every(isSoldOut);

export const totalStock = (skus: readonly SpecSkuLike[]): number =>
  skus.reduce((sum, sku) => sum + Math.max(0, sku.stock), 0);

/** The spec combinations that exist as SKUs but have no stock left. */
export const soldOutCombinations = (skus: readonly SpecSkuLike[]): Record<string, string>[] =>
  skus.filter(isSoldOut).map((sku) => ({ ...sku.specs }));

const matchesSelection = (sku: SpecSkuLike, selection: SpecSelection, ignoring?: string): boolean =>
  Object.entries(selection).every(
    ([name, value]) => name === ignoring || value === undefined || sku.specs[name] === value,
  );

/** The SKU for a complete selection (every spec name chosen), or undefined. */
export function findSku<S extends SpecSkuLike>(
  skus: readonly S[],
  selection: SpecSelection,
  specNames: readonly string[] = specNamesFromSkus(skus),
): S | undefined {
  if (!specNames.every((name) => selection[name] !== undefined)) return undefined;
  return skus.find((sku) => specNames.every((name) => sku.specs[name] === selection[name]));
}

/**
 * Can `value` be chosen for `specName`, given the other chosen options? True when an in-stock
 * SKU has it; the current choice for `specName` itself is ignored so the user can switch.
 */
export function isOptionAvailable(
  skus: readonly SpecSkuLike[],
  selection: SpecSelection,
  specName: string,
  value: string,
): boolean {
  return skus.some(
    (sku) => !isSoldOut(sku) && sku.specs[specName] === value && matchesSelection(sku, selection, specName),
  );
}

/** Everything the picker renders: each spec group with its options' selected/available state. */
export function specGroupStates(
  skus: readonly SpecSkuLike[],
  selection: SpecSelection,
  specNames: readonly string[] = specNamesFromSkus(skus),
): SpecGroupState[] {
  return specOptions(skus, specNames).map(({ name, values }) => ({
    name,
    options: values.map((value) => ({
      value,
      selected: selection[name] === value,
      available: isOptionAvailable(skus, selection, name, value),
    })),
  }));
}

/** '红色 / M' in spec-name order; '默认' for a SKU without specs. */
export function skuLabel(
  sku: Pick<SpecSkuLike, 'specs'>,
  specNames: readonly string[] = Object.keys(sku.specs),
): string {
  const parts = specNames.map((name) => sku.specs[name]).filter((value): value is string => value !== undefined);
  return parts.length > 0 ? parts.join(' / ') : '默认';
}
