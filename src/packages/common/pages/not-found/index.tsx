import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { goHome } from '@/platform/navigation';
import './index.scss';

/**
 * Where an unknown path lands (App onPageNotFound, src/app.ts): an old link, a mistyped address, a
 * page that was removed. Says so and leads home instead of a blank screen.
 */
export default function NotFoundPage() {
  return (
    <View className='not-found' data-testid='not-found'>
      <View className='not-found__icon'>?</View>
      <View className='not-found__title'>页面不存在</View>
      <View className='not-found__text'>你打开的链接可能已失效，或页面已下线</View>
      <View className='not-found__action'>
        <Button type='danger' shape='round' block onClick={() => void goHome()} data-testid='not-found-home'>
          返回首页
        </Button>
      </View>
    </View>
  );
}
