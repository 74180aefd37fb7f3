/**
 * H5 only: a small floating switcher to act as one of the local cloud's dev users (GET /_dev/users).
 * The choice is kept in localStorage and sent as X-WX-OPENID by src/platform/cloudTransport.h5.ts;
 * switching reloads the page so every screen is fetched again as the new user.
 * Mounted outside Taro's page tree (its own React root on <body>), so pages never know it exists.
 */
import { useEffect, useState, type CSSProperties } from 'react';
import { createRoot } from 'react-dom/client';
import { chooseDevOpenid, currentDevOpenid, fetchDevUsers, type DevUser } from '@/platform/devUser.h5';

const ROOT_ID = 'dev-user-switcher';

export function DevUserSwitcher({ onSwitched }: { onSwitched: () => void }) {
  const [users, setUsers] = useState<DevUser[]>([]);
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const current = currentDevOpenid();

  useEffect(() => {
    fetchDevUsers()
      .then(setUsers)
      .catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));
  }, []);

  const currentName = users.find((user) => user.openid === current)?.nickName ?? current;

  return (
    <div style={styles.box} data-testid='dev-user-switcher'>
      {/* An icon only while closed: a label would cover the pages' chips and buttons on this edge. */}
      <button
        type='button'
        style={styles.toggle}
        onClick={() => setOpen(!open)}
        aria-expanded={open}
        aria-label={`身份：${currentName}`}
        title={`身份：${currentName}`}
      >
        {open ? `身份：${currentName}` : '👤'}
      </button>
      {open && (
        <div style={styles.menu} role='menu'>
          {problem && <div style={styles.problem}>读取开发用户失败：{problem}</div>}
          {users.map((user) => (
            <button
              key={user.openid}
              type='button'
              role='menuitemradio'
              aria-checked={user.openid === current}
              style={user.openid === current ? { ...styles.item, ...styles.itemCurrent } : styles.item}
              onClick={() => {
                chooseDevOpenid(user.openid);
                setOpen(false);
                onSwitched();
              }}
            >
              {user.nickName}
              <span style={styles.openid}>{user.openid}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

export function mountDevTools(): void {
  if (typeof document === 'undefined' || document.getElementById(ROOT_ID)) return;
  const container = document.createElement('div');
  container.id = ROOT_ID;
  document.body.appendChild(container);
  createRoot(container).render(<DevUserSwitcher onSwitched={() => window.location.reload()} />);
}

const styles = {
  // Left edge, mid-height: bottom bars (提交订单, 申请售后 …) and the top search boxes stay uncovered.
  box: { position: 'fixed', left: 0, top: '45%', zIndex: 10000, fontSize: 12, fontFamily: 'sans-serif' },
  toggle: {
    padding: '4px 8px',
    border: 'none',
    borderRadius: '0 12px 12px 0',
    background: 'rgba(0,0,0,0.55)',
    color: '#fff',
    cursor: 'pointer',
  },
  menu: {
    position: 'absolute',
    left: 0,
    top: 28,
    minWidth: 160,
    padding: 4,
    borderRadius: 8,
    background: '#fff',
    boxShadow: '0 2px 12px rgba(0,0,0,0.2)',
  },
  item: {
    display: 'flex',
    justifyContent: 'space-between',
    gap: 8,
    width: '100%',
    padding: '6px 8px',
    border: 'none',
    background: 'transparent',
    textAlign: 'left',
    cursor: 'pointer',
  },
  itemCurrent: { background: '#fdecec', color: '#e4393c' },
  openid: { color: '#999' },
  problem: { padding: 6, color: '#e4393c' },
} satisfies Record<string, CSSProperties>;
