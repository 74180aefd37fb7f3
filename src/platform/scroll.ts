import Taro from '@tarojs/taro';

/**
 * Scrolls the page so the element with this id is in view, a little below the top (a refused field
 * must be seen with its message). weapp and H5 both take a selector.
 */
export const scrollToId = (id: string): void => {
  Taro.pageScrollTo({ selector: `#${id}`, offsetTop: -80, duration: 300 }).catch(() => undefined);
};
