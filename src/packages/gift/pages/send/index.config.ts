export default definePageConfig({
  navigationBarTitleText: '送给朋友',
});
