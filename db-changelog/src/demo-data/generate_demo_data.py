#!/usr/bin/python3
"""Generate the Liquibase seed CSVs for Qinglang Inspect.

Writes
  db-changelog/src/main/resources/db/changelog/data/jurisdiction.csv  (reference data)
  db-changelog/src/main/resources/db/changelog/demo/enterprise.csv    (150 fictional enterprises)

Standard library only. The random generator has a fixed seed, so running the script
again rewrites both files byte-identically. Run from anywhere, e.g. from the repo root:

    /usr/bin/python3 db-changelog/src/demo-data/generate_demo_data.py
"""

import csv
import os
import random
import re

SEED = 20260518

HERE = os.path.dirname(os.path.abspath(__file__))
CHANGELOG_DIR = os.path.normpath(
    os.path.join(HERE, "..", "main", "resources", "db", "changelog"))
JURISDICTION_CSV = os.path.join(CHANGELOG_DIR, "data", "jurisdiction.csv")
ENTERPRISE_CSV = os.path.join(CHANGELOG_DIR, "demo", "enterprise.csv")

# ---------------------------------------------------------------------------
# Jurisdictions (GB/T 2260 division codes). Parents are listed before children.
# (code, parent_code, level, name_zh, name_en, office_name_zh, office_name_en, doc_prefix)
# ---------------------------------------------------------------------------

NATIONAL = "NATIONAL"
PROVINCIAL = "PROVINCIAL"
MUNICIPAL = "MUNICIPAL"
DISTRICT = "DISTRICT"

# Beijing's 16 districts: (code, name_zh, pinyin name, doc prefix)
BEIJING_DISTRICTS = [
    ("110101", "东城区", "Dongcheng", "京东网信"),
    ("110102", "西城区", "Xicheng", "京西网信"),
    ("110105", "朝阳区", "Chaoyang", "京朝网信"),
    ("110106", "丰台区", "Fengtai", "京丰网信"),
    ("110107", "石景山区", "Shijingshan", "京石网信"),
    ("110108", "海淀区", "Haidian", "京海网信"),
    ("110109", "门头沟区", "Mentougou", "京门网信"),
    ("110111", "房山区", "Fangshan", "京房网信"),
    ("110112", "通州区", "Tongzhou", "京通网信"),
    ("110113", "顺义区", "Shunyi", "京顺网信"),
    ("110114", "昌平区", "Changping", "京昌网信"),
    ("110115", "大兴区", "Daxing", "京兴网信"),
    ("110116", "怀柔区", "Huairou", "京怀网信"),
    ("110117", "平谷区", "Pinggu", "京平网信"),
    ("110118", "密云区", "Miyun", "京密网信"),
    ("110119", "延庆区", "Yanqing", "京延网信"),
]


def district_office(city_zh, district_zh, district_en):
    """Office of a district-level Party committee's cyberspace affairs commission."""
    return ("中共%s%s委网络安全和信息化委员会办公室" % (city_zh, district_zh),
            "%s Cyberspace Administration" % district_en)


