#!/usr/bin/env python3
"""Rebuilds the starter content lexicons in ../lexicons from the source lists named below.

Run from anywhere: python3 lexicon-sources/build.py   (Python 3.8+, standard library only)

Inputs, all under lexicon-sources/:
  upstream/...            public lists, copied verbatim at the commits in SOURCES (licence beside each)
  review/<lang>.txt       our review of the upstream terms of a language: 'term => action', where
                          action is drop, or category[:severity] (profanity, sexual:low, hate:high ...)
  curated/<cat>-<lang>.txt  terms we wrote ourselves; '{a,b}' expands to each alternative, and a term
                          may carry '| severity=...' as in the lexicon format
  curated/allowlist-<lang>.txt  benign phrases that contain a listed term

Outputs: lexicons/<category>-<lang>.txt and .yaml for the eight content categories and the allowlists,
and lexicon-sources/PROVENANCE.tsv naming every shipped term's sources. Only files this script owns are
written; the industry lexicons (finance-*, health-*) are left alone.
"""
import csv
import json
import os
import re
import sys
import unicodedata
from collections import OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "lexicons")

# Where each upstream list comes from: repository, commit, path, licence.
SOURCES = {
    "ldnoobw": ("LDNOOBW/List-of-Dirty-Naughty-Obscene-and-Otherwise-Bad-Words",
                "5faf2ba42d7b1c0977169ec3611df25a3c08eb13", "<lang>", "CC-BY-4.0"),
    "dsojevic": ("dsojevic/profanity-list", "c27924319aa9bd6f917e3782b4f4b6604a50b652",
                 "en.json", "MIT"),
    "surge": ("surge-ai/profanity", "77dabf36454fd9b0f85c777c2808d416bc41f797",
              "profanity_en.csv", "MIT"),
    "google": ("coffee-and-fun/google-profanity-words", "0ae3460863120bc671361b9403cc65d5f2075b89",
               "data/<lang>.txt", "MIT"),
    "konsheng": ("konsheng/Sensitive-lexicon", "5a8da94c61c160e203a6b2fcfafbea642404d50c",
                 "Vocabulary/<file>.txt", "MIT"),
    "parapet": ("this project", "-", "lexicon-sources/curated", "Apache-2.0"),
}

LANGS = ["en", "zh", "es", "fr", "de", "pt", "it", "ru", "ja", "ko", "ar", "hi"]
CATEGORIES = ["profanity", "sexual", "hate", "violence", "weapons", "self-harm", "drugs", "extremism"]
SEVERITIES = ["low", "medium", "high", "critical"]

# Each category's default severity (the yaml's) and what it means for the starter rules.
DEFAULT_SEVERITY = {
    "profanity": "medium", "sexual": "medium", "hate": "high", "violence": "high",
    "weapons": "high", "self-harm": "high", "drugs": "high", "extremism": "high",
}
DESCRIPTIONS = {
    "profanity": "Swear words and vulgar insults; the general tier masks them",
    "sexual": "Explicit sexual terms; masked from medium, sexual content involving minors is critical",
    "hate": "Slurs and hate speech against protected groups; medium masked, high blocked",
    "violence": "Threats and incitement of violence against people; low terms are only recorded",
    "weapons": "Making or acquiring weapons; explosives and chemical weapons are critical; bare weapon "
               "names are low and only recorded",
    "self-harm": "Suicide and self-harm intent; answered with support. Low terms (the bare word "
                 "suicide, as news uses it) are only recorded",
    "drugs": "Making, buying or selling illegal drugs; bare drug names are low and only recorded",
    "extremism": "Terrorist and violent extremist propaganda, slogans and recruitment; bare "
                 "organisation names are low and only recorded",
}
HEADER_COMMENTS = {
    "profanity": "# Mild words carry severity=low; the general tier redacts every PROFANITY finding.",
}
LANG_NAMES = {"en": "English", "zh": "Chinese", "es": "Spanish", "fr": "French", "de": "German",
              "pt": "Portuguese", "it": "Italian", "ru": "Russian", "ja": "Japanese", "ko": "Korean",
              "ar": "Arabic", "hi": "Hindi"}
ALLOWLIST_APPLIES = "[violence, weapons, profanity, self-harm, sexual, hate, drugs, extremism]"


def path(*parts):
    return os.path.join(HERE, *parts)


def cjk(text):
    return any(unicodedata.name(c, "").startswith(("CJK", "HIRAGANA", "KATAKANA", "HANGUL"))
               for c in text)


