import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import iconUrl from 'leaflet/dist/images/marker-icon.png';
import iconRetinaUrl from 'leaflet/dist/images/marker-icon-2x.png';
import shadowUrl from 'leaflet/dist/images/marker-shadow.png';
import { useEffect, useRef, useState } from 'react';
import type { MapTiles } from './employment.api.ts';

export interface MapPoint {
  id: string;
  name: string;
  lat: number;
  lng: number;
  /** A second line in the marker's popup (e.g. the distance). */
  detail?: string;
}

export interface ServicePointMapProps {
  tiles: MapTiles;
  points: readonly MapPoint[];
  /** The person's position (worker app), drawn as a dot. */
  me?: { lat: number; lng: number; label: string } | undefined;
  /** The map's accessible name. */
  label: string;
  height?: number;
}

// Bundlers break Leaflet's guess of its image folder, so the marker names its images itself.
const pointIcon = L.icon({
  iconUrl,
  iconRetinaUrl,
  shadowUrl,
  iconSize: [25, 41],
  iconAnchor: [12, 41],
  popupAnchor: [1, -34],
  tooltipAnchor: [16, -28],
  shadowSize: [41, 41],
});

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Service points on a map from the deployment's tile server (MAP_TILE_URL). Coordinates are
 * drawn as stored (WGS-84); see the employment README for GCJ-02 tile servers.
 */
export function ServicePointMap({ tiles, points, me, label, height = 280 }: ServicePointMapProps) {
  const container = useRef<HTMLElement>(null);
  // The map is state, not a ref: when it is made again (another tile server) the markers follow.
  const [map, setMap] = useState<L.Map | null>(null);
  const { tileUrl, maxZoom, attribution } = tiles;
  const subdomains = tiles.subdomains.join(',');

  useEffect(() => {
    if (!container.current) {
      return;
    }
    const created = L.map(container.current, { scrollWheelZoom: false, attributionControl: true });
    created.attributionControl.setPrefix('Leaflet');
    L.tileLayer(tileUrl, {
      maxZoom,
      ...(subdomains ? { subdomains: subdomains.split(',') } : {}),
      ...(attribution ? { attribution: escapeHtml(attribution) } : {}),
    }).addTo(created);
    setMap(created);
    return () => {
      setMap(null);
      created.remove();
    };
  }, [tileUrl, maxZoom, attribution, subdomains]);

  useEffect(() => {
    if (!map) {
      return;
    }
    const layer = L.layerGroup().addTo(map);
    const corners: L.LatLngExpression[] = [];
    for (const p of points) {
      const popup = `<strong>${escapeHtml(p.name)}</strong>${p.detail ? `<br>${escapeHtml(p.detail)}` : ''}`;
      L.marker([p.lat, p.lng], { icon: pointIcon, title: p.name, alt: p.name, keyboard: true })
        .bindPopup(popup)
        .addTo(layer);
      corners.push([p.lat, p.lng]);
    }
    if (me) {
      L.circleMarker([me.lat, me.lng], {
        radius: 8,
        color: '#fff',
        weight: 3,
        fillColor: '#1677ff',
        fillOpacity: 1,
        className: 'gy-map-me',
      })
        .bindTooltip(escapeHtml(me.label))
        .addTo(layer);
      corners.push([me.lat, me.lng]);
    }
    if (corners.length === 1) {
      map.setView(corners[0]!, Math.min(15, maxZoom));
    } else if (corners.length > 1) {
      map.fitBounds(L.latLngBounds(corners), { padding: [28, 28], maxZoom: Math.min(16, maxZoom) });
    } else {
      map.setView([35, 105], 4);
    }
    return () => {
      layer.remove();
    };
  }, [map, points, me, maxZoom]);

  return (
    <section
      ref={container}
      className="gy-map"
      aria-label={label}
      style={{ height, width: '100%', borderRadius: 8, zIndex: 0 }}
    />
  );
}
