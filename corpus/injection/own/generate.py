"""Writes parapet-own.jsonl: hand-written templates and phrases expanded with a fixed seed.

Run from this folder: python3 generate.py  (stdlib only; the output is committed)."""
import json
import random

import attacks
import benign
import extra

# two collections, written apart: leave-one-source-out holds out each
SOURCES = {"benign": "parapet/own-benign@corpus/injection/own/benign.py",
           "injection": "parapet/own-attacks@corpus/injection/own/attacks.py"}

EXTRA = {"benign": "parapet/own-benign@corpus/injection/own/extra.py",
         "injection": "parapet/own-attacks@corpus/injection/own/extra.py"}


def main():
    r = random.Random(23)
    rows = [("benign", f, t, SOURCES["benign"]) for f, t in benign.generate(r)] + \
        [("injection", f, t, SOURCES["injection"]) for f, t in attacks.generate(r)] + \
        [(label, f, t, EXTRA[label]) for label, f, t in extra.generate(r)]
    seen = set()
    with open("../parapet-own.jsonl", "w", encoding="utf-8") as out:
        n = 0
        for label, family, text, source in rows:
            key = " ".join(text.lower().split())
            if key in seen:
                continue
            seen.add(key)
            out.write(json.dumps({"id": f"own-{n:05d}", "label": label, "source": source,
                                  "family": family, "text": text}, ensure_ascii=False) + "\n")
            n += 1
    print(n, "texts")


if __name__ == "__main__":
    main()
