#!/usr/bin/env python3
"""Independent check: parse model + draft into article/clause units, align with an
explicit map, and print every unit that differs (plus unmatched units), so each
key entry can be confirmed against both texts."""
import re, json, sys, difflib

def parse(text):
    arts = {}        # n -> {"title":..., "clauses": {0: intro, k: text}}
    pre = []
    cur = None; ck = 0
    for line in text.split("\n"):
        s = line.strip()
        if not s:
            continue
        m = re.match(r"^Điều (\d+)\.\s*(.*)$", s)
        if m:
            cur = int(m.group(1)); assert cur not in arts, cur
            arts[cur] = {"title": m.group(2), "clauses": {}}; ck = 0
            continue
        if cur is None:
            pre.append(s); continue
        if re.match(r"^Chương [IVX]+$", s) or s.isupper() and len(s) > 5 and not re.match(r"^\d", s):
            # chapter heading / uppercase line ends the article body
            if s.startswith("Chương") or s in ("NHIỆM VỤ, QUYỀN HẠN CỦA CÁ NHÂN", "MỐI QUAN HỆ CÔNG TÁC",
                                                "NGUYÊN TẮC VÀ CHẾ ĐỘ LÀM VIỆC", "ĐIỀU KHOẢN THI HÀNH"):
                continue
        if s.startswith("Nơi nhận"):
            cur = "END"; arts[cur] = {"title": "", "clauses": {}}; ck = 0
        m = re.match(r"^(\d+)\.\s", s)
        if m and cur != "END":
            ck = int(m.group(1)); assert ck not in arts[cur]["clauses"], (cur, ck)
            arts[cur]["clauses"][ck] = s; continue
        arts[cur]["clauses"][ck] = (arts[cur]["clauses"].get(ck, "") + " " + s).strip()
    return pre, arts

def strip_num(s):
    return re.sub(r"^\d+\.\s", "", s)

def show(a, b):
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    out = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op != "equal":
            out.append("   %s: %r -> %r" % (op, a[max(0,i1-25):i2+25], b[max(0,j1-25):j2+25]))
    return "\n".join(out)

def run(model_path, draft_path, start_marker, amap, cmap):
    mt = open(model_path, encoding="utf-8").read()
    mt = mt[mt.index(start_marker):]
    dt = open(draft_path, encoding="utf-8").read()
    mpre, ma = parse(mt); dpre, da = parse(dt)
    print("== preamble diffs")
    for x, y in zip(mpre, dpre):
        if x != y: print("  M:", x, "\n  D:", y)
    if len(mpre) != len(dpre): print("  preamble length", len(mpre), len(dpre))
    used = set()
    for mn, art in ma.items():
        dn = amap.get(mn, mn) if mn != "END" else "END"
        if dn is None:
            print("== model %s (%s) NOT IN DRAFT" % (mn, art["title"])); continue
        d = da[dn]
        if art["title"] != d["title"]:
            print("== title m%s -> d%s: %r -> %r" % (mn, dn, art["title"], d["title"]))
        for ck, ctext in art["clauses"].items():
            dk = cmap.get((mn, ck), ck)
            if dk is None:
                print("== m%s.%s NOT IN DRAFT: %s" % (mn, ck, ctext[:90])); continue
            used.add((dn, dk))
            dtext = d["clauses"].get(dk)
            if dtext is None:
                print("== m%s.%s -> d%s.%s MISSING" % (mn, ck, dn, dk)); continue
            if strip_num(ctext) != strip_num(dtext):
                print("== m%s.%s -> d%s.%s differs" % (mn, ck, dn, dk)); print(show(strip_num(ctext), strip_num(dtext)))
    for dn, art in da.items():
        for dk, dtext in art["clauses"].items():
            if (dn, dk) not in used:
                print("== draft %s.%s (%s) has no model counterpart: %s" % (dn, dk, art["title"][:50], dtext[:100]))

if sys.argv[1] == "261":
    amap = {n: n + 1 for n in range(4, 16)}; amap[16] = 16
    cmap = {(4, 8): None, (4, 9): 8, (4, 10): 9, (16, 1): 4, (16, 2): 5, (16, 3): 6}
    run("/work/main/data/regulations/quy-che-mau-dang-uy-ubnd-tinh-2025.txt",
        "/work/compare-acceptance/draft-from-261.txt", "\tĐẢNG BỘ TỈNH, THÀNH PHỐ", amap, cmap)
else:
    amap = {n: n + 1 for n in range(6, 14)}; amap[14] = None; amap[18] = 17
    amap.update({n: n - 1 for n in range(19, 26)})
    cmap = {(4, 10): None, (4, 11): 10, (4, 12): 11, (4, 13): 12, (18, 1): 4, (18, 2): 5, (18, 3): 6}
    run("/work/main/data/regulations/quy-che-mau-cap-uy-cap-huyen-du-thao-2023.txt",
        "/work/compare-acceptance/draft-from-district.txt", "ĐẢNG BỘ TỈNH\n", amap, cmap)
