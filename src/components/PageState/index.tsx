import { Text, View } from '@tarojs/components';
import { isNotFoundCode } from '@/components/StateView/failure';
import { goHome } from '@/platform/navigation';

interface Props {
  message: string;
  /** the failure's code: a NOT_FOUND code gets 返回首页 instead of the action (retrying cannot help) */
  code?: string;
  /** shown as a button when given, e.g. 重试 */
  actionText?: string;
  onAction?: () => void;
}

/** Loading / empty / error line for a page or a list; styles in app.scss (.page-state). */
export function PageState({ message, code, actionText, onAction }: Props) {
  const notFound = isNotFoundCode(code);
  const action = notFound
    ? { text: '返回首页', run: () => void goHome() }
    : actionText && onAction
      ? { text: actionText, run: onAction }
      : null;
  return (
    <View className='page-state' data-testid='page-state' data-not-found={notFound ? 'true' : undefined}>
      <Text>{message}</Text>
      {action && (
        <View>
          <Text className='page-state__action' onClick={action.run}>
            {action.text}
          </Text>
        </View>
      )}
    </View>
  );
}
