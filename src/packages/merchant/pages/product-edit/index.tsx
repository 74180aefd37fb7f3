import { Image, Text, View } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import type { Category } from '@domain/contracts';
import {
  OCCASION_LABELS,
  OCCASION_TAGS,
  RECIPIENT_LABELS,
  RECIPIENT_TAGS,
  SEASON_IDS,
  SEASON_LABELS,
  type ProductGiftTags,
} from '@domain/finder/tags';
import {
  checkProductDraft,
  giftBlockOf,
  parsePriceYuan,
  PRODUCT_IMAGES_MAX,
  SPEC_NAMES_MAX,
} from '@domain/merchant/product';
import { StateView } from '@/components/StateView';
import { cloudFileSrc, uploadCloudFile } from '@/platform/cloudFile';
import { showToast } from '@/platform/feedback';
import { resolveImageUrl } from '@/platform/images';
import { useRouter } from '@/platform/lifecycle';
import { navigateTo, routes, setPageTitle } from '@/platform/navigation';
import { pickImages } from '@/platform/pickImages';
import { getMerchantProduct, saveMerchantProduct } from '@/services/merchant';
import { listCategories } from '@/services/shop';
import { emptyForm, formOf, requestOf, rowsFor, type ProductForm } from '@/packages/merchant/editor';
import '@/packages/merchant/merchant.scss';
import './index.scss';

type LoadState = { kind: 'loading' } | { kind: 'ready' } | { kind: 'failed'; message: string; code: string };

type TagKey = 'recipientTags' | 'occasionTags' | 'seasonTags';
const TAG_GROUPS: ReadonlyArray<{
  key: TagKey;
  title: string;
  ids: readonly string[];
  labels: Record<string, string>;
}> = [
  { key: 'recipientTags', title: '送给谁', ids: RECIPIENT_TAGS, labels: RECIPIENT_LABELS },
  { key: 'occasionTags', title: '场合', ids: OCCASION_TAGS, labels: OCCASION_LABELS },
  { key: 'seasonTags', title: '节日专题', ids: SEASON_IDS, labels: SEASON_LABELS },
];

