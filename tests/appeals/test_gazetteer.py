from reconfort.appeals import gazetteer


def test_search_is_accent_and_case_insensitive_most_populous_first():
    found = gazetteer.search("saint etienne")
    assert found and found[0].name == "Saint-Étienne" and found[0].country_code == "FR"
    assert gazetteer.resolve("Lyon").country_code == "FR"
    assert gazetteer.resolve("Paris, US").country_code == "US"
    assert gazetteer.resolve("Nowhereville") is None
    assert gazetteer.search("L") == []


def test_distance_and_bounding_box():
    paris, lyon = gazetteer.resolve("Paris"), gazetteer.resolve("Lyon")
    assert 385 < gazetteer.distance_km(paris.latitude, paris.longitude, lyon.latitude, lyon.longitude) < 400
    min_lat, max_lat, ranges = gazetteer.bounding_box(45.0, 4.0, 10)
    assert min_lat < 45 < max_lat and len(ranges) == 1
    # Across the antimeridian the box has two longitude ranges.
    _a, _b, ranges = gazetteer.bounding_box(-17.0, 179.95, 20)
    assert len(ranges) == 2


def test_the_population_threshold_is_a_setting_any_number_works(settings):
    gazetteer._index.cache_clear()
    try:
        settings.RECONFORT_GAZETTEER_MIN_POPULATION = 2_000_000
        assert gazetteer.resolve("Paris") is not None and gazetteer.resolve("Saint-Étienne") is None
        settings.RECONFORT_GAZETTEER_MIN_POPULATION = 3000  # between two shipped files
        gazetteer._index.cache_clear()
        towns = gazetteer._index()[0].values()
        assert min(p.population for p in towns) >= 3000 and gazetteer.resolve("Saint-Étienne") is not None
    finally:
        gazetteer._index.cache_clear()
