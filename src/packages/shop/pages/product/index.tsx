import { Image, Swiper, SwiperItem, Text, View } from '@tarojs/components';
import { Button, Popup } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import { RelatedGifts } from '@/components/RelatedGifts';
import { SpecSelector, type SpecChoice } from '@/components/SpecSelector';
import { StateView } from '@/components/StateView';
import { totalStock } from '@domain/product/specs';
import { enableShareMenu } from '@/platform/share';
import { previewImages, showToast } from '@/platform/feedback';
import { useRouter, useShareAppMessage } from '@/platform/lifecycle';
import { navigateTo, routes } from '@/platform/navigation';
import type { SkuView } from '@/services/shop';
import { useProductDetail } from '@/services/useProductDetail';
import { addWish } from '@/services/wishlist';
import './index.scss';

/** What the spec popup was opened for: its confirm button does that. */
type Intent = 'buy' | 'gift' | 'wish' | 'choose';

const EMPTY_CHOICE: SpecChoice<SkuView> = { sku: null, quantity: 1, missingSpecs: [] };

/**
 * 商品详情: gallery, price (a range when SKUs differ), sales and stock, gift eligibility, the spec popup,
 * description with detail images, and 立即购买 / 送给朋友. Shared as a chat card (onShareAppMessage).
 */
