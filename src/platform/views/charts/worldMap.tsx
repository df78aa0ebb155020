/**
 * A world map of where initiatives are, drawn as SVG on the server so pages need no script and
 * no third-party tiles.
 *
 * Size matters (a page is ≤ 50 KB compressed), so every country's path is projected once at
 * module load, with integer coordinates and relative commands, tiny islands and Antarctica
 * dropped; a request only picks the shade and wraps counted countries in links.
 *
 * Colour is never the only carrier: each counted country is a link whose accessible name
 * (its `<title>`, also a tooltip) says the country and count, in text from the caller so it can
 * be translated, and the legend spells out each shade. The three shades are ≥ 3:1 against each
 * other, the zero shade and the white page (WCAG 1.4.11); four or more shades cannot all be, which
 * is why the classes are 0, 1 and 2+.
 */
import { createRequire } from 'node:module';
import { geoEqualEarth, geoPath, type GeoContext, type GeoPermissibleObjects } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { numericToAlpha2 } from '../../geo/iso3166.ts';
import { smallCountryPoints } from '../../geo/smallCountryPoints.ts';

/** The map's drawing width in viewBox units; the height follows from the projection. */
const WIDTH = 960;
/** Polygons smaller than this (px² in the viewBox) are dropped unless they are a country's largest. */
const MIN_POLYGON_AREA = 3;
/**
 * Countries whose shape is smaller than this (px²) also get a marker, so they can be seen and
 * hit (Luxembourg is 2 px², Rwanda 19, Belgium 24).
 */
const TINY_COUNTRY_AREA = 20;
/** Marker radius in viewBox units. */
const MARKER_R = 5;

/** Fills for the count classes; see the module comment for the contrast reasoning. */
export const mapShades = {
  /** No initiative: light grey, 1.2:1 on white; it carries no count, only the land shape. */
  zero: '#e5e7eb',
  /** One initiative: 4.1:1 on white, 3.3:1 on `zero`. */
  one: '#4a80bd',
  /** Two or more: 3.6:1 on `one`, 11.9:1 on `zero`, 14.7:1 on white. */
  many: '#08284f',
} as const;

/** The count class a number falls in. */
export function mapClass(count: number): keyof typeof mapShades {
  return count >= 2 ? 'many' : count >= 1 ? 'one' : 'zero';
}

/** One country shape, projected and ready to print. */
type Shape = {
  /** Alpha-2 code, `XK` for Kosovo, or null for shapes with no code (N. Cyprus, Somaliland). */
  code: string | null;
  d: string;
  /** A marker position when the shape is too small to click, else null. */
  marker: readonly [number, number] | null;
};

/**
 * A d3-geo path context that writes integer coordinates: absolute `M` to start a ring and
 * relative `l` after it, skipping points that round onto the previous one. Relative integers
 * are short and repeat often, which is what gzip likes.
 */
class RoundedPath implements GeoContext {
  private out = '';
  private ring: string[] = [];
  private x = 0;
  private y = 0;
  private x0 = 0;
  private y0 = 0;
  /** Twice the ring's signed area so far (shoelace), to drop rings that enclose nothing. */
  private area2 = 0;
  moveTo(x: number, y: number): void {
    this.flush();
    this.x = this.x0 = Math.round(x);
    this.y = this.y0 = Math.round(y);
    this.area2 = 0;
    this.ring = [`M${this.x} ${this.y}l`];
  }
  lineTo(x: number, y: number): void {
    const rx = Math.round(x);
    const ry = Math.round(y);
    if (rx === this.x && ry === this.y) return;
    const dx = rx - this.x;
    const dy = ry - this.y;
    // A minus sign separates numbers by itself; a positive number needs a space.
    const last = this.ring.length > 1 ? ' ' : '';
    this.ring.push(`${dx < 0 ? '' : last}${dx}${dy < 0 ? '' : ' '}${dy}`);
    this.area2 += this.x * ry - rx * this.y;
    this.x = rx;
    this.y = ry;
  }
  closePath(): void {
    this.flush(true);
  }
  beginPath(): void {}
  arc(): void {}
  private flush(close = false): void {
    // After rounding, slivers (at the antimeridian, say) may enclose nothing: drop them.
    const area2 = this.area2 + this.x * this.y0 - this.x0 * this.y;
    if (this.ring.length >= 3 && area2 !== 0) this.out += this.ring.join('') + (close ? 'z' : '');
    this.ring = [];
  }
  result(): string {
    this.flush();
    const d = this.out;
    this.out = '';
    return d;
  }
}

