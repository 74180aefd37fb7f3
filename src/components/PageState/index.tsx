import { Text, View } from '@tarojs/components';

interface Props {
  message: string;
  /** shown as a button when given, e.g. 重试 */
  actionText?: string;
  onAction?: () => void;
}

/** Loading / empty / error line for a page or a list; styles in app.scss (.page-state). */
export function PageState({ message, actionText, onAction }: Props) {
  return (
    <View className='page-state' data-testid='page-state'>
      <Text>{message}</Text>
      {actionText && onAction && (
        <View>
          <Text className='page-state__action' onClick={onAction}>
            {actionText}
          </Text>
        </View>
      )}
    </View>
  );
}