def build_jurisdictions():
    rows = [("000000", None, NATIONAL, "全国", "National",
             "国家互联网信息办公室", "Cyberspace Administration of China", "国网信")]

    # Beijing: municipality directly under the central government.
    rows.append(("110000", "000000", MUNICIPAL, "北京市", "Beijing",
                 "北京市互联网信息办公室", "Beijing Municipal Cyberspace Administration",
                 "京网信"))
    for code, zh, en, prefix in BEIJING_DISTRICTS:
        office_zh, office_en = district_office("北京市", zh, en + " District")
        rows.append((code, "110000", DISTRICT, zh, en + " District",
                     office_zh, office_en, prefix))

    # Shanghai: municipality directly under the central government.
    rows.append(("310000", "000000", MUNICIPAL, "上海市", "Shanghai",
                 "上海市互联网信息办公室", "Shanghai Municipal Cyberspace Administration",
                 "沪网信"))
    for code, zh, en, prefix in [("310104", "徐汇区", "Xuhui District", "沪徐网信"),
                                 ("310115", "浦东新区", "Pudong New Area", "沪浦网信")]:
        office_zh, office_en = district_office("上海市", zh, en)
        rows.append((code, "310000", DISTRICT, zh, en, office_zh, office_en, prefix))

    # Guangdong province with Guangzhou and Shenzhen.
    rows.append(("440000", "000000", PROVINCIAL, "广东省", "Guangdong",
                 "广东省互联网信息办公室", "Guangdong Provincial Cyberspace Administration",
                 "粤网信"))
    rows.append(("440100", "440000", MUNICIPAL, "广州市", "Guangzhou",
                 "中共广州市委网络安全和信息化委员会办公室",
                 "Guangzhou Municipal Cyberspace Administration", "穗网信"))
    rows.append(("440300", "440000", MUNICIPAL, "深圳市", "Shenzhen",
                 "中共深圳市委网络安全和信息化委员会办公室",
                 "Shenzhen Municipal Cyberspace Administration", "深网信"))
    office_zh, office_en = district_office("深圳市", "南山区", "Nanshan District")
    rows.append(("440305", "440300", DISTRICT, "南山区", "Nanshan District",
                 office_zh, office_en, "深南网信"))

    # Zhejiang province with Hangzhou.
    rows.append(("330000", "000000", PROVINCIAL, "浙江省", "Zhejiang",
                 "浙江省互联网信息办公室", "Zhejiang Provincial Cyberspace Administration",
                 "浙网信"))
    rows.append(("330100", "330000", MUNICIPAL, "杭州市", "Hangzhou",
                 "中共杭州市委网络安全和信息化委员会办公室",
                 "Hangzhou Municipal Cyberspace Administration", "杭网信"))
    for code, zh, en, prefix in [("330108", "滨江区", "Binjiang District", "杭滨网信"),
                                 ("330110", "余杭区", "Yuhang District", "杭余网信")]:
        office_zh, office_en = district_office("杭州市", zh, en)
        rows.append((code, "330100", DISTRICT, zh, en, office_zh, office_en, prefix))

    # Materialised path, computed from the parent chain.
    by_code = {}
    out = []
    for code, parent, level, name_zh, name_en, off_zh, off_en, prefix in rows:
        assert re.fullmatch(r"\d{6}", code), code
        assert code not in by_code, "duplicate jurisdiction " + code
        if parent is None:
            path = "/%s/" % code
        else:
            assert parent in by_code, "parent must come before child: " + code
            path = by_code[parent]["path"] + code + "/"
        row = {"code": code, "parent_code": parent, "level": level,
               "name_zh": name_zh, "name_en": name_en,
               "office_name_zh": off_zh, "office_name_en": off_en,
               "doc_prefix": prefix, "path": path}
        by_code[code] = row
        out.append(row)

    prefixes = [r["doc_prefix"] for r in out]
    assert len(set(prefixes)) == len(prefixes), "doc_prefix must be unique"
    for r in out:
        # Column sizes of the jurisdiction table.
        assert len(r["name_zh"]) <= 64 and len(r["name_en"]) <= 64
        assert len(r["office_name_zh"]) <= 128 and len(r["office_name_en"]) <= 128
        assert len(r["doc_prefix"]) <= 16
    return out


# ---------------------------------------------------------------------------
# Unified Social Credit Code (GB 32100-2015) and organisation code (GB 11714-1997)
# ---------------------------------------------------------------------------

# GB 32100 character set: digits and capital letters without I, O, S, V, Z.
USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [pow(3, i, 31) for i in range(17)]
assert USCC_WEIGHTS == [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]


def org_char_value(ch):
    """GB 11714 value of a character: '0'-'9' -> 0-9, 'A'-'Z' -> 10-35."""
    if ch.isdigit():
        return ord(ch) - ord("0")
    return ord(ch) - ord("A") + 10


def org_check_char(body8):
    """GB 11714 check character for the 8-character body of an organisation code."""
    c = 11 - sum(org_char_value(ch) * w for ch, w in zip(body8, ORG_WEIGHTS)) % 11
    return {10: "X", 11: "0"}.get(c, str(c))


def uscc_check_char(body17):
    """GB 32100 check character (position 18) for the first 17 characters."""
    s = sum(USCC_CHARSET.index(ch) * w for ch, w in zip(body17, USCC_WEIGHTS))
    return USCC_CHARSET[(31 - s % 31) % 31]