/** A shape's polygons with their projected areas, largest first. */
function parts(geometry: Geometry, area: (g: GeoPermissibleObjects) => number): Array<{ polygon: Polygon; area: number }> {
  const polygons: Polygon[] =
    geometry.type === 'MultiPolygon'
      ? geometry.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }))
      : geometry.type === 'Polygon'
        ? [geometry]
        : [];
  return polygons.map((polygon) => ({ polygon, area: area(polygon) })).sort((a, b) => b.area - a.area);
}

/** Drops a multipolygon's tiny parts (small islands), always keeping its largest part. */
function withoutSpecks(all: ReadonlyArray<{ polygon: Polygon; area: number }>): MultiPolygon {
  const kept = all.filter((p, i) => i === 0 || p.area >= MIN_POLYGON_AREA);
  return { type: 'MultiPolygon', coordinates: kept.map((p) => p.polygon.coordinates) };
}

/** Everything that does not depend on the request, computed once. */
function buildMap() {
  const require = createRequire(import.meta.url);
  const topology = require('world-atlas/countries-110m.json') as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;
  const all = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  const land: Feature<Geometry, { name: string }>[] = all.features.filter((f) => f.id !== '010'); // Antarctica
  const projection = geoEqualEarth().fitWidth(WIDTH, { type: 'FeatureCollection', features: land });
  const measure = geoPath(projection);
  const [[, top], [, bottom]] = measure.bounds({ type: 'FeatureCollection', features: land });
  projection.translate([projection.translate()[0], projection.translate()[1] - top + 1]);
  const height = Math.ceil(bottom - top) + 2;

  const context = new RoundedPath();
  const draw = geoPath(projection, context);
  const shapes: Shape[] = land.map((f) => {
    const code =
      f.id !== undefined ? (numericToAlpha2.get(String(f.id)) ?? null) : f.properties.name === 'Kosovo' ? 'XK' : null;
    const polygons = parts(f.geometry, (g) => measure.area(g));
    draw(withoutSpecks(polygons));
    const d = context.result();
    // The marker goes on the main part: Fiji's centroid as a whole falls in the open sea.
    const main = polygons[0]?.polygon;
    const marker = main && measure.area(f) < TINY_COUNTRY_AREA ? roundPoint(measure.centroid(main)) : null;
    return { code, d, marker };
  });
  const byCode = new Map(shapes.filter((s) => s.code).map((s) => [s.code as string, s]));
  const points = new Map<string, readonly [number, number]>();
  for (const [code, lonLat] of Object.entries(smallCountryPoints)) {
    const xy = projection([lonLat[0], lonLat[1]]);
    if (xy && !byCode.has(code)) points.set(code, roundPoint(xy));
  }
  return { shapes, byCode, points, height };
}

function roundPoint([x, y]: [number, number]): readonly [number, number] {
  return [Math.round(x), Math.round(y)];
}

const map = buildMap();

/**
 * The alpha-2 codes the map can show and link: countries with a shape on the 110m map
 * (plus `XK`, Kosovo) and the small ones drawn as markers. Every ISO 3166-1 code except
 * Antarctica (AQ) is among them; callers can list codes outside this set as text.
 */
export function mapCountryCodes(): string[] {
  return [...map.byCode.keys(), ...map.points.keys()].sort();
}

