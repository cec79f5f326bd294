"""Character accuracy of the OCR path on a made-up regulation rendered as a 300 dpi scan.

``python -m eval.ocr_accuracy`` prints the figure; tests/ingest/test_ocr.py asserts it.
The scan is drawn here (Pillow, DejaVu Sans), never committed: no real document is used.
"""

from __future__ import annotations

import io
import re
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

if TYPE_CHECKING:
    from PIL.Image import Image

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
DPI = 300
PAGE_PX = (2480, 3508)  # A4 at 300 dpi
MARGIN_PX = 200
FONT_PX = 46  # about 11 pt at 300 dpi
LINE_PX = 70

# A made-up commune committee; any resemblance to a real regulation is by design only.
PAGE_ONE = """ĐẢNG BỘ XÃ SUỐI MÂY
QUY CHẾ LÀM VIỆC
của Ban Chấp hành Đảng bộ xã Suối Mây, nhiệm kỳ 2025 - 2030
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Quy chế này quy định trách nhiệm, quyền hạn và chế độ làm việc của Ban Chấp hành, Ban Thường vụ Đảng ủy xã Suối Mây.
Điều 2. Nguyên tắc làm việc
1. Bảo đảm nguyên tắc tập trung dân chủ, tập thể lãnh đạo, cá nhân phụ trách.
2. Mỗi ủy viên chịu trách nhiệm trước Ban Chấp hành về lĩnh vực được phân công.
Điều 3. Chế độ họp của Ban Thường vụ
1. Ban Thường vụ họp thường kỳ mỗi tháng hai lần, vào tuần đầu và tuần cuối của tháng.
2. Hội nghị hợp lệ khi có ít nhất hai phần ba số ủy viên Ban Thường vụ có mặt.
3. Tài liệu hội nghị được gửi đến các ủy viên trước ít nhất 03 ngày làm việc, trừ trường hợp sau:
a) Có việc đột xuất cần xin ý kiến ngay;
b) Bí thư quyết định triệu tập hội nghị bất thường.
"""

PAGE_TWO = """Chương II
TÀI CHÍNH VÀ THI HÀNH
Điều 4. Quyết định về tài chính
1. Ban Thường vụ quyết định các khoản chi từ 50 triệu đồng trở lên.
2. Thường trực Đảng ủy quyết định các khoản chi dưới 50 triệu đồng và báo cáo Ban Thường vụ tại phiên họp gần nhất.
Điều 5. Hiệu lực thi hành
Quy chế này có hiệu lực kể từ ngày ký; các chi bộ trực thuộc có trách nhiệm thực hiện.
"""

_WS = re.compile(r"\s+")


class OcrAccuracy(BaseModel):
    """One measurement: how close the OCR'd text is to the text that was drawn."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    characters: int
    errors: int  # Levenshtein distance after whitespace normalisation
    accuracy: float
    seconds: float


def render_page(text: str) -> Image:
    """A white A4 page at 300 dpi with ``text`` drawn line by line, wrapped to the margins."""
    from PIL import Image as PILImage
    from PIL import ImageDraw, ImageFont

    font = ImageFont.truetype(str(FONT), FONT_PX)
    page = PILImage.new("L", PAGE_PX, 255)
    draw = ImageDraw.Draw(page)
    y = MARGIN_PX
    for line in _wrap(text, font.getlength, PAGE_PX[0] - 2 * MARGIN_PX):
        draw.text((MARGIN_PX, y), line, font=font, fill=0)
        y += LINE_PX
    return page


def _wrap(text: str, measure: Callable[[str], float], width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in text.splitlines():
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}" if line else word
            if line and measure(candidate) > width:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return lines


def image_pdf(pages: list[Image]) -> bytes:
    """An image-only PDF (no text layer), one page per image, at 300 dpi."""
    buffer = io.BytesIO()
    first, *rest = pages
    first.save(buffer, "PDF", resolution=DPI, save_all=True, append_images=rest)
    return buffer.getvalue()


def normalise(text: str) -> str:
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()


def char_accuracy(reference: str, read: str) -> tuple[float, int]:
    """1 - Levenshtein(reference, read) / len(reference), whitespace normalised."""
    from symspellpy.editdistance import DistanceAlgorithm, EditDistance

    ref, got = normalise(reference), normalise(read)
    distance = EditDistance(DistanceAlgorithm.LEVENSHTEIN).compare(ref, got, max(len(ref), 1))
    if distance < 0:  # beyond the bound: as bad as it gets
        distance = max(len(ref), len(got))
    return 1 - distance / max(len(ref), 1), distance


def measure(pages: tuple[str, ...] = (PAGE_ONE, PAGE_TWO)) -> OcrAccuracy:
    """Render ``pages`` as a scan, read it back through ingest's PDF reader, compare."""
    from ingest.ocr import read_pdf

    data = image_pdf([render_page(p) for p in pages])
    started = time.perf_counter()
    source = read_pdf("scan.pdf", data)
    seconds = time.perf_counter() - started
    reference = "\n".join(pages)
    accuracy, errors = char_accuracy(reference, source.text)
    return OcrAccuracy(
        characters=len(normalise(reference)), errors=errors, accuracy=accuracy, seconds=seconds
    )


def main() -> None:
    result = measure()
    print(
        f"OCR character accuracy: {result.accuracy:.2%} "
        f"({result.errors} edits in {result.characters} characters, "
        f"{result.seconds:.1f} s for 2 pages at {DPI} dpi)"
    )


if __name__ == "__main__":
    main()
