import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ExpiryCountdown } from '../../components/ExpiryCountdown';
import { GIFT_MAX_UNIT_PRICE_FEN, GIFT_TTL_MS, giftExpiresAt } from '../../domain/gift/rules';
import { formatFen } from '../../domain/money';
import { showToast } from '../../platform/feedback';
import { useDidShow } from '../../platform/lifecycle';
import { Routes, switchToTab } from '../../platform/navigation';
import './index.scss';

const TTL_HOURS = GIFT_TTL_MS / 3_600_000;

const steps = [
  { title: '挑选礼物', text: '在带有「支持送礼物」标记的商品里选好规格，点「送给朋友」。' },
  { title: '写赠言并付款', text: '赠言最多 100 字，可附收礼人称呼和落款，商家会打印成贺卡随礼物寄出。' },
  { title: '发给好友', text: '付款后把礼物卡片发到好友或群聊。卡片发出后不能撤回，也不能被转赠。' },
  { title: '好友收下', text: '好友填写收货地址、确认收下，可换成同价位的其他规格，商家随即发货。' },
];

const rules = [
  `送给一位好友是 1 件；发到群聊可送多件，每人最多领 1 件，先到先得。`,
  `珠宝首饰、教育培训类商品不支持送礼物；所选规格单价不超过 ${formatFen(GIFT_MAX_UNIT_PRICE_FEN)}。`,
  `付款后 ${TTL_HOURS} 小时内无人领取，礼物自动失效，款项原路退回。好友也可以婉拒，婉拒后立即退款。`,
  '你不需要、也看不到好友的收货地址和电话，只有好友本人和发货商家可见。',
  '退换货由收礼人向商家发起，退款回到送礼人的支付账户，送礼人可查看售后进度。',
];

const giftLists = [
  { key: 'sent', title: '我送出的礼物', text: '查看领取状态和剩余时间' },
  { key: 'received', title: '我收到的礼物', text: '查看好友送你的礼物和物流' },
];

/** 礼物 tab: how gifting works, the rules, and the entries to the gift lists (built in later issues). */
export default function GiftsPage() {
  // The example countdown starts from when the page is shown: "a gift paid now would expire at…".
  const [shownAt, setShownAt] = useState(() => Date.now());
  useDidShow(() => setShownAt(Date.now()));

  return (
    <View className='gifts'>
      <View className='gifts__hero'>
        <View className='gifts__title'>把心意送给朋友</View>
        <View className='gifts__subtitle'>你付款，好友填地址，商家直接寄到好友手里</View>
      </View>

      <View className='gifts__card'>
        <View className='gifts__heading'>我的礼物</View>
        {giftLists.map((entry) => (
          <View
            key={entry.key}
            className='gifts__entry'
            onClick={() => showToast(`「${entry.title}」即将开放`)}
            data-testid={`gift-entry-${entry.key}`}
          >
            <View>
              <View className='gifts__entry-title'>{entry.title}</View>
              <View className='gifts__entry-text'>{entry.text}</View>
            </View>
            <Text className='gifts__soon'>即将开放</Text>
          </View>
        ))}
      </View>

      <View className='gifts__card'>
        <View className='gifts__heading'>怎么送</View>
        {steps.map((step, index) => (
          <View key={step.title} className='gifts__step'>
            <Text className='gifts__step-number'>{index + 1}</Text>
            <View>
              <View className='gifts__step-title'>{step.title}</View>
              <View className='gifts__step-text'>{step.text}</View>
            </View>
          </View>
        ))}
      </View>

      <View className='gifts__card'>
        <View className='gifts__heading'>领取时限</View>
        <View className='gifts__step-text'>
          礼物从付款起 {TTL_HOURS} 小时内有效。比如此刻付款的礼物，好友领取的时间还有：
        </View>
        <View className='gifts__countdown'>
          <ExpiryCountdown key={shownAt} expireAt={giftExpiresAt(shownAt)} label='剩余' />
        </View>
      </View>

      <View className='gifts__card'>
        <View className='gifts__heading'>送礼规则</View>
        {rules.map((rule) => (
          <View key={rule} className='gifts__rule'>
            {rule}
          </View>
        ))}
      </View>

      <View className='gifts__action' onClick={() => void switchToTab(Routes.home)}>
        去挑选可以送的礼物
      </View>
    </View>
  );
}