def clean(term):
    term = unicodedata.normalize("NFC", term).strip()
    term = re.sub(r"\s+", " ", term)
    return term


def key(term):
    return clean(term).casefold()


class Store:
    """Every term of one language: its category, severity and the sources that list it."""

    def __init__(self, lang):
        self.lang = lang
        self.terms = OrderedDict()  # key -> dict(term, category, severity, sources)

    def add(self, term, category, severity, source, override=False):
        term = clean(term)
        # the matcher keys terms on letters and digits: an emoji-only term cannot be matched
        if not term or "|" in term or term.startswith("#") or not any(c.isalnum() for c in term):
            return
        k = key(term)
        entry = self.terms.get(k)
        if entry is None:
            self.terms[k] = {"term": term, "category": category, "severity": severity,
                             "sources": [source]}
            return
        if source not in entry["sources"]:
            entry["sources"].append(source)
        if override:
            entry["category"] = category
            entry["severity"] = severity


def read_lines(file):
    with open(file, encoding="utf-8") as f:
        for line in f:
            line = line.strip().lstrip("\ufeff")
            if line and not line.startswith("#"):
                yield line


def expand(text):
    """'{a,b} c' -> ['a c', 'b c']; nested braces are not supported."""
    m = re.search(r"\{([^{}]*)\}", text)
    if not m:
        return [re.sub(r"\s+", " ", text).strip()]
    out = []
    for alt in m.group(1).split(","):
        out.extend(expand(text[:m.start()] + alt + text[m.end():]))
    return out


def parse_action(action, default_category):
    """'drop' -> None; 'sexual:low' -> ('sexual', 'low'); 'high' -> (default, 'high')."""
    action = action.strip().lower()
    if action == "drop":
        return None
    parts = action.split(":")
    category, severity = parts[0], parts[1] if len(parts) > 1 else None
    if category in SEVERITIES:
        category, severity = default_category, category
    if category not in CATEGORIES:
        sys.exit("unknown category in review: " + action)
    if severity is None:
        severity = DEFAULT_SEVERITY[category]
    if severity not in SEVERITIES:
        sys.exit("unknown severity in review: " + action)
    return category, severity


def review(lang):
    """The review of a language's upstream terms: key -> (category, severity) or None (drop)."""
    decisions = {}
    file = path("review", lang + ".txt")
    if not os.path.exists(file):
        return decisions
    for line in read_lines(file):
        if "=>" not in line:
            sys.exit("review/%s.txt: no '=>' in %r" % (lang, line))
        term, action = line.split("=>", 1)
        for t in expand(term):
            decisions[key(t)] = action.strip()
    return decisions


# ---- upstream readers: each yields (term, category, severity) before review ----------------------

SURGE_PROFANITY_CANON = {
    "fuck", "shit", "ass", "arse", "asshole", "bitch", "bastard", "dick", "prick", "cunt", "twat",
    "wanker", "wank", "bollocks", "crap", "damn", "piss", "douche", "douchebag", "motherfucker",
    "knob", "bugger", "jackass", "son of a bitch", "dickhead", "cock",
}
SURGE_SEVERITY = {"Mild": "low", "Strong": "medium", "Severe": "high"}


