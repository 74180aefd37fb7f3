import { Image, Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { PageState } from '@/components/PageState';
import type { WishlistShare } from '@domain/wishlist/rules';
import {
  checkPreferences,
  PREFERENCE_DISLIKES_MAX_CHARS,
  PREFERENCE_LIKES_MAX_CHARS,
  PREFERENCE_SIZES_MAX_CHARS,
  PREFERRED_CATEGORIES_MAX,
} from '@domain/wishlist/rules';
import { copyText } from '@/platform/clipboard';
import { confirmAction, showToast } from '@/platform/feedback';
import { useDidShow, useShareAppMessage } from '@/platform/lifecycle';
import { goHome, openProduct, routes } from '@/platform/navigation';
import { canShareAsChatCard, webLinkTo } from '@/platform/share';
import { listCategories, type CategoryView } from '@/services/shop';
import {
  myWishlist,
  removeWish,
  savePreferences,
  shareWishlist,
  type MyWishlistView,
  type PreferencesDraft,
} from '@/services/wishlist';
import './index.scss';

type LoadState =
  { kind: 'loading' } | { kind: 'ready'; list: MyWishlistView } | { kind: 'failed'; code: string; message: string };

const SHARE_TITLE = '我的心愿单，送礼物不用猜';

const draftOf = (list: MyWishlistView): PreferencesDraft => ({
  categoryIds: list.preferences.categories.map((category) => category.categoryId),
  sizes: list.preferences.sizes,
  likes: list.preferences.likes,
  dislikes: list.preferences.dislikes,
});

/**
 * 我的心愿单 (from 我的): the wishes (remove), what I like (categories, sizes, likes and dislikes such as
 * 不吃甜食) and 分享给好友. Nothing here says whether someone is preparing a gift: that stays a surprise.
 */
export default function WishlistMinePage() {
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  const [categories, setCategories] = useState<CategoryView[]>([]);
  const [draft, setDraft] = useState<PreferencesDraft>({ categoryIds: [], sizes: '', likes: '', dislikes: '' });
  const [preferenceProblem, setPreferenceProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [share, setShare] = useState<WishlistShare | null>(null);
  const [shareProblem, setShareProblem] = useState<string | null>(null);
  const [copyResult, setCopyResult] = useState<string | null>(null);
  const shareRef = useRef<WishlistShare | null>(null);
  shareRef.current = share;

  const load = useCallback(async (quiet = false) => {
    if (!quiet) setState({ kind: 'loading' });
    const answer = await myWishlist();
    if (answer.ok) {
      setState({ kind: 'ready', list: answer.data });
      // the form follows what is stored unless the person is editing it
      if (!quiet) setDraft(draftOf(answer.data));
    } else if (!quiet) setState({ kind: 'failed', code: answer.code, message: answer.message });
  }, []);

  const prepareShare = useCallback(async () => {
    setShareProblem(null);
    const answer = await shareWishlist();
    if (answer.ok) setShare(answer.data);
    else setShareProblem(answer.message);
  }, []);

  useEffect(() => {
    void load();
    void prepareShare();
    void listCategories().then((answer) => {
      if (answer.ok) setCategories(answer.data);
    });
  }, [load, prepareShare]);
  // Back from a product page: a wish may have been added meanwhile.
  useDidShow(() => {
    if (state.kind === 'ready') void load(true);
  });

  useShareAppMessage(() => {
    const current = shareRef.current;
    return current ? { title: SHARE_TITLE, path: current.sharePath } : { title: '礼物商城', path: routes.home() };
  });

  if (state.kind === 'loading') return <PageState message='加载中…' />;
  if (state.kind === 'failed')
    return <PageState message={state.message} code={state.code} actionText='重试' onAction={() => void load()} />;
  const { list } = state;

  const remove = async (skuId: string, name: string) => {
    if (!(await confirmAction('移除心愿', `确定从心愿单移除「${name}」吗？`, '移除'))) return;
    const answer = await removeWish(skuId);
    if (answer.ok) {
      setState({ kind: 'ready', list: answer.data });
      showToast('已移除');
    } else showToast(answer.message);
  };

  const toggleCategory = (categoryId: string) => {
    setPreferenceProblem(null);
    setDraft((current) => {
      const chosen = current.categoryIds.includes(categoryId);
      if (!chosen && current.categoryIds.length >= PREFERRED_CATEGORIES_MAX) {
        setPreferenceProblem(`喜欢的分类最多选${PREFERRED_CATEGORIES_MAX}个`);
        return current;
      }
      return {
        ...current,
        categoryIds: chosen
          ? current.categoryIds.filter((id) => id !== categoryId)
          : [...current.categoryIds, categoryId],
      };
    });
  };
  const editText = (key: 'sizes' | 'likes' | 'dislikes') => (value: string) => {
    setPreferenceProblem(null);
    setDraft((current) => ({ ...current, [key]: value }));
  };

  const save = async () => {
    // the domain's own rules first, so the page refuses exactly what the function would
    const checked = checkPreferences(draft);
    if (!checked.ok) {
      setPreferenceProblem(checked.message);
      return;
    }
    setSaving(true);
    const answer = await savePreferences(draft);
    setSaving(false);
    if (!answer.ok) {
      setPreferenceProblem(answer.message);
      return;
    }
    setState({ kind: 'ready', list: answer.data });
    setDraft(draftOf(answer.data));
    showToast('偏好已保存', 'success');
  };

  const link = share ? webLinkTo(share.sharePath) : null;
  const copyLink = async () => {
    if (!link) return;
    setCopyResult((await copyText(link)) ? '链接已复制，发给好友吧' : '复制失败，请长按上面的链接手动复制');
  };

  return (
    <View className='wishlist'>
      <View className='wishlist__section' data-testid='wishlist-share'>
        <View className='wishlist__heading'>分享给好友</View>
        <View className='wishlist__hint'>
          好友打开后可以直接送你其中一件。谁在为你准备礼物、准备了哪件，收到礼物前你都不会知道。
        </View>
        {shareProblem && (
          <View className='wishlist__error' onClick={() => void prepareShare()}>
            {shareProblem}（点此重试）
          </View>
        )}
        {canShareAsChatCard() ? (
          <Button
            className='wishlist__button'
            type='danger'
            shape='round'
            block
            openType='share'
            disabled={!share}
            data-testid='wishlist-share-button'
          >
            {share ? '分享给好友' : '正在准备…'}
          </Button>
        ) : (
          <>
            {link && (
              <Text className='wishlist__link' userSelect data-testid='wishlist-share-link'>
                {link}
              </Text>
            )}
            <Button
              className='wishlist__button'
              type='danger'
              shape='round'
              block
              disabled={!link}
              onClick={() => void copyLink()}
              data-testid='wishlist-copy-link'
            >
              复制链接
            </Button>
            {copyResult && (
              <View className='wishlist__copied' data-testid='wishlist-copy-result'>
                {copyResult}
              </View>
            )}
          </>
        )}
      </View>

      <View className='wishlist__section'>
        <View className='wishlist__heading'>我想要的（{list.items.length}）</View>
        {list.items.length === 0 ? (
          <View className='wishlist__empty' data-testid='wishlist-empty'>
            <View>心愿单还是空的：在商品页选好规格，点「加入心愿单」。</View>
            <Text className='wishlist__more' onClick={() => void goHome()}>
              去逛逛 ›
            </Text>
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
                {item.note && <View className='wish__note'>备注：{item.note}</View>}
                {item.giftBlockedText && (
                  <View className='wish__blocked' data-testid='wish-blocked'>
                    好友暂不能送：{item.giftBlockedText}
                  </View>
                )}
                <View className='wish__footer'>
                  <Text className='price'>{item.priceText}</Text>
                  <Text
                    className='wish__remove'
                    onClick={() => void remove(item.skuId, item.name)}
                    data-testid='wish-remove'
                  >
                    移除
                  </Text>
                </View>
              </View>
            </View>
          ))
        )}
      </View>

      <View className='wishlist__section' data-testid='wishlist-preferences'>
        <View className='wishlist__heading'>我的喜好</View>
        <View className='wishlist__hint'>好友打开心愿单时能看到，帮 TA 挑到你真正喜欢的。</View>
        <View className='wishlist__label'>喜欢的分类</View>
        <View className='wishlist__chips'>
          {categories.map((category) => (
            <Text
              key={category.categoryId}
              className={`wishlist__chip${draft.categoryIds.includes(category.categoryId) ? ' wishlist__chip--on' : ''}`}
              onClick={() => toggleCategory(category.categoryId)}
              data-testid='preference-category'
            >
              {category.name}
            </Text>
          ))}
        </View>
        <View className='wishlist__line'>
          <Text className='wishlist__label'>尺码</Text>
          <Input
            className='wishlist__input'
            value={draft.sizes}
            placeholder={`如：衣服M码，鞋38码（${PREFERENCE_SIZES_MAX_CHARS}字内）`}
            onChange={editText('sizes')}
            data-testid='preference-sizes'
          />
        </View>
        <View className='wishlist__line'>
          <Text className='wishlist__label'>喜欢</Text>
          <Input
            className='wishlist__input'
            value={draft.likes}
            placeholder={`如：香薰、绿植（${PREFERENCE_LIKES_MAX_CHARS}字内）`}
            onChange={editText('likes')}
            data-testid='preference-likes'
          />
        </View>
        <View className='wishlist__line'>
          <Text className='wishlist__label'>不喜欢</Text>
          <Input
            className='wishlist__input'
            value={draft.dislikes}
            placeholder={`如：不吃甜食（${PREFERENCE_DISLIKES_MAX_CHARS}字内）`}
            onChange={editText('dislikes')}
            data-testid='preference-dislikes'
          />
        </View>
        {preferenceProblem && (
          <View className='wishlist__error' data-testid='preference-error'>
            {preferenceProblem}
          </View>
        )}
        <Button
          className='wishlist__button'
          type='primary'
          shape='round'
          block
          loading={saving}
          disabled={saving}
          onClick={() => void save()}
          data-testid='preference-save'
        >
          保存喜好
        </Button>
      </View>
    </View>
  );
}
