#!/usr/bin/env python3
"""Public SAM / CloudFormation / CDK templates, and mutated copies, side by side with cfn-lint.

Not a test: a measure of `sfn lint` and `sfn deploy` on templates we did not write.

1. Every template of the corpus (tests/fixtures/templates/public, sources and licenses in
   its SOURCES.tsv): does `sfn lint` pass it, does `sfn deploy` deploy it, does a second
   deploy change nothing, and is cfn-lint clean on it. SOURCES.tsv says which are invalid
   as published (and why); those must be refused, the rest must lint clean and deploy.
2. Mutated copies of each valid template: one definition error injected at a time in each
   state machine (in the template, or in its DefinitionUri file), and whether `sfn lint`
   and cfn-lint report an error at the line:col of the injected error:
   unknown Next, missing StartAt, bad JSONPath, bad intrinsic, broken JSONata,
   a typo'd field, a ${Var} with no substitution.

    python3 benches/templates.py [--sfn target/debug/sfn]
        [--cfn-lint target/cfn-venv/bin/cfn-lint] [--corpus DIR] [--show-misses]

cfn-lint: python3 -m venv target/cfn-venv && target/cfn-venv/bin/pip install cfn-lint
(without it the cfn-lint columns read n/a).
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CORPUS = os.path.join(HERE, "..", "tests", "fixtures", "templates", "public")
MACHINE_TYPES = ("AWS::StepFunctions::StateMachine", "AWS::Serverless::StateMachine")


def read_sources(corpus):
    rows = {}
    with open(os.path.join(corpus, "SOURCES.tsv")) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            name, repo, path, commit, expect = line.rstrip("\n").split("\t")
            rows[name] = {"repo": repo, "path": path, "commit": commit, "expect": expect}
    return rows


def template_of(directory):
    """The template file of a sample: the one file at its top level naming a Resources map."""
    for name in sorted(os.listdir(directory)):
        path = os.path.join(directory, name)
        if os.path.isfile(path) and name.endswith((".yaml", ".yml", ".json")):
            with open(path) as f:
                text = f.read()
            if re.search(r'^\s*"?Resources"?\s*:', text, re.M):
                return path
    raise SystemExit("no template in %s" % directory)


# --- Where each state machine's definition text is -------------------------------------


class Region:
    """Lines [start, end) of `file` holding one definition, written in `mode`:
    yaml, json, or escaped (JSON inside a JSON string, as the CDK writes it)."""

    def __init__(self, file, start, end, mode, root):
        self.file, self.start, self.end, self.mode = file, start, end, mode
        # (line, col) of the definition's root: where "missing StartAt" belongs.
        self.root = root
        self.root_from = root


def indent_of(line):
    return len(line) - len(line.lstrip(" "))


def block_after(lines, i):
    """Lines after lines[i] indented deeper than it (blank lines included)."""
    base = indent_of(lines[i])
    j = i + 1
    while j < len(lines) and (not lines[j].strip() or indent_of(lines[j]) > base):
        j += 1
    while j > i + 1 and not lines[j - 1].strip():
        j -= 1
    return j


def first_content(lines, start, end):
    for k in range(start, end):
        stripped = lines[k].strip()
        if stripped and not stripped.startswith("#") and stripped not in ("|", "|-", ">"):
            return (k + 1, indent_of(lines[k]) + 1)
    return (start + 1, 1)


def machine_regions(template):
    """Definition regions of every state machine of a template, found from its text."""
    directory = os.path.dirname(template)
    with open(template) as f:
        text = f.read()
    lines = text.split("\n")
    regions = []
    is_json = template.endswith(".json")
    for i, line in enumerate(lines):
        stripped = line.strip()
        if is_json:
            m = re.match(r'\s*"(Definition|DefinitionString)"\s*:\s*(.*)$', line)
            if not m:
                continue
            end = block_after(lines, i)
            rest = m.group(2)
            if m.group(1) == "DefinitionString" and rest.startswith('"'):
                col = line.index(rest) + 1
                regions.append(Region(template, i, i + 1, "escaped", (i + 1, col)))
            elif m.group(1) == "DefinitionString":
                regions.append(Region(template, i, end, "escaped", (i + 1, indent_of(line) + 1)))
            else:
                regions.append(Region(template, i, end, "json", (i + 1, line.index("{") + 1)))
            continue
        m = re.match(r"(\s*)(Definition|DefinitionString|DefinitionUri)\s*:\s*(.*?)\s*$", line)
        if not m:
            continue
        key, value = m.group(2), m.group(3)
        if key == "DefinitionUri":
            if not value or value.startswith("s3://"):
                continue  # {Bucket, Key} or s3:// : not a local file
            path = os.path.normpath(os.path.join(directory, value.strip("'\"")))
            if not os.path.isfile(path):
                continue
            with open(path) as f:
                body = f.read().split("\n")
            mode = "yaml" if path.endswith((".yaml", ".yml")) else "json"
            regions.append(Region(path, 0, len(body), mode, first_content(body, 0, len(body))))
        elif key == "Definition":
            end = block_after(lines, i)
            region = Region(template, i + 1, end, "yaml", first_content(lines, i + 1, end))
            # The definition object is at its key as much as at its first member.
            region.root_from = (i + 1, indent_of(line) + 1)
            regions.append(region)
        else:
            end = block_after(lines, i)
            root = first_content(lines, i + 1, end)
            # The JSON text's own first line is where its root object starts.
            for k in range(i + 1, end):
                if lines[k].strip().startswith("{"):
                    root = (k + 1, lines[k].index("{") + 1)
                    break
            regions.append(Region(template, i + 1, end, "json", root))
    return regions


# --- Mutations ---------------------------------------------------------------------------


def key_pattern(mode, key):
    """Regex for `key: value` in a mode; groups: key (with its quotes) and value."""
    k = re.escape(key)
    if mode == "json":
        return r'(?P<key>"%s")\s*:\s*"(?P<value>(?:[^"\\]|\\.)*)"' % k
    if mode == "escaped":
        return r'(?P<key>\\"%s\\")\s*:\s*\\"(?P<value>(?:\\\\\\"|\\\\\\\\|\\\\[^\\"]|[^"\\])*?)\\"' % k
    return r"^[ \t]*(?:- )?(?P<key>%s):[ \t]+(?P<value>[^\n#]*?)[ \t]*$" % k


def any_key_pattern(mode, suffix_re):
    if mode == "json":
        return r'(?P<key>"[^"\n]*%s")\s*:\s*"(?P<value>(?:[^"\\]|\\.)*)"' % suffix_re
    if mode == "escaped":
        return r'(?P<key>\\"[^"\\\n]*%s\\")\s*:\s*\\"(?P<value>(?:\\\\\\"|\\\\\\\\|\\\\[^\\"]|[^"\\])*?)\\"' % suffix_re
    return r"^[ \t]*(?:- )?(?P<key>[^\s:#'\"][^:\n]*%s):[ \t]+(?P<value>[^\n#]*?)[ \t]*$" % suffix_re


class Mutation:
    def __init__(self, text, start, end, replacement, expect_from, expect_to):
        self.text = text[:start] + replacement + text[end:]
        # Offsets (in the mutated text) where an error may rightly be reported.
        self.expect_from, self.expect_to = expect_from, expect_to


def region_span(text, region):
    lines = text.split("\n")
    start = sum(len(l) + 1 for l in lines[: region.start])
    end = sum(len(l) + 1 for l in lines[: region.end])
    return start, min(end, len(text))


def find(pattern, text, lo, hi, accept=lambda m: True):
    for m in re.compile(pattern, re.M).finditer(text, lo, hi):
        if accept(m):
            return m
    return None


def quote_for(mode, value):
    """A YAML plain value that would need quoting keeps its quotes."""
    return value


def replace_value(text, m, new_value, mode):
    start, end = m.span("value")
    old = m.group("value")
    if mode == "yaml" and old[:1] in "'\"":
        new_value = old[0] + new_value + old[0]
    return Mutation(text, start, end, new_value, m.start("key"), start + len(new_value))


def mutate(kind, text, region):
    lo, hi = region_span(text, region)
    mode = region.mode
    if kind == "unknown_next":
        m = find(key_pattern(mode, "Next"), text, lo, hi)
        if not m:
            return None
        return replace_value(text, m, unquote(m.group("value"), mode) + "Missing", mode)
    if kind == "missing_startat":
        m = find(key_pattern(mode, "StartAt"), text, lo, hi)
        if not m:
            return None
        start, end = m.start("key"), m.end()
        if mode != "yaml":
            comma = re.compile(r"\s*,").match(text, end)
            if comma:
                end = comma.end()
        # Blanked in place, so every other line keeps its number.
        root = offset_of(text, *region.root)
        return Mutation(text, start, end, " " * (end - start), offset_of(text, *region.root_from), root + 1)
    if kind == "bad_jsonpath":
        m = find(any_key_pattern(mode, r"\.\$"), text, lo, hi, lambda m: unquote(m.group("value"), mode).startswith("$."))
        if not m:
            return None
        return replace_value(text, m, "$.items[", mode)
    if kind == "bad_intrinsic":
        m = find(any_key_pattern(mode, r"\.\$"), text, lo, hi, lambda m: unquote(m.group("value"), mode).startswith("States."))
        if m:
            value = unquote(m.group("value"), mode)
            return replace_value(text, m, "States.Fromat" + value[value.index("("):], mode)
        m = find(any_key_pattern(mode, r"\.\$"), text, lo, hi)
        if not m:
            return None
        return replace_value(text, m, "States.Fromat($)", mode)
    if kind == "broken_jsonata":
        m = find(any_key_pattern(mode, ""), text, lo, hi, lambda m: "{%" in m.group("value") and "%}" in m.group("value"))
        if not m:
            return None
        value = unquote(m.group("value"), mode)
        return replace_value(text, m, value.replace("%}", "+ %}", 1), mode)
    if kind == "typo_field":
        m = find(key_pattern(mode, "Next"), text, lo, hi)
        if not m:
            return None
        start, end = m.span("key")
        key = m.group("key")
        typo = key.replace("Next", "Nxt")
        return Mutation(text, start, end, typo, start, start + len(typo))
    if kind == "unsubstituted":
        for key in ("Resource", "Comment"):
            m = find(key_pattern(mode, key), text, lo, hi)
            if m:
                return replace_value(text, m, "${NotSubstituted}", mode)
        return None
    raise ValueError(kind)


def unquote(value, mode):
    if mode == "yaml" and value[:1] in "'\"" and value[-1:] == value[:1]:
        return value[1:-1]
    return value


def offset_of(text, line, col):
    lines = text.split("\n")
    return sum(len(l) + 1 for l in lines[: line - 1]) + col - 1


def position(text, offset):
    before = text[:offset]
    line = before.count("\n") + 1
    return line, offset - (before.rfind("\n") + 1) + 1


MUTATIONS = [
    ("unknown_next", "unknown Next"),
    ("missing_startat", "missing StartAt"),
    ("bad_jsonpath", "bad JSONPath"),
    ("bad_intrinsic", "bad intrinsic"),
    ("broken_jsonata", "broken JSONata"),
    ("typo_field", "typo'd field"),
    ("unsubstituted", "${Var} unsubstituted"),
]


# --- Running the tools -------------------------------------------------------------------


def sfn_lint(sfn, template):
    proc = subprocess.run([sfn, "lint", "--format", "json", template], capture_output=True, text=True)
    try:
        found = json.loads(proc.stdout) if proc.stdout.strip() else []
    except json.JSONDecodeError:
        found = []
    return proc.returncode, found


def sfn_deploy(sfn, template, db, stack):
    proc = subprocess.run(
        [sfn, "--db", db, "deploy", template, "--stack-name", stack, "--output", "json"],
        capture_output=True,
        text=True,
    )
    out = json.loads(proc.stdout) if proc.returncode == 0 and proc.stdout.strip() else None
    return proc.returncode, out, proc.stderr


def cfn_lint(cfn, template):
    if not cfn:
        return None
    proc = subprocess.run(
        [cfn, "--format", "parseable", "--", template], capture_output=True, text=True
    )
    found = []
    for line in proc.stdout.splitlines():
        m = re.match(r"(.*?):(\d+):(\d+):(\d+):(\d+):(\w+):(.*)$", line)
        if m:
            found.append(
                {
                    "file": m.group(1),
                    "line": int(m.group(2)),
                    "column": int(m.group(3)),
                    "end_line": int(m.group(4)),
                    "end_column": int(m.group(5)),
                    "rule": m.group(6),
                    "message": m.group(7),
                }
            )
    return found


def same_file(a, b):
    return os.path.realpath(a) == os.path.realpath(b)


def hit_sfn(found, file, lo, hi):
    for d in found:
        if d.get("severity") != "ERROR" or not same_file(d.get("file", ""), file):
            continue
        if d.get("line") is None:
            continue
        if (lo[0], lo[1]) <= (d["line"], d.get("column") or 1) <= (hi[0], hi[1]):
            return True
    return False


def hit_cfn(found, file, lo, hi):
    for d in found or []:
        if d["rule"][0] not in "EW" or not same_file(d["file"], file):
            continue
        start, end = (d["line"], d["column"]), (d["end_line"], d["end_column"])
        # A span that covers the injected error, or starts inside it.
        if (lo <= start <= hi) or (start <= lo and hi <= end and d["line"] == lo[0]):
            return True
    return False


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sfn", default=os.path.join(HERE, "..", "target", "debug", "sfn"))
    default_cfn = os.path.join(HERE, "..", "target", "cfn-venv", "bin", "cfn-lint")
    parser.add_argument("--cfn-lint", default=default_cfn if os.path.exists(default_cfn) else None)
    parser.add_argument("--corpus", default=DEFAULT_CORPUS)
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    sfn = os.path.abspath(args.sfn)
    cfn = args.cfn_lint and os.path.abspath(args.cfn_lint)
    corpus = os.path.abspath(args.corpus)
    sources = read_sources(corpus)
    work = tempfile.mkdtemp(prefix="sfn-templates-")
    try:
        run(sfn, cfn, corpus, sources, work, args.show_misses)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(sfn, cfn, corpus, sources, work, show_misses):
    names = sorted(n for n in os.listdir(corpus) if os.path.isdir(os.path.join(corpus, n)))
    missing = set(names) ^ set(sources)
    if missing:
        raise SystemExit("SOURCES.tsv and the corpus disagree on: %s" % ", ".join(sorted(missing)))

    rows, failures = [], []
    mutation_jobs = []
    for name in names:
        template = template_of(os.path.join(corpus, name))
        expect = sources[name]["expect"]
        code, found = sfn_lint(sfn, template)
        errors = [d for d in found if d.get("severity") == "ERROR"]
        db = os.path.join(work, name + ".db")
        dcode, deployed, derr = sfn_deploy(sfn, template, db, name)
        again_code, again, _ = sfn_deploy(sfn, template, db, name)
        idempotent = again is not None and all(
            r["Status"] in ("UNCHANGED", "RECORDED") for r in again["Resources"]
        )
        cfn_found = cfn_lint(cfn, template)
        cfn_errors = None if cfn_found is None else [d for d in cfn_found if d["rule"].startswith("E")]
        machines = machine_regions(template)
        row = {
            "name": name,
            "expect": expect,
            "kind": "CDK JSON" if template.endswith(".json") else ("SAM" if "Serverless-2016-10-31" in open(template).read() else "CloudFormation"),
            "machines": len(machines),
            "lint_clean": code == 0,
            "lint_errors": len(errors),
            "deployed": dcode == 0,
            "idempotent": idempotent,
            "cfn_errors": cfn_errors,
        }
        rows.append(row)
        if expect == "valid":
            if code != 0 or dcode != 0 or not idempotent:
                failures.append("%s: valid but lint=%d deploy=%d idempotent=%s %s %s" % (name, code, dcode, idempotent, errors[:2], derr.strip()[:300]))
            baseline = None if cfn_errors is None else len(cfn_errors)
            for index, region in enumerate(machines):
                for kind, _ in MUTATIONS:
                    mutation_jobs.append((name, template, index, kind, baseline))
        elif expect.startswith("invalid"):
            if code == 0 or dcode == 0:
                failures.append("%s: invalid as published, yet lint=%d deploy=%d" % (name, code, dcode))

    def one(job):
        name, template, index, kind, baseline = job
        directory = os.path.dirname(template)
        copy = os.path.join(work, "m-%s-%d-%s" % (name, index, kind))
        shutil.copytree(directory, copy)
        copied_template = os.path.join(copy, os.path.basename(template))
        region = machine_regions(copied_template)[index]
        with open(region.file) as f:
            text = f.read()
        mutation = mutate(kind, text, region)
        if mutation is None:
            shutil.rmtree(copy)
            return None
        with open(region.file, "w") as f:
            f.write(mutation.text)
        lo = position(mutation.text, mutation.expect_from)
        hi = position(mutation.text, mutation.expect_to)
        code, found = sfn_lint(sfn, copied_template)
        dcode, _, _ = sfn_deploy(sfn, copied_template, os.path.join(copy, "db"), name)
        cfn_found = cfn_lint(cfn, copied_template)
        result = {
            "name": name,
            "machine": index,
            "kind": kind,
            "file": os.path.relpath(region.file, copy),
            "at": lo,
            "sfn": hit_sfn(found, region.file, lo, hi),
            "sfn_any": code != 0,
            "deploy_refused": dcode != 0,
            "cfn": None if cfn_found is None else hit_cfn(cfn_found, region.file, lo, hi),
            # More errors than on the template as published, wherever they are.
            "cfn_any": None if cfn_found is None else sum(d["rule"].startswith("E") for d in cfn_found) > baseline,
            "sfn_found": [(d.get("line"), d.get("column"), d.get("code")) for d in found if d.get("severity") == "ERROR"][:4],
        }
        shutil.rmtree(copy)
        return result

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = [r for r in pool.map(one, mutation_jobs) if r]

    print_tables(rows, results, cfn is not None)
    misses = [r for r in results if not r["sfn"]]
    if show_misses or misses:
        print("\nsfn misses (injected error not reported at its line:col):")
        for r in misses:
            print("  %s machine %d %s in %s at %d:%d; sfn reported %s" % (r["name"], r["machine"], r["kind"], r["file"], r["at"][0], r["at"][1], r["sfn_found"]))
    if show_misses and cfn:
        print("\ncfn-lint misses:")
        for r in results:
            if not r["cfn"]:
                print("  %s machine %d %s in %s at %d:%d" % (r["name"], r["machine"], r["kind"], r["file"], r["at"][0], r["at"][1]))
    if failures:
        print("\nTemplates not handled as expected:")
        for f in failures:
            print("  " + f)
    return 1 if failures or misses else 0


def print_tables(rows, results, have_cfn):
    na = "n/a"
    print("## Templates\n")
    print("| template | kind | machines | expected | sfn lint | sfn deploy | redeploy unchanged | cfn-lint errors |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        expect = r["expect"].split(":")[0]
        print(
            "| %s | %s | %d | %s | %s | %s | %s | %s |"
            % (
                r["name"],
                r["kind"],
                r["machines"],
                expect,
                "clean" if r["lint_clean"] else "%d errors" % r["lint_errors"],
                "yes" if r["deployed"] else "refused",
                ("yes" if r["idempotent"] else "no") if r["deployed"] else "-",
                na if r["cfn_errors"] is None else len(r["cfn_errors"]),
            )
        )
    valid = [r for r in rows if r["expect"] == "valid"]
    invalid = [r for r in rows if r["expect"].startswith("invalid")]
    print(
        "\n%d templates (%d valid, %d invalid as published, %d with parts unknowable offline or unconfirmed); valid: %d lint clean, %d deploy, %d redeploy unchanged; invalid: %d refused by lint, %d by deploy; cfn-lint clean on %s of the valid ones"
        % (
            len(rows),
            len(valid),
            len(invalid),
            len(rows) - len(valid) - len(invalid),
            sum(r["lint_clean"] for r in valid),
            sum(r["deployed"] for r in valid),
            sum(r["idempotent"] for r in valid),
            sum(not r["lint_clean"] for r in invalid),
            sum(not r["deployed"] for r in invalid),
            na if not have_cfn else sum(not r["cfn_errors"] for r in valid),
        )
    )
    print("\n## Injected definition errors, reported at their line:col\n")
    print("| error | cases | sfn lint | sfn deploy refused | cfn-lint | cfn-lint (a new error anywhere) |")
    print("|---|---|---|---|---|---|")
    total = [0, 0, 0, 0, 0]
    for kind, label in MUTATIONS:
        rs = [r for r in results if r["kind"] == kind]
        counts = [
            len(rs),
            sum(r["sfn"] for r in rs),
            sum(r["deploy_refused"] for r in rs),
            sum(bool(r["cfn"]) for r in rs),
            sum(bool(r["cfn_any"]) for r in rs),
        ]
        total = [a + b for a, b in zip(total, counts)]
        print(
            "| %s | %d | %d | %d | %s | %s |"
            % (label, counts[0], counts[1], counts[2], counts[3] if have_cfn else na, counts[4] if have_cfn else na)
        )
    print(
        "| **all** | %d | %d | %d | %s | %s |"
        % (total[0], total[1], total[2], total[3] if have_cfn else na, total[4] if have_cfn else na)
    )


if __name__ == "__main__":
    sys.exit(main())
