"""NOV store migrations keep what the store holds, on both engines."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import text

from goedgeregeld.nov.store.database import MIGRATIONS_DIR, NovStore, _engine_for, open_nov_store


def _store_at(revision: str, data_dir: Path, url: str | None) -> NovStore:
    engine = _engine_for(url or f"sqlite:///{data_dir / 'nov.sqlite3'}")
    with engine.connect() as connection:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
        connection.commit()
    return NovStore(engine, "test")


def test_nov0003_keeps_only_what_the_newest_file_says(nov_dir: Path, nov_url: str | None) -> None:
    old = _store_at("nov0002", nov_dir, nov_url)
    when = "2024-01-01 00:00:00"
    files = [("i", 1, "a"), ("i", 2, "b"), ("j", 1, "c")]
    observations = [
        ("i", "organisations", "kept", 2),  # in installation i's newest file
        ("i", "organisations", "stale", 1),  # only in its superseded file
        ("j", "organisations", "only-file", 1),  # j has one file: it is the newest
    ]
    with old.begin() as connection:
        for installation, sequence, digest in files:
            connection.execute(
                text("INSERT INTO nov_file VALUES (:i, :s, :d, :w, :w)"),
                {"i": installation, "s": sequence, "d": digest, "w": when},
            )
        for installation, kind, entity, sequence in observations:
            connection.execute(
                text(
                    "INSERT INTO nov_observation VALUES (:i, :k, :e, :s, :w, 2020, NULL, 'klein')"
                ),
                {"i": installation, "k": kind, "e": entity, "s": sequence, "w": when},
            )
    old.close()
    store = open_nov_store(nov_dir, nov_url)
    try:
        with store.begin() as connection:
            left = connection.execute(text("SELECT entity_id FROM nov_observation")).scalars()
            assert sorted(left) == ["kept", "only-file"]
            assert connection.execute(text("SELECT COUNT(*) FROM nov_file")).scalar() == 3
    finally:
        store.close()


def test_nov0004_gives_existing_rows_an_owner_and_adds_the_quarantine(
    nov_dir: Path, nov_url: str | None
) -> None:
    old = _store_at("nov0003", nov_dir, nov_url)
    with old.begin() as connection:
        for installation, merged, reported, province in (
            ("a", "2024-05-01 10:00:00", "2024-04-01 00:00:00", "Utrecht"),
            ("b", "2024-01-01 10:00:00", "2024-06-01 00:00:00", "Zeeland"),
        ):
            connection.execute(
                text("INSERT INTO nov_file VALUES (:i, 1, :i, :r, :m)"),
                {"i": installation, "r": reported, "m": merged},
            )
            connection.execute(
                text(
                    "INSERT INTO nov_observation VALUES "
                    "(:i, 'organisations', 'shared', 1, :r, 2020, :p, 'klein')"
                ),
                {"i": installation, "r": reported, "p": province},
            )
    old.close()
    store = open_nov_store(nov_dir, nov_url)
    try:
        from goedgeregeld.nov.store.figures import national_figures
        from goedgeregeld.nov.store.quarantine import list_quarantine

        # b was merged first, so it owns the shared id, though a's report is older.
        assert national_figures(store)["organisations"].by_province() == {"Zeeland": 1}
        assert list_quarantine(store) == []
    finally:
        store.close()


def test_nov0007_starts_the_totals_from_a_recount(nov_dir: Path, nov_url: str | None) -> None:
    old = _store_at("nov0006", nov_dir, nov_url)
    when = "2024-01-01 00:00:00"
    with old.begin() as connection:
        connection.execute(text("INSERT INTO nov_file VALUES ('i', 1, 'abc', :w, :w)"), {"w": when})
        for entity, province in (("one", "Utrecht"), ("two", None)):
            connection.execute(
                text(
                    "INSERT INTO nov_observation VALUES "
                    "('i', 'organisations', :e, 1, :w, 2020, :p, 'klein', :w, :w)"
                ),
                {"e": entity, "w": when, "p": province},
            )
    old.close()
    store = open_nov_store(nov_dir, nov_url)
    try:
        from goedgeregeld.nov.store.figures import national_figures, recounted_figures

        figures = national_figures(store)
        assert figures == recounted_figures(store)
        assert figures["organisations"].by_province() == {"Utrecht": 1, "onbekend": 1}
        with store.begin() as connection:
            known = connection.execute(text("SELECT digest FROM nov_known_file")).scalars()
            assert list(known) == ["abc"]
    finally:
        store.close()


def test_nov0008_numbers_installations_in_the_order_nov_first_merged_them(
    nov_dir: Path, nov_url: str | None, tmp_path: Path
) -> None:
    from nov_helpers import document, new_id, org, write

    from goedgeregeld.nov.aggregate import aggregate
    from goedgeregeld.nov.store.figures import national_figures, recounted_figures
    from goedgeregeld.nov.store.models import entity_key
    from goedgeregeld.nov.store.totals import rebuild_totals_in

    late, early, shared, own = new_id(), new_id(), new_id(), new_id()
    old = _store_at("nov0007", nov_dir, nov_url)
    rows = [
        (late, "organisations", shared, 2, "2024-03-01 00:00:00", 2020, "Utrecht", "klein"),
        (late, "organisations", own, 2, "2024-03-01 00:00:00", 2021, None, "klein"),
        (early, "organisations", shared, 1, "2024-01-01 00:00:00", 2020, "Zeeland", "klein"),
    ]
    with old.begin() as connection:
        for installation, sequence, merged in ((late, 2, "2024-03-02"), (early, 1, "2024-01-02")):
            connection.execute(
                text("INSERT INTO nov_file VALUES (:i, :s, :d, :w, :m)"),
                {"i": installation, "s": sequence, "d": f"d{sequence}", "w": merged, "m": merged},
            )
        for row in rows:
            first = "2024-03-02" if row[0] == late else "2024-01-02"
            connection.execute(
                text("INSERT INTO nov_observation VALUES (:i, :k, :e, :s, :r, :y, :p, :d, :f, :r)"),
                dict(zip("ikesrypd", row, strict=True)) | {"f": first},
            )
        rebuild_totals_in(connection)  # as the merges that wrote these rows kept them
    before = recounted_figures(old)
    old.close()
    store = open_nov_store(nov_dir, nov_url)
    try:
        with store.begin() as connection:
            found = connection.execute(text("SELECT id, number FROM nov_installation"))
            numbers = {installation: number for installation, number in found}
            kept = connection.execute(
                text(
                    "SELECT installation_id, kind, entity_id, sequence, year, province, detail, "
                    "installation_no, entity_key FROM nov_observation"
                )
            ).all()
            files = connection.execute(
                text("SELECT installation_id, installation_no FROM nov_file")
            ).all()
        assert numbers == {early: 1, late: 2}
        assert sorted(tuple(r[:7]) for r in kept) == sorted(
            (r[0], r[1], r[2], r[3], r[5], r[6], r[7]) for r in rows
        )
        assert all(r[7] == numbers[r[0]] and r[8] == entity_key(r[2]) for r in kept)
        assert sorted(files) == sorted((i, n) for i, n in numbers.items())
        assert national_figures(store) == recounted_figures(store) == before
        # The owner of the shared id is the installation NOV merged first (Zeeland).
        assert before["organisations"].by_province() == {"Zeeland": 1, "onbekend": 1}
        # A newer file of a numbered installation merges under its number.
        newer = document(
            late,
            3,
            organisations=[
                (shared, 2020, "Utrecht", "klein"),
                (own, 2021, None, "klein"),
                org(2022),
            ],
        )
        assert aggregate(store, [write(tmp_path / "drie.json", newer)]).files.accepted == 1
        assert national_figures(store) == recounted_figures(store)
        assert national_figures(store)["organisations"].total == 3
    finally:
        store.close()


def test_nov0009_keeps_every_known_digest_and_finds_it_by_its_key(
    nov_dir: Path, nov_url: str | None
) -> None:
    from goedgeregeld.nov.store.known import known_in

    digests = [f"{n:064x}" for n in (1, 2, 3)] + ["f" * 15 + "0" * 49, "f" * 15 + "1" * 49]
    old = _store_at("nov0008", nov_dir, nov_url)
    with old.begin() as connection:
        for digest in digests:
            connection.execute(text("INSERT INTO nov_known_file VALUES (:d)"), {"d": digest})
    old.close()
    store = open_nov_store(nov_dir, nov_url)
    try:
        with store.begin() as connection:
            kept = connection.execute(text("SELECT digest FROM nov_known_file")).scalars()
            assert sorted(kept) == sorted(digests)
            # The last two share their key: each is found as itself, an unknown one is not.
            other = "f" * 15 + "2" * 49
            assert known_in(connection, [*digests[-2:], other]) == set(digests[-2:])
    finally:
        store.close()


def test_nov0010_keeps_every_row_and_finds_it_in_the_levels(
    nov_dir: Path, nov_url: str | None
) -> None:
    from goedgeregeld.nov.store.installations import numbers_in
    from goedgeregeld.nov.store.known import known_in

    old = _store_at("nov0009", nov_dir, nov_url)
    installations = {f"0000000{n}-0000-4000-8000-000000000000": n for n in (1, 2, 3)}
    with old.begin() as connection:
        for installation, number in installations.items():
            connection.execute(
                text("INSERT INTO nov_installation (number, id) VALUES (:n, :i)"),
                {"n": number, "i": installation},
            )
        connection.execute(
            text("INSERT INTO nov_known_file (digest, digest_key) VALUES (:d, :k)"),
            {"d": "1" * 64, "k": int("1" * 15, 16)},
        )
    old.close()
    store = open_nov_store(nov_dir, nov_url)
    try:
        with store.begin() as connection:
            assert numbers_in(connection, [*installations, "nobody"]) == installations
            assert known_in(connection, ["1" * 64]) == {"1" * 64}
            marks = connection.execute(text("SELECT name, mark FROM nov_index_level")).all()
            if nov_url is None:  # everything starts recent; PostgreSQL keeps one index each
                assert sorted(marks) == [
                    ("ix_nov_known_file_digest_key", 0),
                    ("ix_nov_observation_entity_key", 0),
                    ("uq_nov_installation_id", 0),
                ]
            else:
                assert marks == []
    finally:
        store.close()
