/** A rectangle in the SVG's user units. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the router sees of a drawn diagram: its boxes, the text inside them, and the links to draw. */
export interface LinkScene {
  /** Every box, by node id. */
  boxes: Record<string, Rect>;
  /**
   * Frames (what a unit isolates), by id: an arrow may start or end at one, and goes round one
   * unless one of its ends is inside it.
   */
  frames?: Record<string, Rect>;
  /**
   * A frame's header band (a box of `boxes`) and the text on it, by frame id: an arrow from
   * inside the frame to outside it crosses the band beside the text, not round the frame.
   */
  headers?: Record<string, { box: string; text: Rect }>;
  /** Every line of text drawn in the boxes: nothing may cover these. */
  texts: Rect[];
  /** In drawing order; `label` is the label's size, absent when the link has none. */
  links: Array<{ from: string; to: string; label?: { width: number; height: number } }>;
  /** The numbered marker's diameter. */
  marker: number;
  /**
   * How far an arrow across a gap too narrow for a routed line reaches into each box (10 when
   * absent): arrows drawn over the boxes may, arrows drawn under them (a flowchart's) must not.
   */
  into?: number;
}

export interface RoutedLink {
  /** The line from the first box's border to the second's (or into them, across a narrow gap); empty when no line could be drawn. */
  points: Array<[number, number]>;
  /** Where the label sits, centred on the line, when it fits there. */
  label?: Rect;
  /** Centres of numbered markers: on the line when the label did not fit, at both boxes when no line could be drawn. */
  markers: Array<[number, number]>;
}

/**
 * Routes every link so that nothing it draws covers text: an orthogonal line through the free
 * space between boxes (the lanes layout leaves between linked units, space above short units,
 * the margin round the drawing), found by a shortest-path search that charges for bends; a
 * short arrow across the gap where two linked boxes touch; and a label on the line where it
 * fits in free space, else a numbered marker (its text goes in the key). When no line can be
 * drawn at all, the two boxes get the number instead.
 *
 * Runs in the page too (sent as source): it may use nothing from outside its own body.
 */