def surge():
    with open(path("upstream", "surge-ai", "profanity_en.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            text = row["text"]
            # leetspeak spellings ('@55', 'sh1t') are folded by the normalizer: the plain form covers them
            if not re.fullmatch(r"[a-z][a-z' -]*[a-z]", text):
                continue
            cat1 = row["category_1"]
            sev = SURGE_SEVERITY[row["severity_description"]]
            canon = row["canonical_form_1"]
            if cat1 in ("racial / ethnic slurs", "sexual orientation / gender"):
                yield text, "hate", "high" if sev != "low" else "medium"
            elif cat1 == "sexual anatomy / sexual acts":
                if canon in SURGE_PROFANITY_CANON:
                    yield text, "profanity", sev
                else:
                    yield text, "sexual", sev
            elif cat1 == "bodily fluids / excrement" and canon not in SURGE_PROFANITY_CANON \
                    and canon in ("cum", "jizz", "semen", "spunk"):
                yield text, "sexual", sev
            else:
                yield text, "profanity", sev


DSOJEVIC_SEVERITY = {1: "low", 2: "medium", 3: "medium", 4: "high"}


def dsojevic():
    with open(path("upstream", "dsojevic", "en.json"), encoding="utf-8") as f:
        for item in json.load(f):
            tags = set(item.get("tags", []))
            sev = DSOJEVIC_SEVERITY[item["severity"]]
            if tags & {"racial", "lgbtq", "religious"}:
                category = "hate"
                sev = "high" if item["severity"] >= 3 else "medium"
            elif tags & {"sexual", "shock"}:
                category = "sexual"
            else:
                category = "profanity"
            for match in item["match"].split("|"):
                # '*' marks a letter that may repeat: the matcher folds stretched letters itself
                yield match.replace("*", ""), category, sev


def ldnoobw(lang, default_category="profanity"):
    for line in read_lines(path("upstream", "LDNOOBW", lang)):
        yield line, default_category, DEFAULT_SEVERITY[default_category]


def google(lang):
    for line in read_lines(path("upstream", "google-profanity-words", "data", lang + ".txt")):
        yield line.replace("\u2011", "-"), "profanity", "medium"


KONSHENG_MAKE = re.compile(r"制作|制造|配方|自制|DIY|教程|手把手|教你|怎么|如何|方法|制备|制法|入门|手册")
KONSHENG_SELL = re.compile(r"出售|售|销售|购买|货到|专卖")


def konsheng():
    base = path("upstream", "konsheng", "Vocabulary")
    for name in ("色情类型", "色情词库"):
        for line in read_lines(os.path.join(base, name + ".txt")):
            # Latin entries ('anal', 'morphine') are English words, not Chinese vocabulary
            if cjk(line):
                yield line, "sexual", "medium", "konsheng:" + name
    for line in read_lines(os.path.join(base, "涉枪涉爆.txt")):
        # only phrases about making or trading: a bare '炸药' (explosive) is news vocabulary
        if KONSHENG_MAKE.search(line) and re.search(r"弹|炸|药|雷管|枪|武器|燃烧", line):
            yield line, "weapons", "critical" if re.search(r"炸|弹|雷管", line) else "high", \
                "konsheng:涉枪涉爆"
        elif KONSHENG_SELL.search(line):
            yield line, "weapons", "high", "konsheng:涉枪涉爆"
    for line in read_lines(os.path.join(base, "暴恐词库.txt")):
        if KONSHENG_SELL.search(line) and re.search(r"枪|弹|刀|火药|军用", line):
            yield line, "weapons", "high", "konsheng:暴恐词库"
        elif KONSHENG_SELL.search(line) and re.search(r"氯胺|麻醉|纯度", line):
            yield line, "drugs", "high", "konsheng:暴恐词库"


def upstream(lang):
    """(term, category, severity, source) of every upstream list for a language, before review."""
    if lang == "en":
        for t, c, s in surge():
            yield t, c, s, "surge"
        for t, c, s in dsojevic():
            yield t, c, s, "dsojevic"
        for t, c, s in ldnoobw("en", "sexual"):
            yield t, c, s, "ldnoobw"
        return
    # LDNOOBW's other lists mix swearing and sex; review/<lang>.txt files each sexual or hate term
    for t, c, s in ldnoobw(lang, "sexual" if lang == "ja" else "profanity"):
        yield t, c, s, "ldnoobw"
    if lang in ("fr", "zh"):
        for t, c, s in google(lang):
            yield t, c, s, "google"
    if lang == "zh":
        yield from konsheng()


def single_cjk_char(term):
    return cjk(term) and len(term.replace(" ", "")) == 1


def build_language(lang, provenance):
    store = Store(lang)
    decisions = review(lang)
    dropped = []
    for term, category, severity, source in upstream(lang):
        term = clean(term)
        k = key(term)
        if k in decisions:
            decided = parse_action(decisions[k], category)
            if decided is None:
                dropped.append((term, source))
                continue
            category, severity = decided
        elif single_cjk_char(term):
            # one Chinese or Japanese character is part of too many ordinary words
            dropped.append((term, source))
            continue
        store.add(term, category, severity, source)
    # our own terms last: they override the category and severity an upstream list gave
    for category in CATEGORIES:
        file = path("curated", "%s-%s.txt" % (category, lang))
        if not os.path.exists(file):
            continue
        for line in read_lines(file):
            text, _, options = line.partition("|")
            severity = DEFAULT_SEVERITY[category]
            m = re.search(r"severity=(\w+)", options)
            if m:
                severity = m.group(1)
            for term in expand(text):
                if key(term) in decisions and decisions[key(term)].strip() == "drop":
                    continue
                store.add(term, category, severity, "parapet", override=True)
    redundant = drop_redundant(store)
    dropped.extend((t, "redundant") for t in redundant)
    for k, entry in store.terms.items():
        provenance.append((lang, entry["category"], entry["severity"], entry["term"],
                           ",".join(entry["sources"])))
    return store, dropped


def drop_redundant(store):
    """Masked categories only: a phrase such as 'what the fuck' is dropped when one of its words is
    itself a term of the category, so that the mask covers the word and not the whole phrase."""
    words = {k for k, e in store.terms.items()
             if e["category"] in ("profanity", "sexual") and " " not in k and not cjk(k)}
    gone = []
    for k in list(store.terms):
        e = store.terms[k]
        if e["category"] not in ("profanity", "sexual") or " " not in k or cjk(k) \
                or e["severity"] == "critical":
            continue
        if any(w in words and store.terms[w]["category"] == e["category"] for w in k.split(" ")):
            gone.append(e["term"])
            del store.terms[k]
    return gone


def write_lexicon(lang, category, entries):
    name = "%s-%s" % (category, lang)
    default = DEFAULT_SEVERITY[category]
    sources = sorted({s.split(":")[0] for e in entries for s in e["sources"]})
    with open(os.path.join(OUT, name + ".txt"), "w", encoding="utf-8") as f:
        f.write("# Generated by lexicon-sources/build.py; edit its sources, not this file.\n")
        f.write("# One term a line. Terms match whole words, through case, leetspeak, spacing and "
                "stretched letters.\n")
        if category in HEADER_COMMENTS:
            f.write(HEADER_COMMENTS[category] + "\n")
        f.write("# Sources: %s (see NOTICE and lexicon-sources/PROVENANCE.tsv)\n" % ", ".join(
            "%s (%s)" % (SOURCES[s][0], SOURCES[s][3]) for s in sources))
        for e in sorted(entries, key=lambda e: (SEVERITIES.index(e["severity"]) * -1, key(e["term"]))):
            line = e["term"]
            if e["severity"] != default:
                line += " | severity=" + e["severity"]
            f.write(line + "\n")
    with open(os.path.join(OUT, name + ".yaml"), "w", encoding="utf-8") as f:
        f.write("# Generated by lexicon-sources/build.py.\n")
        f.write("category: %s\nseverity: %s\nlanguage: %s\ndescription: %s (%s)\n" % (
            category, default, lang, DESCRIPTIONS[category], LANG_NAMES[lang]))


def write_allowlist(lang):
    src = path("curated", "allowlist-%s.txt" % lang)
    if not os.path.exists(src):
        return 0
    terms = []
    with open(src, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.strip() and not line.startswith("#"):
                terms.extend(expand(line.split("|")[0]) if "{" in line else [line])
    name = "allowlist-%s" % lang
    with open(os.path.join(OUT, name + ".txt"), "w", encoding="utf-8") as f:
        f.write("# Generated by lexicon-sources/build.py from curated/%s.txt.\n" % name)
        f.write("# Entries may carry who approved them, why, and until when:\n")
        f.write("#   term | approvedBy=name | reason=why | expires=2027-03-31\n")
        for t in terms:
            f.write(t + "\n")
    with open(os.path.join(OUT, name + ".yaml"), "w", encoding="utf-8") as f:
        f.write("# Benign phrases that contain listed terms; a finding inside one of them is dropped.\n")
        f.write("allowlist: true\nappliesTo: %s\nlanguage: %s\n" % (ALLOWLIST_APPLIES, lang))
        f.write("description: Everyday %s phrases that are not what they look like\n" % LANG_NAMES[lang])
    return len(terms)


def main():
    provenance = []
    counts = {}
    for lang in LANGS:
        store, dropped = build_language(lang, provenance)
        by_category = {c: [] for c in CATEGORIES}
        for entry in store.terms.values():
            by_category[entry["category"]].append(entry)
        for category, entries in by_category.items():
            if entries:
                write_lexicon(lang, category, entries)
            counts[(lang, category)] = len(entries)
        counts[(lang, "allowlist")] = write_allowlist(lang)
        counts[(lang, "dropped")] = len(dropped)
    with open(path("PROVENANCE.tsv"), "w", encoding="utf-8") as f:
        f.write("language\tcategory\tseverity\tterm\tsources\n")
        for row in sorted(provenance):
            f.write("\t".join(row) + "\n")
    cols = CATEGORIES + ["allowlist", "dropped"]
    print("| lang | " + " | ".join(cols) + " | total |")
    print("|---" * (len(cols) + 2) + "|")
    for lang in LANGS:
        row = [counts[(lang, c)] for c in cols]
        print("| %s | %s | %d |" % (lang, " | ".join(map(str, row)), sum(row[:len(CATEGORIES)])))


if __name__ == "__main__":
    main()