export default function ProductPage() {
  const productId = useRouter().params.productId ?? '';
  const { state, reload: load } = useProductDetail(productId);
  const [choice, setChoice] = useState<SpecChoice<SkuView>>(EMPTY_CHOICE);
  const [popup, setPopup] = useState<Intent | null>(null);
  // Set when 立即购买 / 送给朋友 was tapped before the choice was complete: the missing groups are marked.
  const [highlightMissing, setHighlightMissing] = useState(false);
  const [wishing, setWishing] = useState(false);

  useEffect(() => {
    enableShareMenu();
  }, []);

  useShareAppMessage(() => {
    const product = state.kind === 'ready' ? state.product : undefined;
    return {
      title: product ? `${product.name} ${product.priceText}` : '礼物商城',
      path: routes.product({ productId }),
      ...(product?.imageUrls[0] ? { imageUrl: product.imageUrls[0] } : {}),
    };
  });

  if (state.kind === 'loading') return <StateView kind='loading' skeleton='rows' />;
  if (state.kind === 'failed') {
    return (
      <StateView
        kind='error'
        message={state.message}
        code={state.code}
        actionText='重试'
        onAction={() => void load()}
      />
    );
  }

  const { product } = state;
  const stock = totalStock(product.skus);
  const buyBlocked = !product.onShelf ? '商品已下架' : stock === 0 ? '已售罄' : null;
  const chosen = choice.sku;
  // A giftable product may still have SKUs above ¥10,000: the chosen one decides.
  const giftBlocked = !product.giftable ? product.giftBlockedText : (chosen?.giftBlockedText ?? null);

  const closePopup = () => {
    setPopup(null);
    setHighlightMissing(false);
  };

  /** A tap that needs a complete choice: open the picker, say which spec is missing and mark it. */
  const askForSpecs = (intent: Intent) => {
    const missing = choice.missingSpecs.length > 0 ? choice.missingSpecs : product.specNames;
    setPopup(intent);
    setHighlightMissing(true);
    showToast(`请选择${missing.length > 0 ? missing.join('、') : '规格'}`);
  };

  const buy = () => {
    if (!chosen) {
      askForSpecs('buy');
      return;
    }
    setPopup(null);
    void navigateTo(
      routes.orderConfirm({ skuId: chosen.skuId, productId: product.productId, quantity: choice.quantity }),
    );
  };

  const gift = () => {
    if (!chosen) {
      askForSpecs('gift');
      return;
    }
    if (chosen.giftBlockedText) {
      showToast(chosen.giftBlockedText);
      return;
    }
    setPopup(null);
    void navigateTo(routes.giftSend({ productId: product.productId, skuId: chosen.skuId }));
  };

  /** 加入心愿单 with the chosen spec: friends who open the shared list can send exactly that. */
  const wish = async () => {
    if (!chosen) {
      askForSpecs('wish');
      return;
    }
    if (wishing) return;
    setWishing(true);
    const added = await addWish(chosen.skuId);
    setWishing(false);
    if (!added.ok) {
      showToast(added.message);
      return;
    }
    setPopup(null);
    showToast('已加入心愿单', 'success');
  };

  const giftButton = (
    <Button
      className='product__action product__action--gift'
      type='warning'
      disabled={Boolean(buyBlocked) || Boolean(giftBlocked)}
      onClick={gift}
    >
      送给朋友
    </Button>
  );
  const buyButton = (
    <Button className='product__action product__action--buy' type='danger' disabled={Boolean(buyBlocked)} onClick={buy}>
      {buyBlocked ?? '立即购买'}
    </Button>
  );

  return (
    <View className='product'>
      {product.imageUrls.length > 0 && (
        <Swiper className='product__gallery' indicatorDots={product.imageUrls.length > 1} circular>
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
        <Text className='price product__price' data-testid='product-price'>
          {product.priceText}
        </Text>
        <View className='product__name'>{product.name}</View>
        <View className='product__meta'>
          <Text>{product.categoryName}</Text>
          <Text>已售 {product.sales}</Text>
          <Text>{stock > 0 ? `库存 ${stock}` : '已售罄'}</Text>
        </View>
        {product.giftable ? (
          <View className='product__gift' data-testid='gift-badge'>
            <Text className='gift-tag'>支持送礼物</Text>
            <Text className='product__gift-note'>选好规格后送给朋友，好友填写地址后发货</Text>
          </View>
        ) : (
          <View className='product__gift product__gift--blocked' data-testid='gift-blocked'>
            <Text>不支持送礼物：{product.giftBlockedText}</Text>
          </View>
        )}
        {!product.onShelf && <View className='product__off-shelf'>该商品已下架</View>}
      </View>

      <View className='product__section product__spec-row' onClick={() => setPopup('choose')} data-testid='spec-row'>
        <Text className='product__spec-label'>{chosen ? '已选' : '规格'}</Text>
        <Text className='product__spec-value'>
          {chosen
            ? `${chosen.specText} × ${choice.quantity}`
            : `请选择 ${product.specNames.join(' / ') || '规格'}（${product.skuViews.length}种可选）`}
        </Text>
        <Text className='product__spec-arrow'>›</Text>
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

      {product.giftable && <RelatedGifts productId={product.productId} className='product__section' />}

      <View className='product__bar' data-testid='action-bar'>
        <View className='product__wish' onClick={() => void wish()} data-testid='wish-add'>
          <Text className='product__wish-icon'>♡</Text>
          <Text className='product__wish-text'>加入心愿单</Text>
        </View>
        {product.giftable ? (
          giftButton
        ) : (
          <Text className='product__bar-note' data-testid='gift-unavailable'>
            {product.giftBlockedText}
          </Text>
        )}
        {buyButton}
      </View>

      <Popup visible={popup !== null} position='bottom' round closeable title='选择规格' onClose={closePopup}>
        <View className='product__popup' data-testid='spec-popup'>
          <SpecSelector
            specNames={product.specNames}
            skus={product.skuViews}
            initialSkuId={chosen?.skuId}
            // A gift to one friend is one item: no stepper when the popup was opened to send a gift.
            {...(popup === 'gift' || popup === 'wish' ? { fixedQuantity: 1 } : {})}
            highlightMissing={highlightMissing}
            onChange={setChoice}
          />
          {popup === 'choose' && product.giftable && choice.quantity > 1 && (
            <View className='product__popup-note' data-testid='gift-quantity-note'>
              购买数量仅用于立即购买，送给朋友为 1 件
            </View>
          )}
          {chosen && giftBlocked && product.giftable && (
            <View className='product__popup-note' data-testid='sku-gift-blocked'>
              该规格不支持送礼物：{giftBlocked}
            </View>
          )}
          <View className='product__popup-actions'>
            {popup === 'buy' ? (
              buyButton
            ) : popup === 'wish' ? (
              <Button
                className='product__action'
                type='primary'
                loading={wishing}
                onClick={() => void wish()}
                data-testid='wish-confirm'
              >
                加入心愿单
              </Button>
            ) : popup === 'gift' ? (
              giftButton
            ) : (
              <>
                {product.giftable && giftButton}
                {buyButton}
              </>
            )}
          </View>
        </View>
      </Popup>
    </View>
  );
}
