#!/usr/bin/env python3
"""The portal's text catalogue (Imi.Infrastructure/Localization/Texts/{Area}/{language}.json), for translators.

  tools/texts.py missing <language>            what <language> lacks, as JSON: {"Area.Key": English text or plural forms}
  tools/texts.py merge <language> <file.json>  writes translations {"Area.Key": "…" or {plural forms}} into the
                                               language's files, in English's key order (existing texts kept
                                               unless the file gives them again)
  tools/texts.py forget <Area.Key> ...         removes keys from every language but English (after their English
                                               text changed: `missing` then lists them for the translators)
  tools/texts.py sample <language> [n]         a review sample: n texts (default 60) in <language> only, spread
                                               over the areas, the same sample every time, as JSON {"Area.Key": text}
  tools/texts.py compare <language> <back.json>
                                               a back-translation {"Area.Key": "English"} next to the text and
                                               the English source, as a Markdown table (for the review)

A plural text is an object of CLDR forms ("one", "few", "many", "other", …); which forms a language needs is in
Localization/PluralRules.cs. `dotnet test --filter FullyQualifiedName~Localization` checks the result.
"""
import json
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Imi.Infrastructure", "Localization", "Texts")
PLURAL_FORMS = {"zero", "one", "two", "few", "many", "other"}


def is_plural(value):
    return isinstance(value, dict) and "other" in value and all(k in PLURAL_FORMS and isinstance(v, str) for k, v in value.items())


def flatten(obj, prefix=""):
    for key, value in obj.items():
        if key.startswith("@"):
            continue
        path = f"{prefix}.{key}" if prefix else key
        if isinstance(value, str) or is_plural(value):
            yield path, value
        else:
            yield from flatten(value, path)


def load(area, language):
    path = os.path.join(ROOT, area, f"{language}.json")
    if not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def areas():
    return sorted(d for d in os.listdir(ROOT) if os.path.isdir(os.path.join(ROOT, d)))


def missing(language):
    result = {}
    for area in areas():
        theirs = dict(flatten(load(area, language)))
        for key, english in flatten(load(area, "en")):
            if key not in theirs:
                result[f"{area}.{key}"] = english
    return result


def put(tree, dotted, value):
    parts = dotted.split(".")
    for part in parts[:-1]:
        tree = tree.setdefault(part, {})
    tree[parts[-1]] = value


def merge(language, source):
    with open(source, encoding="utf-8") as f:
        given = json.load(f)
    for area in areas():
        current = load(area, language)
        flat = dict(flatten(current))
        prefix = area + "."
        changed = False
        for key, value in given.items():
            if key.startswith(prefix):
                flat[key[len(prefix):]] = value
                changed = True
        if not changed:
            continue
        write(area, language, current, flat)


def write(area, language, current, flat):
    """Writes a language's area file from its flat texts, in English's key order; keys English no longer has are
    dropped (the completeness test reports them anyway); the file's "@sameAsEnglish" list is kept."""
    ordered = {}
    if "@sameAsEnglish" in current:
        ordered["@sameAsEnglish"] = current["@sameAsEnglish"]
    for key, _ in flatten(load(area, "en")):
        if key in flat:
            put(ordered, key, flat[key])
    with open(os.path.join(ROOT, area, f"{language}.json"), "w", encoding="utf-8") as f:
        json.dump(ordered, f, ensure_ascii=False, indent=2)
        f.write("\n")


def forget(keys):
    for language in languages():
        if language == "en":
            continue
        for area in areas():
            current = load(area, language)
            flat = dict(flatten(current))
            prefix = area + "."
            gone = [k[len(prefix):] for k in keys if k.startswith(prefix) and k[len(prefix):] in flat]
            if not gone:
                continue
            for key in gone:
                del flat[key]
            write(area, language, current, flat)


def languages():
    return sorted(f[:-5] for f in os.listdir(os.path.join(ROOT, "Common")) if f.endswith(".json"))


def sample(language, n):
    import random
    rng = random.Random("review-" + language)
    by_area = {area: [(f"{area}.{k}", v) for k, v in flatten(load(area, language))] for area in areas()}
    total = sum(len(v) for v in by_area.values())
    chosen = []
    for area, texts in by_area.items():
        share = max(1, round(n * len(texts) / total))
        chosen += rng.sample(texts, min(share, len(texts)))
    return dict(sorted(chosen))


def compare(language, back_file):
    with open(back_file, encoding="utf-8") as f:
        back = json.load(f)
    english = {f"{area}.{k}": v for area in areas() for k, v in flatten(load(area, "en"))}
    theirs = {f"{area}.{k}": v for area in areas() for k, v in flatten(load(area, language))}
    cell = lambda v: (json.dumps(v, ensure_ascii=False) if not isinstance(v, str) else v).replace("|", "\\|").replace("\n", " ")
    print(f"| key | {language} | back-translation | English |")
    print("|---|---|---|---|")
    for key, value in back.items():
        print(f"| `{key}` | {cell(theirs.get(key, ''))} | {cell(value)} | {cell(english.get(key, ''))} |")


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "missing":
        json.dump(missing(sys.argv[2]), sys.stdout, ensure_ascii=False, indent=1)
        print()
    elif len(sys.argv) == 4 and sys.argv[1] == "merge":
        merge(sys.argv[2], sys.argv[3])
    elif len(sys.argv) >= 3 and sys.argv[1] == "forget":
        forget(sys.argv[2:])
    elif len(sys.argv) in (3, 4) and sys.argv[1] == "sample":
        json.dump(sample(sys.argv[2], int(sys.argv[3]) if len(sys.argv) == 4 else 60), sys.stdout, ensure_ascii=False, indent=1)
        print()
    elif len(sys.argv) == 4 and sys.argv[1] == "compare":
        compare(sys.argv[2], sys.argv[3])
    else:
        print(__doc__)
        sys.exit(2)
