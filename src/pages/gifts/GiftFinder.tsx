import { Image, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { FinderChips, type FinderChoice } from '@/components/FinderChips';
import { navigateTo, openProduct, routes } from '@/platform/navigation';
import { listSeasonal, type SeasonalView } from '@/services/finder';

/**
 * The top of the 礼物 tab: pick who / occasion / budget and open 礼物推荐 (packages/finder), the way to
 * the rankings, and the festival collections showing now. Results live in the subpackage: the tab stays light.
 */
export function GiftFinder() {
  const [choice, setChoice] = useState<FinderChoice>({});
  const [seasons, setSeasons] = useState<SeasonalView[]>([]);

  // once per visit of the tab page (a season lasts weeks): the tab's own useDidShow reloads only its lists
  useEffect(() => {
    void listSeasonal().then((answer) => {
      // the collections are extras: a failure leaves them out rather than blocking the tab
      if (answer.ok) setSeasons(answer.data.filter((season) => season.items.length > 0));
    });
  }, []);

  const find = () =>
    void navigateTo(
      routes.finderIdeas({ recipient: choice.recipient, occasion: choice.occasion, priceBand: choice.priceBand }),
    );

  return (
    <>
      <View className='gifts__card gifts__finder' data-testid='gift-finder'>
        <View className='gifts__finder-head'>
          <View className='gifts__heading'>帮你挑礼物</View>
          <Text
            className='gifts__finder-link'
            onClick={() => void navigateTo(routes.finderRanking())}
            data-testid='open-ranking'
          >
            送礼排行榜 ›
          </Text>
        </View>
        <FinderChips choice={choice} onChange={setChoice} />
        <View className='gifts__finder-button' onClick={find} data-testid='finder-go'>
          找礼物
        </View>
      </View>
      {seasons.map((season) => (
        <View key={season.seasonId} className='gifts__card gifts__season' data-testid='seasonal-collection'>
          <View className='gifts__heading'>
            {season.title}
            <Text className='gifts__season-sub'> {season.subtitle}</Text>
          </View>
          <View className='gifts__season-items'>
            {season.items.slice(0, 4).map((item) => (
              <View
                key={item.productId}
                className='gifts__season-item'
                onClick={() => void openProduct(item.productId)}
              >
                <Image className='gifts__season-image' src={item.imageUrl} mode='aspectFill' />
                <View className='gifts__season-name'>{item.name}</View>
                <Text className='price gifts__season-price'>{item.priceText}</Text>
              </View>
            ))}
          </View>
        </View>
      ))}
    </>
  );
}
