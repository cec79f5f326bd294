"""Synthetic regulations for the scale benchmark: realistic layouts, recombined text.

Each document takes article titles and clause sentences from the bundled corpus and
recombines them under another province, body, number and term, in one of several
layouts (headings "Điều 1.", "**Điều 1.**", "Điều 1:", "ĐIỀU 1 -"; clauses "1.",
"1/-", "1)"; points "a)", "-"). Deterministic for a given seed. A manifest records the
corpus clause each synthetic clause came from, so the benchmark can reuse its vector.
"""

from __future__ import annotations

import functools
import random
import re
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from ingest.structure import BULLET, CLAUSE, LETTER_POINT

CORPUS = Path(__file__).resolve().parent.parent / "data" / "regulations"
MANIFEST = "synth-manifest.json"

PROVINCES: tuple[str, ...] = (
    "Hà Giang", "Cao Bằng", "Lạng Sơn", "Tuyên Quang", "Thái Nguyên", "Phú Thọ", "Bắc Ninh",
    "Hải Dương", "Hưng Yên", "Thái Bình", "Nam Định", "Ninh Bình", "Thanh Hóa", "Nghệ An",
    "Hà Tĩnh", "Quảng Bình", "Quảng Trị", "Quảng Ngãi", "Bình Định", "Phú Yên", "Khánh Hòa",
    "Gia Lai", "Đắk Lắk", "Lâm Đồng", "Bình Phước", "Tây Ninh", "Long An", "Tiền Giang",
    "Bến Tre", "Vĩnh Long", "Trà Vinh", "Sóc Trăng", "An Giang", "Kiên Giang", "Cà Mau",
)  # fmt: skip
CORPUS_PROVINCES: tuple[str, ...] = ("Kon Tum", "Đồng Tháp", "Điện Biên")
ROMAN: tuple[str, ...] = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
HEADINGS: tuple[str, ...] = ("dot", "markdown", "colon", "upper-dash")
CLAUSE_STYLES: tuple[str, ...] = ("dot", "slash-dash", "paren")
POINT_STYLES: tuple[str, ...] = ("letter", "dash")


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    issuer: str  # as printed in the header, with {p} for the place
    governed: str  # "Ban Chấp hành Đảng bộ tỉnh {p}"
    code: str  # "TU"
    place_word: str  # "tỉnh"


BODIES: tuple[Body, ...] = (
    Body(issuer="TỈNH ỦY {P}", governed="Ban Chấp hành Đảng bộ tỉnh {p}", code="TU",
         place_word="tỉnh"),
    Body(issuer="BAN THƯỜNG VỤ TỈNH ỦY {P}", governed="Ban cán sự đảng Ủy ban nhân dân tỉnh {p}",
         code="TU", place_word="tỉnh"),
    Body(issuer="ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH {P}",
         governed="Ban Chấp hành Đảng bộ Khối các cơ quan tỉnh {p}", code="ĐUK",
         place_word="tỉnh"),
    Body(issuer="HUYỆN ỦY {P}", governed="Ban Chấp hành Đảng bộ huyện {p}", code="HU",
         place_word="huyện"),
)  # fmt: skip