export type WorldMapProps = {
  /** Initiatives per alpha-2 country code; codes not on the map are ignored. */
  counts: ReadonlyMap<string, number>;
  /** The link target for a counted country, e.g. the directory filtered by country. */
  hrefFor: (code: string) => string;
  /**
   * The accessible name and tooltip of a counted country, e.g. "Colombia: 2 initiatives";
   * build it from `countryName(code, locale)` and a plural-aware message.
   */
  labelFor: (code: string, count: number) => string;
  /** The figure caption, also the name of the map's group. */
  title: string;
  /** Legend text for each shade, e.g. { zero: 'None', one: '1 initiative', many: '2 or more' }. */
  legendLabels: Readonly<Record<keyof typeof mapShades, string>>;
  /** Prefix for element ids; pass distinct ones when a page shows two maps. */
  id?: string;
};

/** Places markers so that none covers another: each moves out on a small spiral if it must. */
function spreadMarkers(wanted: ReadonlyArray<readonly [number, number]>): Array<readonly [number, number]> {
  const placed: Array<readonly [number, number]> = [];
  const gap = MARKER_R * 2 + 1;
  for (const [x, y] of wanted) {
    let spot: readonly [number, number] = [x, y];
    for (let i = 0; i < 48 && placed.some(([px, py]) => Math.hypot(px - spot[0], py - spot[1]) < gap); i++) {
      const angle = i * 0.9;
      const radius = gap * (1 + Math.floor(i / 7) * 0.7);
      spot = [Math.round(x + radius * Math.cos(angle)), Math.round(y + radius * Math.sin(angle))];
    }
    placed.push(spot);
  }
  return placed;
}

/**
 * The world map figure: shapes shaded by count, a link with a text name on every counted
 * country (shape or marker), and a legend in HTML so it reflows and scales with the text.
 *
 * Small countries make small targets, so a page with the map should also list the same
 * countries or initiatives as ordinary links (WCAG 2.5.8 allows small targets when an
 * equivalent control is on the page). Style it with `charts.css` from this folder.
 */
export function WorldMap({ counts, hrefFor, labelFor, title, legendLabels, id = 'world-map' }: WorldMapProps) {
  const collator = new Intl.Collator();
  const linked: Array<{ code: string; count: number; label: string; shape: Shape | null; point: readonly [number, number] | null }> = [];
  for (const [code, count] of counts) {
    if (!(count >= 1)) continue;
    const shape = map.byCode.get(code) ?? null;
    const point = shape ? shape.marker : (map.points.get(code) ?? null);
    if (!shape && !point) continue;
    linked.push({ code, count, label: labelFor(code, count), shape, point });
  }
  // Shapes first and markers last, so no shape is painted over a marker; by name within each,
  // which is also the keyboard order.
  linked.sort((a, b) => Number(a.point !== null) - Number(b.point !== null) || collator.compare(a.label, b.label));
  const withMarker = linked.filter((l) => l.point);
  const spots = spreadMarkers(withMarker.map((l) => l.point as readonly [number, number]));
  const spotFor = new Map(withMarker.map((l, i) => [l.code, spots[i] as readonly [number, number]]));

  const unlinked = map.shapes
    .filter((s) => !(s.code && (counts.get(s.code) ?? 0) >= 1))
    .map((s) => s.d)
    .join('');
  const titleId = `${id}-title`;

  return (
    <figure class="chart chart-map">
      <figcaption id={titleId}>{title}</figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${map.height}`}
        width="100%"
        role="group"
        aria-labelledby={titleId}
        stroke="#fff"
        stroke-width=".5"
        stroke-linejoin="round"
      >
        <path d={unlinked} fill={mapShades.zero} aria-hidden="true" />
        {linked.map(({ code, count, label, shape }) => {
          const spot = spotFor.get(code);
          return (
            <a href={hrefFor(code)} fill={mapShades[mapClass(count)]}>
              <title>{label}</title>
              {shape && <path d={shape.d} />}
              {spot && <circle cx={spot[0]} cy={spot[1]} r={MARKER_R} stroke-width="1.5" />}
            </a>
          );
        })}
      </svg>
      <ul class="chart-legend">
        {(Object.keys(mapShades) as Array<keyof typeof mapShades>).map((key) => (
          <li>
            <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
              <rect x=".5" y=".5" width="13" height="13" fill={mapShades[key]} stroke="#6b7280" />
            </svg>{' '}
            {legendLabels[key]}
          </li>
        ))}
      </ul>
    </figure>
  );
}
