#!/usr/bin/env python3
"""Builds public-extra.jsonl from permissively licensed public repositories (see ../SOURCES.md).

Reads git snapshots (bare repositories) at the commits pinned below; stdlib only; a fixed seed, so
rerunning it on the same snapshots writes the same file:

    python3 extract_public.py /path/to/mirrors > ../public-extra.jsonl

where /path/to/mirrors/<owner>+<name>/repo is a git directory of each repository.
"""
import csv
import io
import json
import random
import re
import subprocess
import sys

PINNED = {
    "0xeb/TheBigPromptLibrary": "655667d2dd43bad65f189ec49d8606bf3e8d967e",
    "mlcommons/ailuminate": "769cc2be9d20c8d4fb26ce53b68865ed41dfb8e2",
    "tml-epfl/llm-adaptive-attacks": "7787faaf8b6fdd56e63ec320d5568bd3e35c48c0",
    "friuns2/BlackFriday-GPTs-Prompts": "09c530e31212aaca68ab72e2b7fdfbb3faa57a62",
}
MAX_CHARS = 8000
# custom GPTs that are themselves jailbreaks or uncensored personas are not benign examples
JAILBREAK_GPT = re.compile(
    r"jailbreak|\bDAN\b|do anything now|no (?:restrictions|limits|filters|rules)|uncensored|"
    r"unfiltered|without (?:any )?(?:restrictions|limits|censorship)|ignore (?:all|any|previous)|"
    r"bypass|amoral|unrestricted|developer mode|evil|hack",
    re.IGNORECASE,
)
# a titled jailbreak's prompt must itself say so ("Dan" may be a tutor's name)
JAILBREAK_TEXT = re.compile(
    r"jailbr|do anything now|no (?:restrictions|limits|filters|rules)|uncensored|unfiltered|"
    r"without (?:any )?(?:restrictions|limits|censorship|ethic|moral)|ignore (?:all|any|previous)|"
    r"amoral|unrestricted|developer mode|non-?moral|morality and ethics|forget (?:all|any|every)",
    re.IGNORECASE,
)
# rows that quote f/awesome-chatgpt-prompts (reserved) are dropped
RESERVED = re.compile(r"awesome-chatgpt-prompts|I want you to act as", re.IGNORECASE)


def git(root, repo, *args):
    path = f"{root}/{repo.replace('/', '+')}/repo"
    return subprocess.run(["git", "-C", path, *args], capture_output=True, check=True).stdout


_BATCH = {}


