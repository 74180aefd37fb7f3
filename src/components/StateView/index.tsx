import { View } from '@tarojs/components';
import { Button, Empty, Skeleton } from '@nutui/nutui-react-taro';
import { goHome } from '@/platform/navigation';
import { isNotFoundCode } from './failure';
import './index.scss';

interface Props {
  kind: 'loading' | 'empty' | 'error';
  message?: string;
  /**
   * the error's code: a NOT_FOUND code (the product, order or gift does not exist) gets 返回首页 instead
   * of the action, because trying again cannot help
   */
  code?: string;
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
export function StateView({ kind, message, code, actionText, onAction, skeleton = 'grid' }: Props) {
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
  const notFound = kind === 'error' && isNotFoundCode(code);
  const action = notFound
    ? { text: '返回首页', run: () => void goHome() }
    : actionText && onAction
      ? { text: actionText, run: onAction }
      : null;
  return (
    <View className='state-view' data-testid={`state-${kind}`} data-not-found={notFound ? 'true' : undefined}>
      <Empty
        image={
          <View className={`state-view__icon state-view__icon--${kind}`}>
            {notFound ? '?' : kind === 'error' ? '!' : '∅'}
          </View>
        }
        imageSize={64}
        title={message ?? (kind === 'error' ? '加载失败' : '暂无内容')}
        size='small'
      />
      {action && (
        <View className='state-view__action'>
          <Button size='small' fill='outline' onClick={action.run}>
            {action.text}
          </Button>
        </View>
      )}
    </View>
  );
}
