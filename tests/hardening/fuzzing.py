"""Mutations of genuine exchange files for the readers' fuzz tests (Hypothesis strategies)."""

from __future__ import annotations

import hashlib
import io
import json
import os
import zipfile
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

CORPUS = Path(__file__).resolve().parents[1] / "data" / "hostile"
BASE = CORPUS / "base"
QUESTIONNAIRE = Path(__file__).resolve().parents[2] / "questionnaires" / "goed-geregeld-2026.yaml"

# Examples per fuzz test: a few seconds each in the normal run; raise it for a long run by
# hand, e.g. GOEDGEREGELD_FUZZ_EXAMPLES=20000 python -m pytest -m fuzz --hypothesis-show-statistics
EXAMPLES = int(os.environ.get("GOEDGEREGELD_FUZZ_EXAMPLES", "60"))

# Written into JSON as raw tokens, since json.dumps cannot (or would not) write them.
_RAW_TOKENS = {
    "\x00big": "9" * 5001,
    "\x00negbig": "-" + "9" * 4000,
    "\x00float": "1e400",
    "\x00nan": "NaN",
    "\x00exp": "1" + "0" * 30,
    "\x00long": '"' + "x" * 70_000 + '"',
}
TRICKY = "\x00\x1b\x07\t\n\r\x85\x9b\u200b\u202e\u2066\u2028\u2029\ufeff\ud800\ufffe<&>\\\"'"
characters = st.one_of(st.characters(codec=None), st.sampled_from(TRICKY))
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from([0, -1, 2**31, 2**63, 2**64 + 1, 10**20, 1_000_001, 100_001]),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(characters, max_size=30),
    st.sampled_from([*_RAW_TOKENS, "", "2026-13-45T99:99:99", "Utrecht"]),
)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)


def dumps(document: Any) -> bytes:
    """JSON with the raw tokens put in place of their placeholders."""
    text = json.dumps(document, ensure_ascii=False)
    for placeholder, token in _RAW_TOKENS.items():
        text = text.replace(json.dumps(placeholder, ensure_ascii=False), token)
    return text.encode("utf-8", "surrogatepass")


def _paths(node: Any, where: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [where]
    if isinstance(node, dict):
        for key, value in node.items():
            found.extend(_paths(value, (*where, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(_paths(value, (*where, index)))
    return found


@st.composite
def mutated_document(draw: st.DrawFn, original: Any) -> Any:
    """A copy of a parsed document with one to three values replaced, keys dropped or added."""
    document = json.loads(json.dumps(original))
    for _ in range(draw(st.integers(1, 3))):
        where = draw(st.sampled_from(_paths(document)))
        action = draw(st.sampled_from(["replace", "replace", "delete", "add"]))
        if not where:
            document = draw(json_values) if action == "replace" else document
            continue
        parent = document
        for part in where[:-1]:
            parent = parent[part]
        if action == "replace":
            parent[where[-1]] = draw(json_values)
        elif action == "delete":
            del parent[where[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.text(max_size=8))] = draw(json_values)
        else:
            parent.append(draw(json_values))
    return document


def mutated_json(raw: bytes) -> st.SearchStrategy[bytes]:
    """A genuine JSON file with a few values changed (big numbers written as raw tokens)."""
    return mutated_document(json.loads(raw)).map(dumps)


@st.composite
def mutated_bytes(draw: st.DrawFn, raw: bytes) -> bytes:
    """Genuine bytes flipped, cut, spliced or grown; sometimes just random bytes."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.binary(max_size=2048))
    data = bytearray(raw)
    for _ in range(draw(st.integers(1, 4))):
        action = draw(st.sampled_from(["flip", "cut", "insert", "repeat"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if action == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif action == "cut":
            del data[at : at + draw(st.integers(1, 64))]
        elif action == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        else:
            data[at:at] = data[at : at + draw(st.integers(1, 64))] * draw(st.integers(1, 8))
    return bytes(data)


def members_of(path: Path) -> dict[str, bytes]:
    """The members of a genuine zip exchange file."""
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def rezip(members: dict[str, bytes], fix_manifest: bool = True) -> bytes:
    """A zip file of ``members``, with the manifest's checksums made to fit (or not)."""
    if fix_manifest and "manifest.json" in members:
        try:
            manifest = json.loads(members["manifest.json"])
            manifest["members"] = {
                n: hashlib.sha256(d).hexdigest()
                for n, d in sorted(members.items())
                if n != "manifest.json"
            }
            members = {**members, "manifest.json": json.dumps(manifest).encode()}
        except (ValueError, TypeError, AttributeError):
            pass
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@st.composite
def mutated_members(draw: st.DrawFn, path: Path) -> dict[str, bytes]:
    """The members of a genuine zip file with one JSON member mutated (manifest included)."""
    members = members_of(path)
    names = [n for n in members if n.endswith(".json")]
    name = draw(st.sampled_from(names))
    if draw(st.booleans()):
        members[name] = draw(mutated_json(members[name]))
    else:
        members[name] = draw(mutated_bytes(members[name]))
    if draw(st.integers(0, 5)) == 0:
        members[draw(st.sampled_from(["readme.txt", "evidence/" + "0" * 64, "../x.json"]))] = b"{}"
    return members


@st.composite
def mutated_archive(draw: st.DrawFn, path: Path) -> bytes:
    """A genuine zip file with one JSON member mutated, checksums fixed or left wrong."""
    members = draw(mutated_members(path))
    return rezip(members, fix_manifest=draw(st.integers(0, 4)) > 0)


@st.composite
def mutated_signed(draw: st.DrawFn, path: Path, payload: Path) -> bytes:
    """The signed envelope: its own members mutated, or a mutated payload re-wrapped."""
    members = members_of(path)
    if draw(st.booleans()):
        members["payload"] = draw(mutated_archive(payload))
    else:
        name = draw(st.sampled_from(["manifest.json", "signature.json"]))
        members[name] = draw(mutated_json(members[name]) | mutated_bytes(members[name]))
    return rezip(members, fix_manifest=draw(st.booleans()))