def uscc_is_valid(code):
    if len(code) != 18 or any(ch not in USCC_CHARSET for ch in code):
        return False
    org = code[8:17]
    return org_check_char(org[:8]) == org[8] and uscc_check_char(code[:17]) == code[17]


# Published example from GB 32100-2015; it must validate.
assert uscc_is_valid("91350100M000100Y43")
assert not uscc_is_valid("91350100M000100Y44")


def make_uscc(rng, division_code):
    """'9' business registration, '1' enterprise, division code, 'MA' + 6 random
    characters + GB 11714 check character, then the GB 32100 check character."""
    # Random characters must be valid in both standards: the GB 32100 set is a subset
    # of GB 11714's (digits and capital letters), so the intersection is USCC_CHARSET.
    body8 = "MA" + "".join(rng.choice(USCC_CHARSET) for _ in range(6))
    org = body8 + org_check_char(body8)
    body17 = "91" + division_code + org
    code = body17 + uscc_check_char(body17)
    assert uscc_is_valid(code), code
    return code


# ---------------------------------------------------------------------------
# Enterprise names
# ---------------------------------------------------------------------------

# Fictional two-character brands with their pinyin (used for English names and codes).
# Deliberately avoids well-known real internet/AI brands and their model names.
BRANDS = [
    ("星河", "xinghe"), ("云图", "yuntu"), ("知微", "zhiwei"), ("青穹", "qingqiong"),
    ("墨言", "moyan"), ("澄明", "chengming"), ("拾光", "shiguang"), ("远帆", "yuanfan"),
    ("启明", "qiming"), ("融语", "rongyu"), ("睿见", "ruijian"), ("晴川", "qingchuan"),
    ("青禾", "qinghe"), ("长风", "changfeng"), ("观澜", "guanlan"), ("映月", "yingyue"),
    ("泓远", "hongyuan"), ("知行", "zhixing"), ("明镜", "mingjing"), ("云帆", "yunfan"),
    ("松岩", "songyan"), ("竹影", "zhuying"), ("听雨", "tingyu"), ("繁星", "fanxing"),
    ("锦书", "jinshu"), ("鸿鹄", "honghu"), ("凌云", "lingyun"), ("慧眸", "huimou"),
    ("言川", "yanchuan"), ("数渊", "shuyuan"), ("智岸", "zhian"), ("曜光", "yaoguang"),
    ("清源", "qingyuan"), ("天枢", "tianshu"), ("北辰", "beichen"), ("南风", "nanfeng"),
    ("语鲸", "yujing"), ("芥子", "jiezi"), ("若水", "ruoshui"), ("朗月", "langyue"),
    ("未名", "weiming"), ("嘉树", "jiashu"), ("璞玉", "puyu"), ("灵溪", "lingxi"),
    ("云杉", "yunshan"), ("霁青", "jiqing"), ("逐光", "zhuguang"), ("扶摇", "fuyao"),
    ("望舒", "wangshu"), ("羲和", "xihe"), ("知语", "zhiyu"), ("澜汐", "lanxi"),
    ("青鸾", "qingluan"), ("明澈", "mingche"), ("星澜", "xinglan"), ("墨池", "mochi"),
    ("问渠", "wenqu"), ("知遥", "zhiyao"), ("织云", "zhiyun"), ("栖梧", "qiwu"),
    ("溪亭", "xiting"), ("云岫", "yunxiu"),
]

assert len({zh for zh, _ in BRANDS}) == len(BRANDS)
assert len({py for _, py in BRANDS}) == len(BRANDS)

# Optional second word that makes a four-character brand, e.g. 云图视界.
MODIFIERS = [
    ("视界", "Shijie"), ("未来", "Weilai"), ("智联", "Zhilian"), ("数智", "Shuzhi"),
    ("创想", "Chuangxiang"), ("互联", "Hulian"), ("科创", "Kechuang"), ("时代", "Shidai"),
]

