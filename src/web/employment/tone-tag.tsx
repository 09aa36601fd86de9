import { Tag } from 'antd';
import type { ReactNode } from 'react';

export type Tone = 'success' | 'warning' | 'danger' | 'info' | 'neutral';

// antd's light preset tags (orange, green, volcano) miss WCAG AA at 12px; these keep the hue with darker text.
const TONES: Record<Tone, { color: string; background: string; borderColor: string }> = {
  success: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  warning: { color: '#873800', background: '#fff7e6', borderColor: '#ffd591' },
  danger: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  info: { color: '#003eb3', background: '#e6f4ff', borderColor: '#91caff' },
  neutral: { color: '#262626', background: '#fafafa', borderColor: '#d9d9d9' },
};

/** A console tag in one of a few accessible tones. */
export function ToneTag({ tone, icon, children }: { tone: Tone; icon?: ReactNode; children: ReactNode }) {
  return (
    <Tag style={{ ...TONES[tone], marginInlineEnd: 4 }} icon={icon}>
      {children}
    </Tag>
  );
}
