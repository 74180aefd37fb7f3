export interface ExpiryCountdownProps {
  /** epoch milliseconds */
  expireAt: number;
  label?: string;
  onExpire?: () => void;
}
