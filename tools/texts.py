#!/usr/bin/env python3
"""The portal's text catalogue (Imi.Infrastructure/Localization/Texts/{Area}/{language}.json), for translators.

  tools/texts.py missing <language>            what <language> lacks, as JSON: {"Area.Key": English text or plural forms}
  tools/texts.py merge <language> <file.json>  writes translations {"Area.Key": "…" or {plural forms}} into the
                                               language's files, in English's key order (existing texts kept
                                               unless the file gives them again)

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
        english = load(area, "en")
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
        # Rebuild in English's key order; keys English no longer has are dropped (the completeness test reports them anyway).
        ordered = {}
        if "@sameAsEnglish" in current:
            ordered["@sameAsEnglish"] = current["@sameAsEnglish"]
        for key, _ in flatten(english):
            if key in flat:
                put(ordered, key, flat[key])
        with open(os.path.join(ROOT, area, f"{language}.json"), "w", encoding="utf-8") as f:
            json.dump(ordered, f, ensure_ascii=False, indent=2)
            f.write("\n")


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "missing":
        json.dump(missing(sys.argv[2]), sys.stdout, ensure_ascii=False, indent=1)
        print()
    elif len(sys.argv) == 4 and sys.argv[1] == "merge":
        merge(sys.argv[2], sys.argv[3])
    else:
        print(__doc__)
        sys.exit(2)
