import { Image, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useCallback, useEffect, useState } from 'react';
import { PageState } from '@/components/PageState';
import { WishlistErrors } from '@domain/wishlist/errors';
import { showToast } from '@/platform/feedback';
import { useDidShow, useRouter } from '@/platform/lifecycle';
import { goHome, navigateTo, openProduct, routes, setPageTitle } from '@/platform/navigation';
import { openWishlist, type SharedWishItemView, type SharedWishlistView } from '@/services/wishlist';
import './index.scss';

type LoadState =
  { kind: 'loading' } | { kind: 'ready'; list: SharedWishlistView } | { kind: 'failed'; code: string; message: string };

/**
 * A friend's wish list, opened from the shared card: read-only. Each wish → 送给TA opens the usual send
 * page with the SKU chosen and the list's token (送给TA, then 支付并送出); a wish a friend is already
 * preparing shows 已有好友准备 (never who) and cannot be picked, and says why.
 */
export default function WishlistSharedPage() {
  const token = useRouter().params.token ?? '';
  const [state, setState] = useState<LoadState>({ kind: 'loading' });

  const load = useCallback(
    async (quiet = false) => {
      if (!token) {
        setState({ kind: 'failed', ...WishlistErrors.NOT_FOUND });
        return;
      }
      if (!quiet) setState({ kind: 'loading' });
      const answer = await openWishlist(token);
      if (answer.ok) {
        setState({ kind: 'ready', list: answer.data });
        void setPageTitle(answer.data.isOwner ? '我的心愿单' : `${answer.data.ownerNickname}的心愿单`);
      } else if (!quiet) setState({ kind: 'failed', code: answer.code, message: answer.message });
    },
    [token],
  );

  useEffect(() => {
    void load();
  }, [load]);
  // Back from the send page: another friend (or this one) may have picked a wish meanwhile.
  useDidShow(() => {
    if (state.kind === 'ready') void load(true);
  });

  if (state.kind === 'loading') return <PageState message='加载中…' />;
  if (state.kind === 'failed')
    return <PageState message={state.message} code={state.code} actionText='重试' onAction={() => void load()} />;
  const { list } = state;
  const { preferences } = list;
  const facts = [
    ['尺码', preferences.sizes],
    ['喜欢', preferences.likes],
    ['不喜欢', preferences.dislikes],
  ].filter(([, value]) => value);

  const giftOf = (item: SharedWishItemView) => {
    const { action } = item;
    if (list.isOwner) return null;
    if (action.kind === 'gift')
      return (
        <Button
          className='wish__gift'
          type='danger'
          size='small'
          shape='round'
          onClick={() =>
            void navigateTo(routes.giftSend({ productId: item.productId, skuId: item.skuId, wishlistToken: token }))
          }
          data-testid='wish-gift'
        >
          送给TA
        </Button>
      );
    return (
      <Text
        className={action.kind === 'beingGifted' ? 'wish__taken' : 'wish__unavailable'}
        onClick={() => showToast(action.reason)}
        data-testid={action.kind === 'beingGifted' ? 'wish-taken' : 'wish-unavailable'}
      >
        {action.kind === 'beingGifted' ? action.label : '暂不能送'}
      </Text>
    );
  };

  return (
    <View className='wishlist'>
      <View className='wishlist__banner'>
        <View className='wishlist__title' data-testid='wishlist-owner'>
          {list.isOwner ? '这是你的心愿单' : `${list.ownerNickname}的心愿单`}
        </View>
        <View className='wishlist__hint'>
          {list.isOwner
            ? '好友打开这个链接，就能从这里送你礼物。谁在准备礼物，你收到前不会知道。'
            : `挑一件送给TA：点「送给TA」写好赠言、付款，把礼物卡片发给TA。已有好友在准备的心愿会标出「已有好友准备」，不会显示是谁。`}
        </View>
        {list.isOwner && (
          <Text className='wishlist__more' onClick={() => void navigateTo(routes.wishlistMine({}))}>
            管理我的心愿单 ›
          </Text>
        )}
      </View>

      {(preferences.categories.length > 0 || facts.length > 0) && (
        <View className='wishlist__section' data-testid='wishlist-preferences'>
          <View className='wishlist__heading'>{list.isOwner ? '我的喜好' : 'TA的喜好'}</View>
          {preferences.categories.length > 0 && (
            <View className='wishlist__chips'>
              {preferences.categories.map((category) => (
                <Text key={category.categoryId} className='wishlist__chip wishlist__chip--on'>
                  {category.name}
                </Text>
              ))}
            </View>
          )}
          {facts.map(([name, value]) => (
            <View key={name} className='wishlist__facts'>
              {name}：{value}
            </View>
          ))}
        </View>
      )}

      <View className='wishlist__section'>
        <View className='wishlist__heading'>心愿（{list.items.length}）</View>
        {list.items.length === 0 ? (
          <View className='wishlist__empty' data-testid='wishlist-empty'>
            {list.isOwner ? '心愿单还是空的' : 'TA的心愿单还是空的，去商城看看别的礼物吧'}
          </View>
        ) : (
          list.items.map((item) => (
            <View key={item.skuId} className='wish' data-testid='wish-item'>
              <Image
                className='wish__image'
                src={item.imageUrl}
                mode='aspectFill'
                onClick={() => void openProduct(item.productId)}
              />
              <View className='wish__body'>
                <View className='wish__name' onClick={() => void openProduct(item.productId)}>
                  {item.name}
                </View>
                {item.specText && <View className='wish__spec'>{item.specText}</View>}
                {item.note && <View className='wish__note'>TA的备注：{item.note}</View>}
                {!list.isOwner && item.action.kind !== 'gift' && (
                  <View className='wish__reason' data-testid='wish-reason'>
                    {item.action.reason}
                  </View>
                )}
                <View className='wish__footer'>
                  <Text className='price'>{item.priceText}</Text>
                  {giftOf(item)}
                </View>
              </View>
            </View>
          ))
        )}
      </View>

      <View className='wishlist__footer-link' onClick={() => void goHome()} data-testid='wishlist-home'>
        去商城逛逛 ›
      </View>
    </View>
  );
}