/** 编辑商品 / 新建商品: name, category, description, images, specs → SKUs (price in yuan, stock), shelf, gift tags. */
export default function MerchantProductEditPage() {
  const productId = useRouter().params.productId;
  const [form, setForm] = useState<ProductForm>(emptyForm());
  const [categories, setCategories] = useState<Category[]>([]);
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  const [newValues, setNewValues] = useState<Record<number, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [savedId, setSavedId] = useState<string | null>(null);

  useEffect(() => {
    void setPageTitle(productId ? '编辑商品' : '新建商品');
    void (async () => {
      const [cats, product] = await Promise.all([
        listCategories(),
        productId ? getMerchantProduct(productId) : Promise.resolve(null),
      ]);
      if (cats.ok) setCategories(cats.data);
      if (product && !product.ok) {
        setState({ kind: 'failed', message: product.message, code: product.code });
        return;
      }
      setForm(product ? formOf(product.data) : emptyForm(cats.ok ? (cats.data[0]?.categoryId ?? '') : ''));
      setState({ kind: 'ready' });
    })();
  }, [productId]);

  const update = (change: Partial<ProductForm>) => {
    setError(null);
    setSavedId(null);
    setForm((current) => ({ ...current, ...change }));
  };
  const setGroups = (specGroups: ProductForm['specGroups']) =>
    setForm((current) => {
      setError(null);
      return { ...current, specGroups, rows: rowsFor(specGroups, current.rows) };
    });
  const setRow = (index: number, change: Partial<ProductForm['rows'][number]>) =>
    update({ rows: form.rows.map((row, i) => (i === index ? { ...row, ...change } : row)) });
  const toggleTag = (key: TagKey, id: string) => {
    const list = form.tags[key] as string[];
    const tags = {
      ...form.tags,
      [key]: list.includes(id) ? list.filter((t) => t !== id) : [...list, id],
    } as ProductGiftTags;
    update({ tags });
  };

  const addImages = async () => {
    const room = PRODUCT_IMAGES_MAX - form.images.length;
    if (room <= 0) {
      showToast(`最多${PRODUCT_IMAGES_MAX}张图片`);
      return;
    }
    const paths = await pickImages(room);
    if (paths.length === 0) return;
    setUploading(true);
    const uploaded: string[] = [];
    for (const [index, filePath] of paths.entries()) {
      const outcome = await uploadCloudFile({ cloudPath: `products/${Date.now()}-${index}.jpg`, filePath });
      if (outcome.ok) uploaded.push(outcome.fileID);
      else setError('图片上传失败，请重试');
    }
    setUploading(false);
    update({ images: [...form.images, ...uploaded] });
  };

  const category = categories.find((c) => c.categoryId === form.categoryId);
  const pricedRows = form.rows.flatMap((row) => {
    const price = parsePriceYuan(row.priceText);
    return price.ok ? [{ price: price.data, onShelf: true }] : [];
  });
  const giftBlock = category
    ? giftBlockOf({ categoryId: category.categoryId, categoryName: category.name }, pricedRows)
    : null;

  const save = async () => {
    if (saving) return;
    const request = requestOf(form);
    // The domain's own rules first, so the merchant sees what to fix without a round trip.
    if (!request.ok) {
      setError(request.message);
      return;
    }
    const checked = checkProductDraft(request.data);
    if (!checked.ok) {
      setError(checked.message);
      return;
    }
    setSaving(true);
    const answer = await saveMerchantProduct(request.data);
    setSaving(false);
    if (!answer.ok) {
      setError(answer.message);
      return;
    }
    setForm(formOf(answer.data));
    setSavedId(answer.data.productId);
    showToast('已保存', 'success');
  };

  if (state.kind === 'loading') return <StateView kind='loading' skeleton='rows' />;
  if (state.kind === 'failed') return <StateView kind='error' message={state.message} code={state.code} />;

  return (
    <View className='merchant merchant-edit' data-testid='merchant-product-editor'>
      <View className='merchant__card'>
        <View className='merchant-edit__label'>商品名称</View>
        <Input
          className='merchant-edit__input'
          placeholder='例如：手工香薰蜡烛礼盒'
          value={form.name}
          maxLength={40}
          data-testid='merchant-edit-name'
          onChange={(value) => update({ name: String(value) })}
        />
        <View className='merchant-edit__label'>分类</View>
        <View>
          {categories.map((c) => (
            <View
              key={c.categoryId}
              className={`merchant-chip${c.categoryId === form.categoryId ? ' merchant-chip--on' : ''}`}
              onClick={() => update({ categoryId: c.categoryId })}
            >
              {c.name}
              {!c.giftable && '（不可送礼）'}
            </View>
          ))}
        </View>
        <View className='merchant-edit__label'>商品描述</View>
        <TextArea
          className='merchant-edit__input'
          placeholder='材质、规格、适合送给谁…'
          value={form.description}
          maxLength={2000}
          onChange={(value) => update({ description: String(value) })}
        />
      </View>

      <View className='merchant__card'>
        <View className='merchant__row'>
          <Text className='merchant__heading'>商品图片</Text>
          <Text className='merchant__muted'>
            {form.images.length}/{PRODUCT_IMAGES_MAX}，第一张为封面
          </Text>
        </View>
        <View className='merchant-edit__images'>
          {form.images.map((image) => (
            <View key={image} className='merchant-edit__image-box'>
              <Image className='merchant-edit__image' src={cloudFileSrc(resolveImageUrl(image))} mode='aspectFill' />
              <View
                className='merchant-edit__remove'
                onClick={() => update({ images: form.images.filter((i) => i !== image) })}
              >
                ×
              </View>
            </View>
          ))}
          {form.images.length < PRODUCT_IMAGES_MAX && (
            <View className='merchant-edit__add-image' onClick={() => void addImages()}>
              {uploading ? '上传中…' : '+ 添加'}
            </View>
          )}
        </View>
      </View>

      <View className='merchant__card'>
        <View className='merchant__row'>
          <Text className='merchant__heading'>规格</Text>
          {form.specGroups.length < SPEC_NAMES_MAX && (
            <Text
              className='merchant-edit__link'
              onClick={() => setGroups([...form.specGroups, { name: '', values: [] }])}
            >
              + 添加规格
            </Text>
          )}
        </View>
        {form.specGroups.length === 0 && <View className='merchant__muted'>没有规格时只有一个默认规格</View>}
        {form.specGroups.map((group, groupIndex) => (
          <View key={groupIndex} className='merchant-edit__group'>
            <View className='merchant__row'>
              <Input
                className='merchant-edit__input merchant-edit__group-name'
                placeholder='规格名，如 颜色'
                value={group.name}
                maxLength={20}
                onChange={(value) =>
                  setGroups(form.specGroups.map((g, i) => (i === groupIndex ? { ...g, name: String(value) } : g)))
                }
              />
              <Text
                className='merchant-edit__link'
                onClick={() => setGroups(form.specGroups.filter((_, i) => i !== groupIndex))}
              >
                删除
              </Text>
            </View>
            <View>
              {group.values.map((value) => (
                <View
                  key={value}
                  className='merchant-chip merchant-chip--on'
                  onClick={() =>
                    setGroups(
                      form.specGroups.map((g, i) =>
                        i === groupIndex ? { ...g, values: g.values.filter((v) => v !== value) } : g,
                      ),
                    )
                  }
                >
                  {value} ×
                </View>
              ))}
            </View>
            <View className='merchant__row'>
              <Input
                className='merchant-edit__input'
                placeholder='规格值，如 红色'
                value={newValues[groupIndex] ?? ''}
                maxLength={20}
                onChange={(value) => setNewValues((all) => ({ ...all, [groupIndex]: String(value) }))}
              />
              <Text
                className='merchant-edit__link'
                onClick={() => {
                  const value = (newValues[groupIndex] ?? '').trim();
                  if (!value) return showToast('请先填写规格值');
                  if (group.values.includes(value)) return showToast('这个规格值已经有了');
                  setNewValues((all) => ({ ...all, [groupIndex]: '' }));
                  setGroups(
                    form.specGroups.map((g, i) => (i === groupIndex ? { ...g, values: [...g.values, value] } : g)),
                  );
                }}
              >
                添加
              </Text>
            </View>
          </View>
        ))}

        <View className='merchant-edit__label'>价格与库存</View>
        {form.rows.map((row, index) => (
          <View key={JSON.stringify(row.specs)} className='merchant-edit__sku' data-testid='merchant-edit-sku'>
            <Text className='merchant-edit__sku-name'>{Object.values(row.specs).join(' / ') || '默认'}</Text>
            <Input
              className='merchant-edit__input merchant-edit__price'
              type='digit'
              placeholder='价格（元）'
              value={row.priceText}
              data-testid='merchant-edit-price'
              onChange={(value) => setRow(index, { priceText: String(value) })}
            />
            <Input
              className='merchant-edit__input merchant-edit__stock'
              type='number'
              placeholder='库存'
              value={row.stockText}
              data-testid='merchant-edit-stock'
              onChange={(value) => setRow(index, { stockText: String(value) })}
            />
          </View>
        ))}
      </View>

      <View className='merchant__card'>
        <View className='merchant__heading'>送礼</View>
        <View className={giftBlock ? 'merchant__error' : 'merchant__ok'} data-testid='merchant-edit-giftable'>
          {giftBlock ? `不可送礼：${giftBlock.message}` : '可以作为礼物送出'}
        </View>
        <View className='merchant-edit__label'>品牌</View>
        <Input
          className='merchant-edit__input'
          placeholder='没有可不填'
          value={form.tags.brand}
          maxLength={30}
          onChange={(value) => update({ tags: { ...form.tags, brand: String(value) } })}
        />
        {TAG_GROUPS.map((group) => (
          <View key={group.key}>
            <View className='merchant-edit__label'>{group.title}</View>
            {group.ids.map((id) => (
              <View
                key={id}
                className={`merchant-chip${(form.tags[group.key] as string[]).includes(id) ? ' merchant-chip--on' : ''}`}
                onClick={() => toggleTag(group.key, id)}
              >
                {group.labels[id]}
              </View>
            ))}
          </View>
        ))}
      </View>

      <View className='merchant__card'>
        <View className='merchant__heading'>上架</View>
        <View>
          {[true, false].map((on) => (
            <View
              key={String(on)}
              className={`merchant-chip${form.onShelf === on ? ' merchant-chip--on' : ''}`}
              data-testid={on ? 'merchant-edit-on-shelf' : 'merchant-edit-off-shelf'}
              onClick={() => update({ onShelf: on })}
            >
              {on ? '上架销售' : '下架'}
            </View>
          ))}
        </View>
      </View>

      <View className='merchant-edit__footer'>
        {error && (
          <View className='merchant__error' data-testid='merchant-edit-error'>
            {error}
          </View>
        )}
        {savedId && (
          <View className='merchant__ok' data-testid='merchant-edit-saved'>
            已保存。
            <Text
              className='merchant-edit__link'
              onClick={() => void navigateTo(routes.product({ productId: savedId }))}
            >
              在商城查看 ›
            </Text>
          </View>
        )}
        <Button block type='primary' loading={saving} data-testid='merchant-edit-save' onClick={() => void save()}>
          保存
        </Button>
      </View>
    </View>
  );
}