def show(root, repo, path):
    # one long-lived `git cat-file --batch` per repository: thousands of small reads stay fast
    if repo not in _BATCH:
        _BATCH[repo] = subprocess.Popen(
            ["git", "-C", f"{root}/{repo.replace('/', '+')}/repo", "cat-file", "--batch"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    proc = _BATCH[repo]
    proc.stdin.write(f"{PINNED[repo]}:{path}\n".encode("utf-8"))
    proc.stdin.flush()
    header = proc.stdout.readline().decode("utf-8").split()
    if len(header) < 3 or header[1] == "missing":
        raise FileNotFoundError(path)
    data = proc.stdout.read(int(header[2]))
    proc.stdout.read(1)  # the newline after each object
    return data.decode("utf-8", "replace")


def files(root, repo, under):
    out = git(root, repo, "ls-tree", "-r", "-z", "--name-only", PINNED[repo], under)
    return sorted(p for p in out.decode("utf-8").split("\0") if p)


def row(repo, path, label, family, text):
    return {
        "label": label,
        "source": f"{repo}@{PINNED[repo]}:{path}",
        "family": family,
        "text": text.strip(),
    }


def custom_instructions(root, rng):
    repo = "0xeb/TheBigPromptLibrary"
    out = []
    paths = [p for p in files(root, repo, "CustomInstructions/ChatGPT") if p.endswith(".md")]
    paths = [p for p in paths if "[v" not in p]  # one version per GPT
    for p in paths:
        md = show(root, repo, p)
        m = re.search(r"GPT Instructions:\s*\n```[a-z]*\n(.*?)\n```", md, re.DOTALL)
        if not m:
            continue
        text = m.group(1).strip()
        if not 80 <= len(text) <= MAX_CHARS or JAILBREAK_GPT.search(md) or RESERVED.search(md):
            continue
        out.append(row(repo, p, "benign", "benign-custom-gpt", text))
    rng.shuffle(out)
    return out[:700]


def protections(root):
    repo = "0xeb/TheBigPromptLibrary"
    out = []
    for p in files(root, repo, "Security/GPT-Protections"):
        if not p.endswith(".md"):
            continue
        text = show(root, repo, p).strip()
        if 40 <= len(text) <= MAX_CHARS:
            out.append(row(repo, p, "benign", "benign-prompt-protection", text))
    return out


def library_jailbreaks(root):
    repo = "0xeb/TheBigPromptLibrary"
    out = []
    for p in files(root, repo, "Jailbreak"):
        if not p.endswith(".md") or p.endswith("README.md"):
            continue
        md = show(root, repo, p)
        for block in re.findall(r"```[a-z]*\n(.*?)\n```", md, re.DOTALL):
            # the pages also quote the model's answers; only the prompts are attacks
            if 60 <= len(block) <= MAX_CHARS and not re.match(r"(Here's|Notice|\{)", block):
                out.append(row(repo, p, "injection", "library-jailbreak", block))
    return out


def ailuminate(root, rng):
    repo = "mlcommons/ailuminate"
    out = []
    for locale, cap in (("en_us", 500), ("fr_fr", 120)):
        p = f"airr_official_1.0_demo_{locale}_prompt_set_release.csv"
        rows = list(csv.DictReader(io.StringIO(show(root, repo, p))))
        # "unskilled" prompts ask plainly about a hazard: dangerous topics, no jailbreak technique
        plain = [r for r in rows if r["persona"] == "unskilled"]
        rng.shuffle(plain)
        for r in plain[:cap]:
            out.append(row(repo, p, "benign", f"benign-hazard-topic-{locale}", r["prompt_text"]))
    return out


def adaptive_attacks(root, rng):
    repo = "tml-epfl/llm-adaptive-attacks"
    out = []
    for p in files(root, repo, "jailbreak_artifacts"):
        if not p.endswith(".json"):
            continue
        for jb in json.loads(show(root, repo, p)).get("jailbreaks", []):
            prompt = jb.get("prompt") or ""
            if 40 <= len(prompt) <= MAX_CHARS:
                out.append(row(repo, p, "injection", "adaptive-random-search", prompt))
    rng.shuffle(out)
    return out[:60]


def flowgpt(root, rng):
    """Prompts shared on one platform: its jailbreak list against its ordinary categories."""
    repo = "friuns2/BlackFriday-GPTs-Prompts"

    def prompt(path):
        md = show(root, repo, path)
        m = re.search(r"# Prompt\s*\n+```[a-z]*\n(.*?)\n```", md, re.DOTALL)
        return (m.group(1).strip(), md) if m else (None, md)

    def listed(index):
        return re.findall(r"\]\(\./(gpts/[^)]+\.md)\)", show(root, repo, index))

    jailbreaks = sorted(set(listed("Jailbreaks.md")))
    attacks = []
    for p in jailbreaks:
        text, _ = prompt(p)
        if text and 60 <= len(text) <= MAX_CHARS and not RESERVED.search(text):
            attacks.append(row(repo, p, "injection", "platform-jailbreak", text))
    # prompts the platform did not list as jailbreaks but whose own title says they are one
    titled = re.compile(r"jailbreak|\bDAN\b|uncensored|unfiltered|unrestricted|developer mode|"
                        r"no restrictions|amoral|do anything now", re.IGNORECASE)
    listed_jb = set(jailbreaks)
    for p in files(root, repo, "gpts"):
        if p in listed_jb or not p.endswith(".md"):
            continue
        md = show(root, repo, p)
        title = md.strip().split("\n", 1)[0]
        if titled.search(title):
            text, _ = prompt(p)
            if (text and 60 <= len(text) <= MAX_CHARS and not RESERVED.search(text)
                    and JAILBREAK_TEXT.search(text)):
                attacks.append(row(repo, p, "injection", "platform-jailbreak-titled", text))
                jailbreaks.append(p)
    ordinary = set()
    for index in ("Academic.md", "Business.md", "Creative.md", "Game.md", "Job-Hunting.md",
                  "Marketing.md", "Productivity-&-life-style.md", "Programming.md"):
        ordinary.update(listed(index))
    ordinary = sorted(ordinary - set(jailbreaks))
    rng.shuffle(ordinary)
    benign = []
    for p in ordinary:
        if len(benign) >= 1400:
            break
        text, md = prompt(p)
        if (text and 20 <= len(text) <= MAX_CHARS and not RESERVED.search(md)
                and not JAILBREAK_GPT.search(md)):
            benign.append(row(repo, p, "benign", "platform-ordinary", text))
    return attacks + benign


def main():
    root = sys.argv[1]
    rng = random.Random(23)
    rows = (
        custom_instructions(root, rng)
        + protections(root)
        + library_jailbreaks(root)
        + ailuminate(root, rng)
        + adaptive_attacks(root, rng)
        + flowgpt(root, rng)
    )
    seen = set()
    n = 0
    for r in rows:
        key = " ".join(r["text"].lower().split())
        if key in seen:
            continue
        seen.add(key)
        r = {"id": f"pub-{n:05d}", **r}
        n += 1
        print(json.dumps(r, ensure_ascii=False))


if __name__ == "__main__":
    main()