# Business words: (zh, English, code suffix). The suffix disambiguates the code when a
# brand is used more than once.
BIZ = {
    "llm": ("大模型科技", "Large Model Technology"),
    "ai": ("智能科技", "Intelligent Technology"),
    "zs": ("智算科技", "Zhisuan Technology"),
    "aitech": ("人工智能科技", "Artificial Intelligence Technology"),
    "data": ("数据科技", "Data Technology"),
    "info": ("信息技术", "Information Technology"),
    "soft": ("软件", "Software"),
    "net": ("网络技术", "Network Technology"),
    "web": ("网络科技", "Internet Technology"),
    "media": ("文化传媒", "Culture Media"),
    "fun": ("互动娱乐", "Interactive Entertainment"),
    "av": ("视听科技", "Audio-Visual Technology"),
    "digital": ("数字科技", "Digital Technology"),
}
GEN_BIZ = ["llm", "ai", "zs", "aitech", "data", "info", "soft"]
DISS_BIZ = ["net", "web", "media", "fun", "av", "digital"]
BIZ_BY_KIND = {
    "GENERATION_PROVIDER": GEN_BIZ,
    "DISSEMINATION_PLATFORM": DISS_BIZ,
    "BOTH": ["ai", "llm", "digital", "net", "web", "info"],
}

CITY = {  # division-code prefix -> (zh, en)
    "11": ("北京", "Beijing"),
    "31": ("上海", "Shanghai"),
    "4403": ("深圳", "Shenzhen"),
    "4401": ("广州", "Guangzhou"),
    "3301": ("杭州", "Hangzhou"),
}


def city_of(division_code):
    for prefix in sorted(CITY, key=len, reverse=True):
        if division_code.startswith(prefix):
            return CITY[prefix]
    raise ValueError(division_code)


RESERVED_CODES = {"admin", "inspector", "executive", "inspector-haidian", "auditor"}
CODE_RE = re.compile(r"^[a-z][a-z0-9-]{1,39}$")

# ---------------------------------------------------------------------------
# Enterprise distribution
# ---------------------------------------------------------------------------

JURISDICTION_COUNTS = [
    ("110108", 62), ("110105", 46), ("110101", 6), ("110102", 6), ("110106", 4),
    ("110107", 3), ("110114", 5), ("110115", 3), ("110112", 4), ("110113", 3),
    ("310115", 2), ("310104", 1), ("440305", 2), ("330110", 2), ("330108", 1),
]
KIND_COUNTS = [("GENERATION_PROVIDER", 68), ("DISSEMINATION_PLATFORM", 52), ("BOTH", 30)]
TOTAL = 150
DISSEMINATION_WITH_FILING = 5

# The first rows are what the demo screens show first: one of each kind in Haidian,
# then in Chaoyang.
FIRST_ROWS = [
    ("110108", "GENERATION_PROVIDER"), ("110108", "DISSEMINATION_PLATFORM"),
    ("110108", "BOTH"), ("110105", "GENERATION_PROVIDER"),
    ("110105", "DISSEMINATION_PLATFORM"), ("110105", "BOTH"),
]


