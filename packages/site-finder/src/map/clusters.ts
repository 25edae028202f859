import KDBush from 'kdbush';

/**
 * Clusters of the map, computed for the view only.
 *
 * The points are indexed once per result set (a k-d tree over Web Mercator
 * coordinates, linear-time sort, about 5 ms for 30,000 points); each view
 * then groups the points it holds, at its own zoom, in one pass over a grid
 * of `radius`-pixel cells (the distance grid of Leaflet.markercluster): a
 * point joins the first cluster whose seed is within `radius` pixels in its
 * cell or the eight around, or seeds a new one. The cost of a filter change
 * is the index (no precomputation of every zoom level, which took ~100 ms at
 * 30,000 sites with supercluster), and the cost of a view is the number of
 * points in it.
 *
 * Pure: no DOM, no Leaflet; unit-tested in Node.
 */

/** A point to cluster: WGS 84 decimal degrees. */
export interface ClusterPoint {
  readonly lat: number;
  readonly lon: number;
}

/** A site alone at this zoom. */
export interface SingleFeature {
  readonly kind: 'point';
  /** Index of the point in the list given to {@link createClusterIndex}. */
  readonly index: number;
}

/** Several sites drawn as one marker. */
export interface ClusterFeature {
  readonly kind: 'cluster';
  /** Stable while the same points form it: the seed point's index and the count. */
  readonly key: string;
  readonly count: number;
  /** Mean position of its points. */
  readonly lat: number;
  readonly lon: number;
  /** Box of its points: `[south, west, north, east]`. */
  readonly bounds: readonly [number, number, number, number];
}

export type MapFeature = SingleFeature | ClusterFeature;

/** A view: its box in degrees (`west, south, east, north`) and its zoom. */
export interface ClusterView {
  readonly west: number;
  readonly south: number;
  readonly east: number;
  readonly north: number;
  readonly zoom: number;
}

export interface ClusterIndex {
  /** How many points it holds. */
  readonly size: number;
  /** The clusters and lone points of a view, at most one marker per `radius`-pixel cell or so. */
  features(view: ClusterView): MapFeature[];
  /** The lowest zoom from `from` on at which point `index` is alone (no other point within `radius` pixels). */
  zoomAlone(index: number, from: number): number;
}

export interface ClusterOptions {
  /** Cluster radius in pixels (at 256-pixel tiles). */
  readonly radius: number;
  /** Above this zoom no point is clustered. */
  readonly maxZoom: number;
}

const TILE = 256;
/** The point's cell, then the eight around it (column, row offsets). */
const OWN_CELL: readonly [number, number] = [0, 0];
const NEIGHBOURS: readonly (readonly [number, number])[] = [OWN_CELL, [-1, -1], [0, -1], [1, -1], [-1, 0], [1, 0], [-1, 1], [0, 1], [1, 1]];
const MAX_LAT = 85.0511287798;

/** Web Mercator x in [0, 1]. */
const mercatorX = (lon: number): number => lon / 360 + 0.5;

/** Web Mercator y in [0, 1] (north at 0). */
function mercatorY(lat: number): number {
  const clamped = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
  const sin = Math.sin((clamped * Math.PI) / 180);
  return 0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI;
}

interface Building {
  seed: number;
  count: number;
  x: number;
  y: number;
  sumLat: number;
  sumLon: number;
  south: number;
  west: number;
  north: number;
  east: number;
}