class SynthClause(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    article: int
    clause: int | None
    source_document: str
    source_article: int
    source_part: str
    source_clause: int | None


class SynthDoc(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    file: str
    document_id: str
    articles: int
    heading_style: str
    clause_style: str
    clauses: tuple[SynthClause, ...] = ()


class SynthManifest(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    seed: int
    docs: tuple[SynthDoc, ...] = Field(default=())


class PoolClause(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    body: str  # clause text without its number marker
    document_id: str
    part: str
    article: int
    clause: int | None


class PoolArticle(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str
    clauses: tuple[PoolClause, ...]  # numbered clauses, or one lead-in text


@functools.lru_cache(maxsize=4)
def corpus_pool(folder: Path = CORPUS) -> tuple[PoolArticle, ...]:
    """Articles of the bundled corpus with their clause texts, markers stripped."""
    from ingest.parse import parse_file

    pool: list[PoolArticle] = []
    for path in sorted(folder.glob("*.txt")):
        doc = parse_file(path)
        for article in doc.articles:
            numbered = article.numbered_clauses
            chosen = numbered or tuple(c for c in article.clauses if c.number is None)
            clauses = tuple(
                PoolClause(
                    body=_strip_marker(c.text),
                    document_id=doc.id,
                    part=article.part,
                    article=article.number,
                    clause=c.number,
                )
                for c in chosen
                if c.text.strip()
            )
            if article.title and clauses:
                pool.append(PoolArticle(title=article.title, clauses=clauses))
    return tuple(pool)


def _strip_marker(text: str) -> str:
    first, _, rest = text.strip().partition("\n")
    first = CLAUSE.sub("", first, count=1)
    return f"{first}\n{rest}".strip() if rest else first.strip()


_DAYS = re.compile(r"\b(\d{1,2}) ngày\b")


def _restyle(body: str, place: str, point_style: str, rng: random.Random) -> str:
    """Another place, other day counts, the chosen point style; one line per point."""
    for name in CORPUS_PROVINCES:
        body = body.replace(name, place)
    body = _DAYS.sub(lambda m: f"{rng.choice((1, 2, 3, 5, 7, 10, 15)):02d} ngày", body)
    lines = []
    letters = iter("abcdđeghiklmnopqrstuvxy")
    for line in body.splitlines():
        line = line.strip()
        if not line:
            continue
        if LETTER_POINT.match(line) or BULLET.match(line):
            text = BULLET.sub("", LETTER_POINT.sub("", line, count=1), count=1)
            marker = f"{next(letters, 'y')})" if point_style == "letter" else "-"
            line = f"{marker} {text}"
        elif re.match(r"^\s*(?:Điều|ĐIỀU|Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)\b", line):
            line = "Theo " + line[0].lower() + line[1:]  # never a heading inside a clause
        elif CLAUSE.match(line):
            line = "- " + line
        lines.append(line)
    return "\n".join(lines)


def _heading(style: str, number: int, title: str) -> str:
    if style == "markdown":
        return f"**Điều {number}.** {title}"
    if style == "colon":
        return f"Điều {number}: {title}"
    if style == "upper-dash":
        return f"ĐIỀU {number} - {title.upper()}"
    return f"Điều {number}. {title}"


def _clause_marker(style: str, number: int) -> str:
    if style == "slash-dash":
        return f"{number}/-"
    if style == "paren":
        return f"{number})"
    return f"{number}."


def _header(body: Body, place: str, number: int, term: int, year: int, rng: random.Random) -> str:
    day, month = rng.randint(1, 28), rng.randint(1, 12)
    governed = body.governed.format(p=place)
    return "\n".join(
        [
            body.issuer.format(P=place.upper()),
            "*",
            f"Số {number:02d}-QC/{body.code}",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            f"{place}, ngày {day:02d} tháng {month:02d} năm {year}",
            "",
            "QUY CHẾ",
            f"làm việc của {governed} khóa {ROMAN[term % len(ROMAN)]}, nhiệm kỳ {year}-{year + 5}",
            "-----",
            "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;",
            f"- Căn cứ Quy định số {rng.randint(20, 300)}-QĐ/TW của Ban Chấp hành Trung ương;",
            f"{governed} ban hành Quy chế làm việc như sau:",
            "",
        ]
    )


def render(
    rng: random.Random, pool: Sequence[PoolArticle], file_stem: str
) -> tuple[str, str, SynthDoc]:
    """Text, file suffix and manifest entry of one synthetic regulation."""
    body = rng.choice(BODIES)
    place = rng.choice(PROVINCES)
    heading = rng.choice(HEADINGS)
    clause_style = rng.choice(CLAUSE_STYLES)
    point_style = rng.choice(POINT_STYLES)
    year = rng.choice((2020, 2021, 2025))
    lines = [_header(body, place, rng.randint(1, 99), rng.randint(1, 20), year, rng)]
    n_articles = rng.randint(8, 30)
    chapters = max(1, min(6, n_articles // 5))
    per_chapter = -(-n_articles // chapters)
    records: list[SynthClause] = []
    for index in range(n_articles):
        number = index + 1
        if index % per_chapter == 0:
            chapter = index // per_chapter + 1
            lines += ["", f"Chương {ROMAN[chapter - 1]}", rng.choice(pool).title.upper()]
        article = rng.choice(pool)
        lines.append(_heading(heading, number, article.title))
        chosen = list(article.clauses)
        numbered = chosen[0].clause is not None
        if numbered:
            rng.shuffle(chosen)
            chosen = sorted(
                chosen[: rng.randint(1, min(6, len(chosen)))], key=lambda c: c.clause or 0
            )
        else:
            chosen = chosen[:1]
        for k, clause in enumerate(chosen, start=1):
            text = _restyle(clause.body, place, point_style, rng)
            if numbered:
                text = f"{_clause_marker(clause_style, k)} {text}"
            lines.append(text)
            records.append(
                SynthClause(
                    article=number,
                    clause=k if numbered else None,
                    source_document=clause.document_id,
                    source_article=clause.article,
                    source_part=clause.part,
                    source_clause=clause.clause,
                )
            )
    lines += ["", "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "(đã ký)", ""]
    suffix = ".md" if heading == "markdown" else ".txt"
    entry = SynthDoc(
        file=file_stem + suffix,
        document_id=file_stem,
        articles=n_articles,
        heading_style=heading,
        clause_style=clause_style,
        clauses=tuple(records),
    )
    return "\n".join(lines), suffix, entry


def generate(n: int, out_dir: Path, seed: int = 0) -> SynthManifest:
    """Write ``n`` synthetic regulations (and ``synth-manifest.json``) into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    pool = corpus_pool()
    docs: list[SynthDoc] = []
    for i in range(n):
        rng = random.Random(f"{seed}-{i}")
        stem = f"quy-che-tong-hop-{seed}-{i:05d}"
        text, _suffix, entry = render(rng, pool, stem)
        (out_dir / entry.file).write_text(text, encoding="utf-8")
        docs.append(entry)
    manifest = SynthManifest(seed=seed, docs=tuple(docs))
    (out_dir / MANIFEST).write_text(manifest.model_dump_json(), encoding="utf-8")
    return manifest


__all__ = ["SynthDoc", "SynthManifest", "corpus_pool", "generate"]