def build_enterprises(rng, jurisdiction_codes):
    assert sum(n for _, n in JURISDICTION_COUNTS) == TOTAL
    assert sum(n for _, n in KIND_COUNTS) == TOTAL

    juris = [c for c, n in JURISDICTION_COUNTS for _ in range(n)]
    kinds = [k for k, n in KIND_COUNTS for _ in range(n)]
    for j, k in FIRST_ROWS:
        juris.remove(j)
        kinds.remove(k)
    rng.shuffle(juris)
    rng.shuffle(kinds)
    slots = FIRST_ROWS + list(zip(juris, kinds))

    # Statuses: a few non-active ones, never among the first rows.
    status = ["ACTIVE"] * TOTAL
    inactive = rng.sample(range(10, TOTAL), 4)
    for i in inactive[:3]:
        status[i] = "SUSPENDED"
    status[inactive[3]] = "DEREGISTERED"

    # Dissemination platforms that also hold a filing (e.g. for a built-in AI feature).
    # The first rows show the usual case (no filing).
    diss_idx = [i for i, (_, k) in enumerate(slots)
                if k == "DISSEMINATION_PLATFORM" and i >= len(FIRST_ROWS)]
    diss_with_filing = set(rng.sample(diss_idx, DISSEMINATION_WITH_FILING))

    brand_uses = {pinyin: 0 for _, pinyin in BRANDS}
    used_pairs = set()
    used_codes = set()
    used_names = set()
    used_credit = set()
    used_filing = set()
    brand_modifier = {}  # a brand keeps the same modifier in every city, if it has one
    rows = []

    for idx, (jcode, kind) in enumerate(slots):
        assert jcode in jurisdiction_codes, jcode
        city_zh, city_en = city_of(jcode)

        # Pick an unused (brand, business word) pair; each brand at most 3 times.
        while True:
            brand_zh, pinyin = rng.choice(BRANDS)
            biz_key = rng.choice(BIZ_BY_KIND[kind])
            if brand_uses[pinyin] < 3 and (pinyin, biz_key) not in used_pairs:
                break
        brand_uses[pinyin] += 1
        used_pairs.add((pinyin, biz_key))

        if pinyin not in brand_modifier:
            brand_modifier[pinyin] = rng.choice(MODIFIERS) if rng.random() < 0.25 else None
        modifier = brand_modifier[pinyin]
        biz_zh, biz_en = BIZ[biz_key]
        joint_stock = rng.random() < 0.08

        name_zh = city_zh + brand_zh + (modifier[0] if modifier else "") + biz_zh + \
            ("股份有限公司" if joint_stock else "有限公司")
        name_en = " ".join(filter(None, [
            city_en, pinyin.capitalize(), modifier[1] if modifier else None, biz_en,
            "Corporation Limited" if joint_stock else "Co., Ltd."]))

        code = pinyin if pinyin not in used_codes else pinyin + "-" + biz_key
        assert CODE_RE.match(code) and code not in RESERVED_CODES, code
        assert code not in used_codes, code
        assert name_zh not in used_names, name_zh
        used_codes.add(code)
        used_names.add(name_zh)

        credit = make_uscc(rng, jcode)
        while credit in used_credit:
            credit = make_uscc(rng, jcode)
        used_credit.add(credit)

        filing = None
        if kind != "DISSEMINATION_PLATFORM" or idx in diss_with_filing:
            while True:
                # 网信算备 + division code + 7-digit number + "01" + 2-digit year + 4-digit serial
                filing = "网信算备%s%07d01%02d%04d号" % (
                    jcode, rng.randrange(10 ** 7), rng.choice([23, 24, 25]),
                    rng.randint(1, 120))
                if filing not in used_filing:
                    break
            used_filing.add(filing)
            assert re.fullmatch(r"网信算备\d{21}号", filing)

        assert len(name_zh + " 合规专员") <= 64  # app_user.display_name
        rows.append({"id": idx + 1, "code": code, "name_zh": name_zh, "name_en": name_en,
                     "credit_code": credit, "kind": kind, "algorithm_filing_no": filing,
                     "jurisdiction_code": jcode, "status": status[idx]})

    assert len(rows) == TOTAL
    assert len({r["credit_code"] for r in rows}) == TOTAL
    assert all(uscc_is_valid(r["credit_code"]) for r in rows)
    assert all(r["credit_code"][2:8] == r["jurisdiction_code"] for r in rows)
    assert len({r["name_en"] for r in rows}) == TOTAL
    return rows


# How a NULL is written. Not an empty field: the loaders declare these columns
# type="STRING", and for STRING columns Liquibase (5.0.x) loads an empty field as ''
# (which would break jurisdiction_parent_fk for the root row). The word NULL
# (case-insensitive) is turned into SQL NULL whatever the column type.
NULL_TOKEN = "NULL"


def write_csv(path, columns, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")  # QUOTE_MINIMAL by default
        w.writerow(columns)
        for r in rows:
            w.writerow([NULL_TOKEN if r[c] is None else r[c] for c in columns])


def main():
    rng = random.Random(SEED)
    jurisdictions = build_jurisdictions()
    write_csv(JURISDICTION_CSV,
              ["code", "parent_code", "level", "name_zh", "name_en", "office_name_zh",
               "office_name_en", "doc_prefix", "path"],
              jurisdictions)
    enterprises = build_enterprises(rng, {j["code"] for j in jurisdictions})
    write_csv(ENTERPRISE_CSV,
              ["id", "code", "name_zh", "name_en", "credit_code", "kind",
               "algorithm_filing_no", "jurisdiction_code", "status"],
              enterprises)
    print("wrote %d jurisdictions to %s" % (len(jurisdictions), JURISDICTION_CSV))
    print("wrote %d enterprises to %s" % (len(enterprises), ENTERPRISE_CSV))


if __name__ == "__main__":
    main()
