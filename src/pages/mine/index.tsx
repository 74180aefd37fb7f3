import { Text, View } from '@tarojs/components';
import { showToast } from '../../platform/feedback';
import './index.scss';

const orderShortcuts = [
  { key: 'pendingPayment', title: '待付款' },
  { key: 'pendingShipment', title: '待发货' },
  { key: 'shipped', title: '待收货' },
  { key: 'completed', title: '已完成' },
  { key: 'afterSale', title: '退款/售后' },
];

const comingSoon = (title: string) => () => showToast(`「${title}」即将开放`);

/** 我的: who is signed in and the entries to orders (the order pages arrive with the order feature). */
export default function MinePage() {
  return (
    <View className='mine'>
      <View className='mine__user'>
        <View className='mine__avatar'>礼</View>
        <View>
          <View className='mine__name'>微信用户</View>
          <View className='mine__hint'>已通过微信身份登录，无需注册</View>
        </View>
      </View>

      <View className='mine__card'>
        <View className='mine__card-header' onClick={comingSoon('全部订单')}>
          <Text className='mine__heading'>我的订单</Text>
          <Text className='mine__more'>全部订单（即将开放）</Text>
        </View>
        <View className='mine__shortcuts'>
          {orderShortcuts.map((shortcut) => (
            <View key={shortcut.key} className='mine__shortcut' onClick={comingSoon(shortcut.title)}>
              {shortcut.title}
            </View>
          ))}
        </View>
      </View>
    </View>
  );
}
