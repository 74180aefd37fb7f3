import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { useDidShow } from '@/platform/lifecycle';
import { navigateTo, routes, switchToTab } from '@/platform/navigation';
import { whoAmI } from '@/services/merchant';
import { ORDER_TABS } from '@/services/order';
import { DEFAULT_NICKNAME, getProfile } from '@/services/user';
import './index.scss';

// 我的 shows the status entries; 全部 is the header link.
const statusEntries = ORDER_TABS.filter((tab) => tab.status !== undefined);

/** 我的: who is signed in and the entries to my orders by status. */
export default function MinePage() {
  const [nickname, setNickname] = useState(DEFAULT_NICKNAME);
  // 店铺管理 only for openids in `merchants`: the merchant function says so (and checks it on every call).
  const [isMerchant, setIsMerchant] = useState(false);
  useDidShow(() => {
    void getProfile().then((answer) => {
      if (answer.ok) setNickname(answer.data.nickname);
    });
    void whoAmI().then((answer) => setIsMerchant(answer.ok && answer.data.isMerchant));
  });

  return (
    <View className='mine'>
      <View className='mine__user'>
        <View className='mine__avatar'>礼</View>
        <View>
          <View className='mine__name' data-testid='mine-nickname'>
            {nickname}
          </View>
          <View className='mine__hint'>已通过微信身份登录，无需注册</View>
        </View>
      </View>

      {isMerchant && (
        <View className='mine__card'>
          <View
            className='mine__card-header'
            onClick={() => void navigateTo(routes.merchantHome())}
            data-testid='mine-merchant'
          >
            <Text className='mine__heading'>店铺管理</Text>
            <Text className='mine__more'>发货 · 售后 · 商品 · 数据 ›</Text>
          </View>
        </View>
      )}

      <View className='mine__card'>
        <View
          className='mine__card-header'
          onClick={() => void navigateTo(routes.orderList())}
          data-testid='mine-all-orders'
        >
          <Text className='mine__heading'>我的订单</Text>
          <Text className='mine__more'>全部订单 ›</Text>
        </View>
        <View className='mine__shortcuts'>
          {statusEntries.map((entry) => (
            <View
              key={entry.key}
              className='mine__shortcut'
              data-testid={`mine-orders-${entry.key}`}
              onClick={() => void navigateTo(routes.orderList({ status: entry.key }))}
            >
              <View className={`mine__shortcut-icon mine__shortcut-icon--${entry.key}`} />
              {entry.title}
            </View>
          ))}
        </View>
      </View>

      <View className='mine__card'>
        <View className='mine__card-header' onClick={() => void switchToTab(routes.gifts())} data-testid='mine-gifts'>
          <Text className='mine__heading'>我的礼物</Text>
          <Text className='mine__more'>我送出的 · 我收到的 ›</Text>
        </View>
      </View>

      <View className='mine__card'>
        <View
          className='mine__card-header'
          onClick={() => void navigateTo(routes.wishlistMine({}))}
          data-testid='mine-wishlist'
        >
          <Text className='mine__heading'>我的心愿单</Text>
          <Text className='mine__more'>想要的礼物 · 分享给好友 ›</Text>
        </View>
      </View>
    </View>
  );
}