export function routeLinks(scene: LinkScene): RoutedLink[] {
  const CLEAR = 5; // how far a line keeps from any box it does not start or end at
  const STUB = 16; // the straight run at each end, so the arrowhead reads
  const INTO = scene.into ?? 10; // how far an arrow across a narrow gap reaches into each box
  const BEND = 30; // a bend costs as much as this much length
  const SHARED = 4; // a length of line run along another line costs this many times over
  const PORT_STEP = 24; // ports beside a side's middle, this far from it (half that on a box's left and right)
  const boxes = Object.entries(scene.boxes).map(([id, r]) => ({ id, ...r }));
  const frames = Object.entries(scene.frames ?? {}).map(([id, r]) => ({ id, ...r }));
  const right = (r: Rect) => r.x + r.width;
  const bottom = (r: Rect) => r.y + r.height;
  const grow = (r: Rect, by: number): Rect => ({ x: r.x - by, y: r.y - by, width: r.width + 2 * by, height: r.height + 2 * by });
  const overlaps = (a: Rect, b: Rect) => a.x < right(b) && b.x < right(a) && a.y < bottom(b) && b.y < bottom(a);
  const texts = scene.texts.map((t) => grow(t, 2));
  const placed: Rect[] = []; // labels and markers drawn so far
  const out: RoutedLink[] = [];
  const all = boxes.length > 0 ? boxes : [{ id: "", x: 0, y: 0, width: 0, height: 0 }];
  const minX = Math.min(...all.map((b) => b.x)) - 24;
  const maxX = Math.max(...all.map(right)) + 24;
  const minY = Math.min(...all.map((b) => b.y)) - 24;
  const maxY = Math.max(...all.map(bottom)) + 24;

  const segmentRect = (a: [number, number], b: [number, number]): Rect => ({ x: Math.min(a[0], b[0]), y: Math.min(a[1], b[1]), width: Math.abs(a[0] - b[0]), height: Math.abs(a[1] - b[1]) });
  // A zero-width segment still meets a rectangle it runs through: test with a hair of width.
  const hits = (seg: Rect, r: Rect) => overlaps({ x: seg.x - 0.01, y: seg.y - 0.01, width: seg.width + 0.02, height: seg.height + 0.02 }, r);
  const freeOfText = (r: Rect) => !texts.some((t) => overlaps(r, t));
  const freeOfPlaced = (r: Rect) => !placed.some((p) => overlaps(r, p));
  const lines: Rect[] = []; // the straight runs of lines drawn so far, a little widened
  const freeOfLines = (r: Rect) => !lines.some((l) => overlaps(r, l));
  /**
   * How far a step runs along lines already drawn (on them, in their direction): two arrows on
   * one line read as one arrow, so that length costs SHARED times over; crossing one costs nothing.
   */
  const alongLines = (x1: number, y1: number, x2: number, y2: number) => {
    let total = 0;
    for (const l of lines) {
      if (y1 === y2 && l.height <= 7 && Math.abs(l.y + l.height / 2 - y1) < 4) total += Math.max(0, Math.min(Math.max(x1, x2), right(l) - 3) - Math.max(Math.min(x1, x2), l.x + 3));
      else if (x1 === x2 && l.width <= 7 && Math.abs(l.x + l.width / 2 - x1) < 4) total += Math.max(0, Math.min(Math.max(y1, y2), bottom(l) - 3) - Math.max(Math.min(y1, y2), l.y + 3));
    }
    return total;
  };
  // A label over a frame's outline would cut it: labels keep off the four sides of every frame.
  const sides = frames.flatMap((f) => [segmentRect([f.x, f.y], [right(f), f.y]), segmentRect([f.x, bottom(f)], [right(f), bottom(f)]), segmentRect([f.x, f.y], [f.x, bottom(f)]), segmentRect([right(f), f.y], [right(f), bottom(f)])]);
  const freeOfSides = (r: Rect) => !sides.some((side) => hits(side, r));
  const freeOfBoxes = (r: Rect) => !boxes.some((b) => overlaps(r, b)) && freeOfSides(r);
  const around = (x: number, y: number, w: number, h: number): Rect => ({ x: x - w / 2, y: y - h / 2, width: w, height: h });

  /** A marker on the line, as near its middle as is free of text and other labels: off the boxes if it can be, else over them. */
  const markerOn = (points: Array<[number, number]>): [number, number] | undefined => {
    const d = scene.marker;
    const spots: Array<{ at: [number, number]; rank: number }> = [];
    let total = 0;
    const lengths = points.slice(1).map((p, i) => Math.abs(p[0] - points[i]![0]) + Math.abs(p[1] - points[i]![1]));
    const length = lengths.reduce((a, b) => a + b, 0);
    points.slice(1).forEach((p, i) => {
      const q = points[i]!;
      for (let s = 0; s <= lengths[i]!; s += 3) {
        const along = total + s;
        if (along < 12 || length - along < 12) continue;
        const t = lengths[i]! === 0 ? 0 : s / lengths[i]!;
        spots.push({ at: [q[0] + (p[0] - q[0]) * t, q[1] + (p[1] - q[1]) * t], rank: Math.abs(along - length / 2) });
      }
      total += lengths[i]!;
    });
    spots.sort((a, b) => a.rank - b.rank);
    for (const overBoxes of [false, true]) {
      for (const { at } of spots) {
        const r = around(at[0], at[1], d + 2, d + 2);
        if (freeOfText(r) && freeOfPlaced(r) && (overBoxes || freeOfBoxes(r))) return at;
      }
    }
    return undefined;
  };

  /** A label centred on one of the line's straight runs, in free space (off every box), longest runs first. */
  const labelOn = (points: Array<[number, number]>, size: { width: number; height: number }): Rect | undefined => {
    const runs = points.slice(1).map((p, i) => ({ a: points[i]!, b: p, length: Math.abs(p[0] - points[i]![0]) + Math.abs(p[1] - points[i]![1]) }));
    runs.sort((r, s) => s.length - r.length);
    // On the line where a run is long enough to show line on both sides; else beside a run. Each
    // from the run's middle outwards, in 4 px steps, as far as `reach` (none when it is negative).
    const outwards = (reach: number) => (reach < 0 ? [] : Array.from({ length: Math.floor(reach / 4) + 1 }, (_, k) => (k === 0 ? [0] : [-4 * k, 4 * k])).flat());
    const at = ({ a, b }: (typeof runs)[number], off: number): [number, number] => [(a[0] + b[0]) / 2 + Math.sign(b[0] - a[0]) * off, (a[1] + b[1]) / 2 + Math.sign(b[1] - a[1]) * off];
    // Each spot keeps off the line's other runs (an on-line spot sits on its own run only).
    const spots: Array<{ rect: Rect; on?: (typeof runs)[number] }> = [];
    // 12 px of line showing at each end.
    for (const run of runs) for (const off of outwards((run.length - (run.a[1] === run.b[1] ? size.width : size.height)) / 2 - 12)) spots.push({ rect: around(...at(run, off), size.width, size.height), on: run });
    for (const run of runs) {
      if (run.length < 12) continue;
      for (const off of outwards(run.length / 2 - 6)) {
        const [mx, my] = at(run, off);
        const beside = run.a[1] === run.b[1] ? [around(mx, my - 3 - size.height / 2, size.width, size.height), around(mx, my + 3 + size.height / 2, size.width, size.height)] : [around(mx + 4 + size.width / 2, my, size.width, size.height), around(mx - 4 - size.width / 2, my, size.width, size.height)];
        spots.push(...beside.map((rect) => ({ rect })));
      }
    }
    const clearOfOwn = (r: Rect, on: (typeof runs)[number] | undefined) => runs.every((run) => run === on || !hits(segmentRect(run.a, run.b), r));
    // Within the drawing's margin: a label hanging off it would widen the picture.
    const inside = (r: Rect) => r.x >= minX && right(r) <= maxX && r.y >= minY && bottom(r) <= maxY;
    return spots.find(({ rect: r, on }) => inside(r) && freeOfText(r) && freeOfPlaced(r) && freeOfBoxes(r) && freeOfLines(r) && clearOfOwn(r, on))?.rect;
  };

  /**
   * Where two boxes touch across a gap too narrow for a line: arrows across it that clear their
   * text, best first (far from the text, then near the middle of where the boxes overlap).
   */
  const across = (f: Rect, t: Rect): Array<Array<[number, number]>> => {
    const vertical = Math.min(right(f), right(t)) - Math.max(f.x, t.x);
    const horizontal = Math.min(bottom(f), bottom(t)) - Math.max(f.y, t.y);
    const gapY = Math.max(t.y - bottom(f), f.y - bottom(t));
    const gapX = Math.max(t.x - right(f), f.x - right(t));
    const found: Array<{ points: Array<[number, number]>; score: number }> = [];
    const consider = (points: Array<[number, number]>, centre: number, at: number) => {
      const seg = segmentRect(points[0]!, points[1]!);
      if (!freeOfText(grow(seg, 3))) return;
      const clearance = Math.min(...texts.map((r) => (seg.width === 0 ? Math.max(r.x - seg.x, seg.x - right(r)) : Math.max(r.y - seg.y, seg.y - bottom(r)))).filter((c) => c < 400), 400);
      found.push({ points, score: Math.min(clearance, 40) * 10 - Math.abs(at - centre) });
    };
    if (vertical >= 20 && gapY >= 0 && gapY < 2 * STUB) {
      const [lo, hi] = [Math.max(f.x, t.x) + 8, Math.min(right(f), right(t)) - 8];
      const [y1, y2] = bottom(f) <= t.y ? [bottom(f) - INTO, t.y + INTO] : [f.y + INTO, bottom(t) - INTO];
      for (let x = lo; x <= hi; x += 4) consider([[x, y1], [x, y2]], (lo + hi) / 2, x);
    } else if (horizontal >= 20 && gapX >= 0 && gapX < 2 * STUB) {
      const [lo, hi] = [Math.max(f.y, t.y) + 8, Math.min(bottom(f), bottom(t)) - 8];
      const [x1, x2] = right(f) <= t.x ? [right(f) - INTO, t.x + INTO] : [f.x + INTO, right(t) - INTO];
      for (let y = lo; y <= hi; y += 4) consider([[x1, y], [x2, y]], (lo + hi) / 2, y);
    }
    return found.sort((a, b) => b.score - a.score).map((c) => c.points);
  };

  /** The best orthogonal line from one box's border to the other's through free space, or undefined. */
  const route = (fromId: string, toId: string, avoid: Rect[]): Array<[number, number]> | undefined => {
    const f = (scene.boxes[fromId] ?? scene.frames?.[fromId])!;
    const t = (scene.boxes[toId] ?? scene.frames?.[toId])!;
    const holds = (o: Rect, i: Rect) => i.x >= o.x - 0.5 && i.y >= o.y - 0.5 && right(i) <= right(o) + 0.5 && bottom(i) <= bottom(o) + 0.5;
    const walls = frames.filter((r) => r.id !== fromId && r.id !== toId && !holds(r, f) && !holds(r, t)).map((r) => grow(r, CLEAR));
    // The header bands of frames round an end are open but for their text.
    const open = frames.filter((r) => r.id !== fromId && r.id !== toId && (holds(r, f) || holds(r, t))).flatMap((r) => scene.headers?.[r.id] ?? []);
    const bands = new Set(open.map((h) => h.box));
    // What an end frame holds is no obstacle: the line stops at the frame's border.
    const blocks = [...boxes.filter((b) => b.id !== fromId && b.id !== toId && !bands.has(b.id) && !holds(f, b) && !holds(t, b)).map((b) => grow(b, CLEAR)), ...open.map((h) => grow(h.text, CLEAR)), ...walls, ...avoid];
    const blocked = (seg: Rect, also: Rect[]) => blocks.some((r) => hits(seg, r)) || also.some((r) => hits(seg, r));
    const xs = new Set<number>([minX, maxX]);
    const ys = new Set<number>([minY, maxY]);
    const edgesX = [...new Set([...boxes, ...frames].flatMap((b) => [b.x, right(b)]))].sort((a, b) => a - b);
    const edgesY = [...new Set([...boxes, ...frames].flatMap((b) => [b.y, bottom(b)]))].sort((a, b) => a - b);
    edgesX.slice(1).forEach((x, i) => xs.add((x + edgesX[i]!) / 2));
    edgesY.slice(1).forEach((y, i) => ys.add((y + edgesY[i]!) / 2));
    // Beside each open header's text, where a line may cross its band.
    for (const h of open) xs.add(h.text.x - CLEAR - 4).add(right(h.text) + CLEAR + 4);
    // The middle of each end's sides, and a step either way: a second arrow at a side need not
    // meet the first at its middle.
    for (const b of [f, t]) {
      for (const dx of [0, -PORT_STEP, PORT_STEP]) xs.add(b.x + b.width / 2 + dx);
      for (const dy of [0, -PORT_STEP / 2, PORT_STEP / 2]) ys.add(b.y + b.height / 2 + dy);
    }
    const [ox1, ox2] = [Math.max(f.x, t.x), Math.min(right(f), right(t))];
    if (ox2 - ox1 > 16) xs.add((ox1 + ox2) / 2);
    const [oy1, oy2] = [Math.max(f.y, t.y), Math.min(bottom(f), bottom(t))];
    if (oy2 - oy1 > 16) ys.add((oy1 + oy2) / 2);

    // Ports: points on a box's sides with a clear straight stub out of them. A stub on another
    // arrow's line (where one ends and the next starts) costs as a shared run does: two arrows
    // meeting at one point of a side read as one line.
    type Port = { at: [number, number]; stub: [number, number]; dir: number; cost: number };
    const DIRS: Array<[number, number]> = [[1, 0], [0, 1], [-1, 0], [0, -1]];
    const portsOf = (b: Rect, self: Rect, off: number): Port[] => {
      const ports: Port[] = [];
      const cx = b.x + b.width / 2;
      const cy = b.y + b.height / 2;
      const along = (lo: number, hi: number, set: Set<number>, centre: number) => [...set].filter((v) => v > lo + 8 && v < hi - 8).concat(centre);
      for (const x of along(b.x, right(b), xs, cx)) {
        ports.push({ at: [x, b.y], stub: [x, b.y - STUB], dir: 3, cost: Math.abs(x - cx) * off });
        ports.push({ at: [x, bottom(b)], stub: [x, bottom(b) + STUB], dir: 1, cost: Math.abs(x - cx) * off });
      }
      for (const y of along(b.y, bottom(b), ys, cy)) {
        ports.push({ at: [b.x, y], stub: [b.x - STUB, y], dir: 2, cost: Math.abs(y - cy) * off });
        ports.push({ at: [right(b), y], stub: [right(b) + STUB, y], dir: 0, cost: Math.abs(y - cy) * off });
      }
      const other = grow(self, CLEAR);
      return ports.filter((p) => !blocked(segmentRect(p.at, p.stub), [other])).map((p) => ({ ...p, cost: p.cost + SHARED * alongLines(p.at[0], p.at[1], p.stub[0], p.stub[1]) }));
    };
    // Off a side's middle costs a little, at the start a little more: a straight line between
    // two middles would otherwise cost the same wherever it runs, and the tie would fall by
    // rounding (the page and Node then disagree).
    const fromPorts = portsOf(f, t, 0.2);
    const toPorts = portsOf(t, f, 0.15);
    if (fromPorts.length === 0 || toPorts.length === 0) return undefined;
    for (const p of [...fromPorts, ...toPorts]) {
      xs.add(p.stub[0]);
      ys.add(p.stub[1]);
    }
    const X = [...xs].sort((a, b) => a - b);
    const Y = [...ys].sort((a, b) => a - b);
    const xi = new Map(X.map((x, i) => [x, i]));
    const yi = new Map(Y.map((y, i) => [y, i]));
    const inF = grow(f, CLEAR);
    const inT = grow(t, CLEAR);
    const node = (i: number, j: number) => j * X.length + i;
    const free = (i: number, j: number) => {
      const p: Rect = { x: X[i]!, y: Y[j]!, width: 0, height: 0 };
      return !blocked(p, [inF, inT]);
    };
    const stepFree = new Map<number, boolean>();
    const canStep = (i: number, j: number, d: number) => {
      const key = node(i, j) * 4 + d;
      let ok = stepFree.get(key);
      if (ok === undefined) {
        const [di, dj] = DIRS[d]!;
        const [ni, nj] = [i + di, j + dj];
        ok = ni >= 0 && nj >= 0 && ni < X.length && nj < Y.length && free(i, j) && free(ni, nj) && !blocked(segmentRect([X[i]!, Y[j]!], [X[ni]!, Y[nj]!]), [inF, inT]);
        stepFree.set(key, ok);
      }
      return ok;
    };

    // Dijkstra over (grid point, heading); a small binary heap keeps it fast on big diagrams.
    const size = X.length * Y.length * 4;
    const dist = new Float64Array(size).fill(Infinity);
    const prev = new Int32Array(size).fill(-1);
    const heap: Array<[number, number]> = [];
    const push = (cost: number, state: number) => {
      heap.push([cost, state]);
      let k = heap.length - 1;
      while (k > 0) {
        const up = (k - 1) >> 1;
        if (heap[up]![0] <= heap[k]![0]) break;
        [heap[up], heap[k]] = [heap[k]!, heap[up]!];
        k = up;
      }
    };
    const pop = () => {
      const top = heap[0]!;
      const last = heap.pop()!;
      if (heap.length > 0) {
        heap[0] = last;
        let k = 0;
        for (;;) {
          const [l, r] = [2 * k + 1, 2 * k + 2];
          let m = k;
          if (l < heap.length && heap[l]![0] < heap[m]![0]) m = l;
          if (r < heap.length && heap[r]![0] < heap[m]![0]) m = r;
          if (m === k) break;
          [heap[m], heap[k]] = [heap[k]!, heap[m]!];
          k = m;
        }
      }
      return top;
    };
    const starts = new Map<number, Port>();
    for (const p of fromPorts) {
      const state = node(xi.get(p.stub[0])!, yi.get(p.stub[1])!) * 4 + p.dir;
      const cost = p.cost + STUB;
      if (cost < dist[state]!) {
        dist[state] = cost;
        starts.set(state, p);
        push(cost, state);
      }
    }
    const ends = new Map<number, Port[]>();
    for (const p of toPorts) {
      const n = node(xi.get(p.stub[0])!, yi.get(p.stub[1])!);
      ends.set(n, [...(ends.get(n) ?? []), p]);
    }
    let best: { cost: number; state: number; port: Port } | undefined;
    while (heap.length > 0) {
      const [cost, state] = pop();
      if (cost > dist[state]! || (best && cost >= best.cost)) continue;
      const n = state >> 2;
      const d = state & 3;
      for (const p of ends.get(n) ?? []) {
        // The last run goes into the box, against the port's outward heading.
        const inward = (p.dir + 2) % 4;
        const total = cost + p.cost + STUB + (d === inward ? 0 : d === p.dir ? Infinity : BEND);
        if (!best || total < best.cost) best = { cost: total, state, port: p };
      }
      const [i, j] = [n % X.length, Math.floor(n / X.length)];
      for (let nd = 0; nd < 4; nd++) {
        if (nd === (d + 2) % 4 || !canStep(i, j, nd)) continue;
        const [ni, nj] = [i + DIRS[nd]![0], j + DIRS[nd]![1]];
        const step = Math.abs(X[ni]! - X[i]!) + Math.abs(Y[nj]! - Y[j]!);
        const m = node(ni, nj);
        const next = cost + step + (nd === d ? 0 : BEND) + SHARED * alongLines(X[i]!, Y[j]!, X[ni]!, Y[nj]!);
        const ns = m * 4 + nd;
        if (next < dist[ns]!) {
          dist[ns] = next;
          prev[ns] = state;
          push(next, ns);
        }
      }
    }
    if (!best) return undefined;
    const trail: number[] = [];
    for (let s = best.state; s >= 0; s = prev[s]!) trail.unshift(s);
    const start = starts.get(trail[0]!)!;
    const points: Array<[number, number]> = [start.at, ...trail.map((s): [number, number] => [X[(s >> 2) % X.length]!, Y[Math.floor((s >> 2) / X.length)]!]), best.port.at];
    // Only the corners: drop points in the middle of a straight run.
    return points.filter((p, k) => {
      const [a, b] = [points[k - 1], points[k + 1]];
      if (!a || !b) return true;
      if (a[0] === p[0] && a[1] === p[1]) return false;
      return !((a[0] === p[0] && p[0] === b[0]) || (a[1] === p[1] && p[1] === b[1]));
    });
  };

  /** Two markers with the link's number, one at each box, where no line could be drawn. */
  const markersAtBoxes = (ids: string[]): Array<[number, number]> => {
    const d = scene.marker;
    return ids.flatMap((id) => {
      const b = (scene.boxes[id] ?? scene.frames?.[id])!;
      const spots: Array<[number, number]> = [];
      for (const fx of [0, 1]) for (const fy of [0, 1]) spots.push([fx ? right(b) - d / 2 - 4 : b.x + d / 2 + 4, fy ? bottom(b) - d / 2 - 4 : b.y + d / 2 + 4]);
      for (let x = b.x + d; x < right(b) - d; x += 6) spots.push([x, b.y + d / 2 + 4], [x, bottom(b) - d / 2 - 4]);
      const spot = spots.find(([x, y]) => {
        const r = around(x, y, d + 2, d + 2);
        return freeOfText(r) && freeOfPlaced(r);
      });
      if (spot) placed.push(around(spot[0], spot[1], d + 2, d + 2));
      return spot ? [spot] : [];
    });
  };

  for (const link of scene.links) {
    const f = scene.boxes[link.from] ?? scene.frames?.[link.from];
    const t = scene.boxes[link.to] ?? scene.frames?.[link.to];
    if (!f || !t) {
      out.push({ points: [], markers: [] });
      continue;
    }
    // Across a narrow gap, the first arrow that has room for its label beside it, else the best.
    const shorts = across(f, t);
    const size = link.label;
    const short = shorts.find((p) => size === undefined || labelBeside(p, size, f, t)) ?? shorts[0];
    const points = short ?? route(link.from, link.to, placed) ?? route(link.from, link.to, []);
    if (!points) {
      // Even an unlabelled arrow: it must not vanish without a trace.
      out.push({ points: [], markers: markersAtBoxes([link.from, link.to]) });
      continue;
    }
    const result: RoutedLink = { points, markers: [] };
    // Its own label may sit on it; no later label may.
    const own = points.slice(1).map((p, i) => grow(segmentRect(points[i]!, p), 3));
    if (link.label) {
      const label = short ? labelBeside(points, link.label, f, t) : labelOn(points, link.label);
      if (label) {
        placed.push(label);
        result.label = label;
      } else {
        const at = markerOn(points);
        if (at) {
          placed.push(around(at[0], at[1], scene.marker + 2, scene.marker + 2));
          result.markers.push(at);
        } else result.markers.push(...markersAtBoxes([link.from, link.to]));
      }
    }
    lines.push(...own);
    out.push(result);
  }
  return out;

  /** Beside a short arrow across a gap: to its right or left (or above or below), over the two boxes but clear of their text. */
  function labelBeside(points: Array<[number, number]>, size: { width: number; height: number }, f: Rect, t: Rect): Rect | undefined {
    const [a, b] = [points[0]!, points[1]!];
    const mid: [number, number] = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
    const spots: Rect[] =
      a[0] === b[0]
        ? [around(mid[0] + 6 + size.width / 2, mid[1], size.width, size.height), around(mid[0] - 6 - size.width / 2, mid[1], size.width, size.height)]
        : [around(mid[0], mid[1] - 5 - size.height / 2, size.width, size.height), around(mid[0], mid[1] + 5 + size.height / 2, size.width, size.height)];
    // Within the span of the two boxes, so a label never hangs off the drawing's edge.
    const inside = (r: Rect) => (a[0] === b[0] ? r.x >= Math.max(f.x, t.x) && right(r) <= Math.min(right(f), right(t)) : r.y >= Math.max(f.y, t.y) && bottom(r) <= Math.min(bottom(f), bottom(t)));
    return spots.find((r) => inside(r) && freeOfText(r) && freeOfPlaced(r) && freeOfLines(r) && freeOfSides(r));
  }
}
