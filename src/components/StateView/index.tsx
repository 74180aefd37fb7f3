import { View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import Empty from '@nutui/nutui-react-taro/dist/es/packages/empty';
import Skeleton from '@nutui/nutui-react-taro/dist/es/packages/skeleton';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/style.css';
import '@nutui/nutui-react-taro/dist/es/packages/empty/style/style.css';
import '@nutui/nutui-react-taro/dist/es/packages/skeleton/style/style.css';
import './index.scss';

interface Props {
  kind: 'loading' | 'empty' | 'error';
  message?: string;
  /** a button under an empty/error state, e.g. 重试 */
  actionText?: string;
  onAction?: () => void;
  /** skeleton look: product cards (default) or list rows */
  skeleton?: 'grid' | 'rows';
}

/**
 * Loading skeletons, empty and error states for lists and pages (NutUI Skeleton / Empty). Empty gets
 * a drawn icon instead of NutUI's default picture, which is hosted on a CDN the mini program cannot reach.
 */
export function StateView({ kind, message, actionText, onAction, skeleton = 'grid' }: Props) {
  if (kind === 'loading') {
    return (
      <View className={`state-view state-view--${skeleton}`} data-testid='state-loading' aria-label='加载中'>
        {[0, 1, 2, 3].map((index) => (
          <View key={index} className='state-view__card'>
            {skeleton === 'grid' && <View className='state-view__image' />}
            <Skeleton rows={2} animated />
          </View>
        ))}
      </View>
    );
  }
  return (
    <View className='state-view' data-testid={`state-${kind}`}>
      <Empty
        image={<View className={`state-view__icon state-view__icon--${kind}`}>{kind === 'error' ? '!' : '∅'}</View>}
        imageSize={64}
        title={message ?? (kind === 'error' ? '加载失败' : '暂无内容')}
        size='small'
      />
      {actionText && onAction && (
        <View className='state-view__action'>
          <Button size='small' fill='outline' onClick={onAction}>
            {actionText}
          </Button>
        </View>
      )}
    </View>
  );
}
