/**
 * Native countdown: "剩余 hh:mm:ss" until `expire-at` (epoch milliseconds), then "已过期" and one
 * `expire` event (detail: { expireAt }). The text is the domain's formatRemaining (src/domain/countdown.ts),
 * the same function the React countdown uses: ./format.js is generated from it by scripts/build-native.ts.
 * Plain JS + WXML on purpose: it is the project's native-component example, tested with
 * miniprogram-simulate (tests/native) and compiled by wcc (tests/weapp).
 */
const { formatRemaining } = require('./format');

Component({
  options: { addGlobalClass: false },
  properties: {
    expireAt: { type: Number, value: 0, observer: 'restart' },
    label: { type: String, value: '剩余' },
  },
  data: { text: '00:00:00', expired: false },
  lifetimes: {
    attached() {
      this.isAttached = true;
      this.restart();
    },
    detached() {
      this.isAttached = false;
      this.stop();
    },
  },
  pageLifetimes: {
    // A hidden page's timers are throttled by WeChat: recompute from the clock when it shows again.
    show() {
      this.restart();
    },
    hide() {
      this.stop();
    },
  },
  methods: {
    restart() {
      this.stop();
      // The expire-at observer can run before attach; events and timers wait until the component is on the page.
      if (!this.isAttached) return;
      this.firedFor = this.firedFor === this.data.expireAt ? this.firedFor : undefined;
      this.tick();
    },
    stop() {
      if (this.timer !== undefined) clearTimeout(this.timer);
      this.timer = undefined;
    },
    tick() {
      const expireAt = this.data.expireAt;
      if (!expireAt) return;
      const remaining = expireAt - Date.now();
      if (remaining <= 0) {
        this.setData({ text: formatRemaining(0), expired: true });
        if (this.firedFor !== expireAt) {
          this.firedFor = expireAt;
          this.triggerEvent('expire', { expireAt });
        }
        return;
      }
      this.setData({ text: formatRemaining(remaining), expired: false });
      // Wake at the next whole-second boundary of the remaining time.
      const untilNextSecond = remaining % 1000 || 1000;
      this.timer = setTimeout(() => this.tick(), untilNextSecond);
    },
  },
});