/** Indexes points for {@link ClusterIndex.features}. */
export function createClusterIndex(points: readonly ClusterPoint[], options: ClusterOptions): ClusterIndex {
  const { radius, maxZoom } = options;
  const xs = new Float64Array(points.length);
  const ys = new Float64Array(points.length);
  const tree = new KDBush(Math.max(points.length, 1));
  points.forEach((point, i) => {
    xs[i] = mercatorX(point.lon);
    ys[i] = mercatorY(point.lat);
    tree.add(xs[i] ?? 0, ys[i] ?? 0);
  });
  if (points.length === 0) tree.add(-1, -1);
  tree.finish();

  const marks = new Uint8Array(points.length);

  /** Indexes of the points in boxes of Mercator coordinates, in the order of the list (stable clusters). */
  function inBoxes(boxes: readonly (readonly [number, number, number, number])[]): number[] {
    let found = 0;
    for (const [minX, minY, maxX, maxY] of boxes) {
      for (const i of tree.range(minX, minY, maxX, maxY)) {
        if (i < points.length && marks[i] === 0) {
          marks[i] = 1;
          found++;
        }
      }
    }
    // A pass over the marks puts them in list order without sorting.
    const indexes: number[] = [];
    for (let i = 0; found > 0 && i < marks.length; i++) {
      if (marks[i] === 1) {
        marks[i] = 0;
        found--;
        indexes.push(i);
      }
    }
    return indexes;
  }

  function features(view: ClusterView): MapFeature[] {
    const zoom = Math.round(view.zoom);
    const minY = mercatorY(view.north);
    const maxY = mercatorY(view.south);
    // A view across the antimeridian is searched as two boxes.
    const spans: [number, number][] = view.east - view.west >= 360
      ? [[0, 1]]
      : view.west <= view.east
        ? [[mercatorX(view.west), mercatorX(view.east)]]
        : [[mercatorX(view.west), 1], [0, mercatorX(view.east)]];
    const indexes = inBoxes(spans.map(([minX, maxX]) => [minX, minY, maxX, maxY] as const));
    if (zoom > maxZoom) return indexes.map((index) => ({ kind: 'point', index }));

    const scale = TILE * 2 ** zoom;
    const cells = new Map<number, Building[]>();
    const columns = Math.ceil(scale / radius) + 2;
    const built: Building[] = [];
    const radius2 = radius * radius;
    for (const i of indexes) {
      const x = (xs[i] ?? 0) * scale;
      const y = (ys[i] ?? 0) * scale;
      const cx = Math.floor(x / radius);
      const cy = Math.floor(y / radius);
      // The nearest seed within the radius, in the point's cell first: in a dense area the point
      // joins a cluster of its own cell and the eight around are not searched.
      let joined: Building | undefined;
      let best = radius2;
      const own = cy * columns + cx;
      for (const offset of NEIGHBOURS) {
        const list = cells.get(own + offset[1] * columns + offset[0]);
        if (!list) continue;
        for (const cluster of list) {
          const d = (cluster.x - x) * (cluster.x - x) + (cluster.y - y) * (cluster.y - y);
          if (d <= best) {
            best = d;
            joined = cluster;
          }
        }
        if (offset === OWN_CELL && joined) break;
      }
      const point = points[i];
      if (!point) continue;
      if (joined) {
        joined.count++;
        joined.sumLat += point.lat;
        joined.sumLon += point.lon;
        joined.south = Math.min(joined.south, point.lat);
        joined.north = Math.max(joined.north, point.lat);
        joined.west = Math.min(joined.west, point.lon);
        joined.east = Math.max(joined.east, point.lon);
        continue;
      }
      const cluster: Building = { seed: i, count: 1, x, y, sumLat: point.lat, sumLon: point.lon, south: point.lat, north: point.lat, west: point.lon, east: point.lon };
      const key = cy * columns + cx;
      const list = cells.get(key);
      if (list) list.push(cluster);
      else cells.set(key, [cluster]);
      built.push(cluster);
    }
    return built.map((c): MapFeature =>
      c.count === 1
        ? { kind: 'point', index: c.seed }
        : {
            kind: 'cluster',
            key: `${String(c.seed)}:${String(c.count)}`,
            count: c.count,
            lat: c.sumLat / c.count,
            lon: c.sumLon / c.count,
            bounds: [c.south, c.west, c.north, c.east],
          },
    );
  }

  function zoomAlone(index: number, from: number): number {
    const x = xs[index];
    const y = ys[index];
    if (x === undefined || y === undefined) return maxZoom + 1;
    for (let zoom = Math.max(0, Math.round(from)); zoom <= maxZoom; zoom++) {
      const r = radius / (TILE * 2 ** zoom);
      const near = tree.within(x, y, r).filter((i) => i !== index && i < points.length);
      if (near.length === 0) return zoom;
    }
    return maxZoom + 1;
  }

  return { size: points.length, features, zoomAlone };
}
