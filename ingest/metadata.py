"""Document metadata read from the header of the text (never typed in per file).

The header is everything before the first article of the regulation. "Căn cứ ..." lines
cite other documents, so their numbers, dates and bodies are never taken for this one's.
A template's blanks ("Số: …..QC/ĐU", "ngày … tháng …") leave the field empty.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from ingest.errors import InputError
from ingest.models import DocumentMeta, Level, Status
from ingest.normalize import collapse_spaces, fold, sentence_case

_PLACEHOLDER = re.compile(r"\.{3}|…|\.{2,}\s*$")
_CITATION_LINE = re.compile(r"^[ \t]*(?:[-–+•][ \t]*)?(?:Căn cứ|Xét đề nghị|Theo đề nghị)", re.I)

_NUMBER = re.compile(
    r"^[ \t]*Số[ \t]*[:.]?[ \t]*(\d{1,5}[ \t]*-[ \t]*[A-ZĐ][A-ZĐa-zđ]*(?:/[A-ZĐ][A-ZĐa-zđ]*)+)",
    re.M,
)
_ATTACHED = re.compile(r"kèm theo (?:Quyết định|Quy định) số(?P<rest>[^()\n]*)\)", re.I)
_ATTACHED_NUMBER = re.compile(r"^[ \t]*(\d{1,5}[ \t]*-[ \t]*[A-ZĐ]+(?:/[A-ZĐ]+)+)")
_SLASH_DATE = re.compile(r"ngày[ \t]*(\d{1,2})[/-](\d{1,2})[/-](\d{4})")
_OF_BODY = re.compile(r"\bcủa[ \t]+(.+)$")
_DATE_WORDS = re.compile(
    r"ngày[ \t]+(\d{1,2})[ \t]+tháng[ \t]+(\d{1,2})[ \t]+năm[ \t]+(\d{4})", re.I
)
_TITLE_START = re.compile(r"^[ \t]*QUY (?:CHẾ|ĐỊNH)\b")
_TERM = re.compile(r"\bkh[oó]a[ \t]+([IVXLC]+)\b", re.I)
_TERM_PLAIN = re.compile(r"\bkhoá[ \t]+([IVXLC]+)\b", re.I)
_YEARS = re.compile(r"nhiệm kỳ[ \t]*(\d{4})[ \t]*[-–][ \t]*(\d{4})", re.I)
_ENACTING = re.compile(
    r"^[ \t]*(?P<body>[A-ZĐÂ][^\n]{3,200}?)[ \t]+(?:quyết định[ \t]+)?ban hành[ \t]+Quy (?:chế|định)",
    re.M,
)
_ORGAN_WORDS = re.compile(r"(ỦY|UỶ|ĐẢNG BỘ|BAN |CHI BỘ)")
_PROVINCE = re.compile(
    r"(?:TỈNH ỦY|TỈNH UỶ|Tỉnh ủy|Tỉnh uỷ|ĐẢNG BỘ TỈNH|Đảng bộ tỉnh|tỉnh|TỈNH)[ \t]+"
    r"(?P<name>[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ][^\s,.;:()]*"
    r"(?:[ \t]+[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ][^\s,.;:()]*)*)"
)


def read_sidecar(path: Path) -> dict[str, str] | None:
    """``<file>.meta.yaml`` / ``.meta.yml`` / ``.meta.json`` beside the file, if any."""
    for suffix in (".meta.yaml", ".meta.yml", ".meta.json"):
        sidecar = path.with_name(path.name + suffix)
        if not sidecar.exists():
            continue
        try:
            raw = sidecar.read_text(encoding="utf-8")
            data = json.loads(raw) if suffix == ".meta.json" else yaml.safe_load(raw)
        except (OSError, ValueError, yaml.YAMLError) as exc:
            raise InputError(str(sidecar), f"tệp metadata không đọc được ({exc})") from exc
        if not isinstance(data, dict):
            raise InputError(str(sidecar), "tệp metadata phải là một bảng khóa: giá trị")
        allowed = set(DocumentMeta.model_fields)
        unknown = set(data) - allowed
        if unknown:
            raise InputError(
                str(sidecar),
                f"khóa không hợp lệ: {', '.join(sorted(unknown))}; dùng {', '.join(sorted(allowed))}",
            )
        return {k: "" if v is None else str(v) for k, v in data.items()}
    return None


def extract_meta(header: str) -> DocumentMeta:
    # Two-column headers (docx tables, markdown tables) come as "TỈNH ỦY X\t\tĐẢNG CỘNG SẢN
    # VIỆT NAM": each column is a line of its own.
    lines = [
        cell
        for line in header.split("\n")
        for cell in (line.split("\t") if "\t" in line.strip() else [line])
        if not _CITATION_LINE.match(cell)
    ]
    own = "\n".join(lines)
    title_blocks = _title_blocks(lines)
    title = title_blocks[0] if title_blocks else ""
    number, attached_date, attached_body = _attached(own)
    number = _number(own) or number
    province = _province(own)
    issuing = attached_body or _organ(lines, province) or _enacting_body(own)
    governed = _governed_body(title_blocks)
    term_source = "\n".join([*title_blocks, *_enacting_lines(own)])
    return DocumentMeta(
        title=title,
        number=number,
        issuing_body=issuing,
        governed_body=governed,
        level=_level(governed, title, issuing),
        term=_term(term_source),
        term_years=_years(term_source),
        province=province,
        date_issued=_date(own) or attached_date,
        status=_status(own, title),
    )


def _title_blocks(lines: list[str]) -> list[str]:
    """Each "QUY CHẾ ..." heading with the lines that continue it."""
    blocks: list[str] = []
    i = 0
    while i < len(lines):
        if not _TITLE_START.match(lines[i]):
            i += 1
            continue
        parts = [lines[i].strip()]
        j = i + 1
        while j < len(lines):
            nxt = lines[j].strip()
            if not nxt:
                k = j + 1
                while k < len(lines) and not lines[k].strip():
                    k += 1
                if k < len(lines) and lines[k].strip()[:1].islower():
                    j = k
                    continue
                break
            if nxt.startswith(("(", "-", "*", "Căn cứ", "Số")) or _TITLE_START.match(nxt):
                break
            if len(nxt) > 160 or nxt.endswith(":"):
                break
            parts.append(nxt)
            j += 1
        title = collapse_spaces(" ".join(parts))
        if not _PLACEHOLDER.search(title) or len(title) > 20:
            blocks.append(_case_title(title))
        i = j
    return blocks


def _case_title(title: str) -> str:
    # "QUY CHẾ làm việc của ..." → "Quy chế làm việc của ...": lower a leading capitals run.
    if _mostly_upper(title):
        return sentence_case(title)
    words = title.split(" ")
    n_upper = next((i for i, w in enumerate(words) if not w.isupper()), len(words))
    if n_upper:
        title = " ".join([sentence_case(" ".join(words[:n_upper])), *words[n_upper:]])
    head, _, tail = title.partition(" của ")
    if tail and not _mostly_upper(tail):
        return f"{sentence_case(head)} của {tail}"
    return sentence_case(title)


def _mostly_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8


def _attached(text: str) -> tuple[str, str, str]:
    match = _ATTACHED.search(text)
    if match is None:
        return "", "", ""
    rest = match["rest"]
    number_match = _ATTACHED_NUMBER.match(rest)
    number = re.sub(r"[ \t]+", "", number_match.group(1)) if number_match else ""
    date_match = _SLASH_DATE.search(rest)
    date = ""
    if date_match:
        day, month, year = (int(g) for g in date_match.groups())
        date = f"{year}-{month:02d}-{day:02d}"
    body_match = _OF_BODY.search(rest)
    body = collapse_spaces(body_match.group(1)) if body_match else ""
    return number, date, "" if _PLACEHOLDER.search(body) else body


def _number(text: str) -> str:
    match = _NUMBER.search(text)
    return re.sub(r"[ \t]+", "", match.group(1)) if match else ""


def _province(text: str) -> str:
    for match in _PROVINCE.finditer(text):
        name = match["name"].strip()
        if name.isupper():
            name = " ".join(w.capitalize() for w in name.lower().split())
        if name and not _PLACEHOLDER.search(name):
            return name
    return ""


def _organ(lines: list[str], province: str) -> str:
    """The issuing organ printed top left ("TỈNH ỦY KON TUM"), above "Số ..."."""
    organ = ""
    for line in lines[:25]:
        stripped = line.strip()
        if stripped.startswith("Số") or stripped == "*" or _TITLE_START.match(stripped):
            break
        if not stripped or "CỘNG SẢN VIỆT NAM" in stripped or "QUYẾT ĐỊNH" in stripped:
            continue
        if _mostly_upper(stripped) and _ORGAN_WORDS.search(stripped):
            organ = stripped
    if not organ or _PLACEHOLDER.search(organ):
        return ""
    cased = _place_case(sentence_case(organ))
    if province and fold(province) not in fold(cased) and re.search(r"\b(tỉnh|thành phố)$", cased):
        cased = f"{cased} {province}"
    return cased


_PLACE_WORDS = re.compile(
    r"\b(tỉnh ủy|tỉnh uỷ|thành ủy|huyện ủy|tỉnh|huyện|xã|phường|thị trấn|thành phố|quận|thị xã)\s+(.+)$",
    re.I,
)


def _place_case(text: str) -> str:
    """ "Đảng ủy xã tân phú" → "Đảng ủy xã Tân Phú": capitalise the place name."""
    match = _PLACE_WORDS.search(text)
    if match is None:
        return text
    name = " ".join(w[:1].upper() + w[1:] for w in match.group(2).split())
    return text[: match.start(2)] + name


def _enacting_lines(text: str) -> list[str]:
    return [m.group(0) for m in _ENACTING.finditer(text)]


def _enacting_body(text: str) -> str:
    for match in _ENACTING.finditer(text):
        body = collapse_spaces(match["body"].split(",")[0])
        if not _PLACEHOLDER.search(body):
            return body
    return ""


def _governed_body(title_blocks: list[str]) -> str:
    candidates = []
    for block in title_blocks:
        _, sep, tail = block.partition(" của ")
        if not sep:
            continue
        tail = re.split(r",?[ \t]+(?:kh[oó]a|khoá|nhiệm kỳ)\b", tail, maxsplit=1, flags=re.I)[0]
        tail = tail.strip(" ,.;")
        if tail and not _PLACEHOLDER.search(tail):
            candidates.append(tail)
    mixed = [c for c in candidates if c != c.lower()]
    chosen = (mixed or candidates or [""])[0]
    return chosen[:1].upper() + chosen[1:]


def _level(governed: str, title: str, issuing: str) -> Level:
    for source in (governed, title, issuing):
        # "Đảng bộ xã Tân Phú (huyện Định Quán, tỉnh Đồng Nai)": parents in brackets don't count.
        folded = fold(re.sub(r"\([^)]*\)", " ", source))
        if not folded:
            continue
        if "ban can su" in folded:
            return "caucus"
        if re.search(r"\b(dang uy|dang bo) khoi\b|\bkhoi cac co quan\b", folded):
            return "bloc"
        if re.search(r"\bhuyen\b|\bquan uy\b|\bthi uy\b", folded):
            return "district"
        if re.search(r"\bxa\b|\bphuong\b|\bthi tran\b|\bco so\b|\bchi bo\b", folded):
            return "commune"
        if re.search(r"\btinh\b|\bthanh pho\b|\bthanh uy\b", folded):
            return "province"
        if re.search(r"\btrung uong\b|\bbo chinh tri\b|\bban bi thu\b", folded):
            return "central"
    return ""


def _term(text: str) -> str:
    match = _TERM.search(text) or _TERM_PLAIN.search(text)
    return f"khóa {match.group(1).upper()}" if match else ""


def _years(text: str) -> str:
    match = _YEARS.search(text)
    return f"{match.group(1)}-{match.group(2)}" if match else ""


def _date(text: str) -> str:
    match = _DATE_WORDS.search(text)
    if not match:
        return ""
    day, month, year = (int(g) for g in match.groups())
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return ""
    return f"{year}-{month:02d}-{day:02d}"


def line_date(line: str) -> str:
    """The ISO date a header line writes ("ngày 05 tháng 3 năm 2031", "ngày 24/01/2025"),
    or "" — the reading the metadata uses, for callers that look for the line itself."""
    found = _date(line)
    if found:
        return found
    match = _SLASH_DATE.search(line)
    if match is None:
        return ""
    day, month, year = (int(g) for g in match.groups())
    return f"{year}-{month:02d}-{day:02d}"


def enacts(line: str) -> bool:
    """ "Ban Thường vụ Tỉnh ủy ban hành Quy chế ...": the line names the enacting body."""
    return _ENACTING.search(line) is not None


def attached_to_decision(line: str) -> bool:
    """ "(Kèm theo Quyết định số 261-QĐ/TW, ngày ...)": the regulation's decision."""
    return _ATTACHED.search(line) is not None


def _status(text: str, title: str) -> Status:
    folded = fold(text)
    if "du thao" in folded:
        return "draft"
    if re.search(r"\bmau\b", fold(title)):
        return "template"
    return "in_force"
