import { Image, Swiper, SwiperItem, Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import { PageState } from '../../../../components/PageState';
import { previewImages } from '../../../../platform/feedback';
import { useRouter } from '../../../../platform/lifecycle';
import { getProduct, type ProductDetailView } from '../../../../services/shop';
import './index.scss';

type LoadState =
  { kind: 'loading' } | { kind: 'ready'; product: ProductDetailView } | { kind: 'failed'; message: string };

/** 商品详情: images, name, price range, every SKU with specs/price/stock, and whether it can be gifted. */
export default function ProductPage() {
  const productId = useRouter().params.productId ?? '';
  const [state, setState] = useState<LoadState>({ kind: 'loading' });

  const load = useCallback(async () => {
    if (!productId) {
      setState({ kind: 'failed', message: '商品不存在' });
      return;
    }
    setState({ kind: 'loading' });
    const answer = await getProduct(productId);
    setState(answer.ok ? { kind: 'ready', product: answer.data } : { kind: 'failed', message: answer.message });
  }, [productId]);

  useEffect(() => {
    void load();
  }, [load]);

  if (state.kind === 'loading') return <PageState message='加载中…' />;
  if (state.kind === 'failed')
    return <PageState message={state.message} actionText='重试' onAction={() => void load()} />;

  const { product } = state;
  return (
    <View className='product'>
      {product.imageUrls.length > 0 && (
        <Swiper
          className='product__gallery'
          indicatorDots={product.imageUrls.length > 1}
          circular={product.imageUrls.length > 2}
        >
          {product.imageUrls.map((url) => (
            <SwiperItem key={url}>
              <Image
                className='product__image'
                src={url}
                mode='aspectFill'
                onClick={() => previewImages(product.imageUrls, url)}
              />
            </SwiperItem>
          ))}
        </Swiper>
      )}

      <View className='product__section'>
        <Text className='price product__price'>{product.priceText}</Text>
        <View className='product__name'>{product.name}</View>
        <View className='product__meta'>
          <Text>{product.categoryName}</Text>
          <Text>已售 {product.sales}</Text>
        </View>
        {product.giftable ? (
          <View className='product__gift' data-testid='gift-badge'>
            <Text className='gift-tag'>支持送礼物</Text>
            <Text className='product__gift-note'>可选规格后送给朋友，好友填写地址后发货</Text>
          </View>
        ) : (
          <View className='product__gift product__gift--blocked' data-testid='gift-blocked'>
            <Text>不支持送礼物：{product.giftBlockedText}</Text>
          </View>
        )}
        {!product.onShelf && <View className='product__off-shelf'>该商品已下架</View>}
      </View>

      <View className='product__section'>
        <View className='product__heading'>规格（{product.skuViews.length}）</View>
        {product.skuViews.map((sku) => (
          <View
            key={sku.skuId}
            className={`product__sku${sku.inStock ? '' : ' product__sku--sold-out'}`}
            data-testid='sku'
          >
            <Text className='product__sku-specs'>{sku.specText}</Text>
            <Text className='price'>{sku.priceText}</Text>
            <Text className='product__sku-stock'>{sku.inStock ? `库存 ${sku.stock}` : '已售罄'}</Text>
          </View>
        ))}
      </View>

      {(product.description || product.detailImageUrls.length > 0) && (
        <View className='product__section'>
          <View className='product__heading'>商品详情</View>
          {product.description && <View className='product__description'>{product.description}</View>}
          {product.detailImageUrls.map((url) => (
            <Image key={url} className='product__detail-image' src={url} mode='widthFix' lazyLoad />
          ))}
        </View>
      )}
    </View>
  );
}
