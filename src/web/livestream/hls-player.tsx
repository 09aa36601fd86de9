import { useEffect, useRef } from 'react';

/**
 * Plays an HLS address in a <video>: natively where the browser can (Safari, iOS), else
 * through hls.js, loaded only when a session actually has a stream. Recovers from network
 * and media errors the way hls.js documents, so a short outage does not end the stream.
 */
export function HlsPlayer({ src, label, poster }: { src: string; label: string; poster?: string }) {
  const ref = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    const video = ref.current;
    if (!video) {
      return;
    }
    let destroyed = false;
    let destroy: (() => void) | undefined;
    if (video.canPlayType('application/vnd.apple.mpegurl')) {
      video.src = src;
      void video.play().catch(() => undefined);
      return () => {
        video.removeAttribute('src');
        video.load();
      };
    }
    void import('hls.js').then(({ default: Hls }) => {
      if (destroyed || !Hls.isSupported()) {
        return;
      }
      const hls = new Hls({ lowLatencyMode: true, backBufferLength: 30 });
      hls.on(Hls.Events.ERROR, (_event, data) => {
        if (!data.fatal) {
          return;
        }
        if (data.type === Hls.ErrorTypes.NETWORK_ERROR) {
          hls.startLoad();
        } else if (data.type === Hls.ErrorTypes.MEDIA_ERROR) {
          hls.recoverMediaError();
        } else {
          hls.destroy();
        }
      });
      hls.loadSource(src);
      hls.attachMedia(video);
      hls.on(Hls.Events.MANIFEST_PARSED, () => {
        void video.play().catch(() => undefined);
      });
      destroy = () => hls.destroy();
    });
    return () => {
      destroyed = true;
      destroy?.();
    };
  }, [src]);

  return (
    <video
      ref={ref}
      className="gy-live-video"
      aria-label={label}
      controls
      playsInline
      muted
      {...(poster ? { poster } : {})}
    />
  );
}
