"""A few realistic client evaluation files for the adviser screenshots."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from goedgeregeld.exchange.benchmark import make_evaluation_files

CLIENTS = (
    ("Voedselbank Oost", "Arnhem", "Gelderland"),
    ("Buurthuis De Linde", "Deventer", "Overijssel"),
    ("Stichting Taalmaatjes", "Utrecht", "Utrecht"),
    ("Hospice Het Anker", "Middelburg", "Zeeland"),
)


def more_clients(folder: Path) -> list[Path]:
    """Evaluation files of differently named clients (fresh ids, names and places)."""
    import hashlib

    files = make_evaluation_files(folder, len(CLIENTS))
    for path, (name, city, province) in zip(files, CLIENTS, strict=True):
        with zipfile.ZipFile(path) as archive:
            members = {i.filename: archive.read(i) for i in archive.infolist()}
        manifest = json.loads(members.pop("manifest.json"))
        organisation = json.loads(members["organisation.json"])
        organisation.update(name=name, city=city, province=province)
        members["organisation.json"] = json.dumps(organisation).encode("utf-8")
        manifest["members"] = {n: hashlib.sha256(d).hexdigest() for n, d in members.items()}
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("manifest.json", json.dumps(manifest))
            for member, data in members.items():
                archive.writestr(member, data)
    return files
