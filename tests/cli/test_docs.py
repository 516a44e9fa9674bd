"""The generated reference pages agree with what they are generated from:
docs/diagnostics.md with the catalog (`jaws explain --markdown`), and the block
schema tables of docs/language.md with the standard library (`jaws explain
--markdown-schemas`). JAWS_UPDATE_BASELINES=1 rewrites both. The language
reference's examples parse, and no page points at files users do not have."""
import difflib
import json
import os
import re
import unittest

from jawscli import JawsTestCase, run

DOC = os.path.join("docs", "diagnostics.md")
LANGUAGE = os.path.join("docs", "language.md")
GENERATED_BEGIN = "<!-- generated: `jaws explain --markdown-schemas`; `JAWS_UPDATE_BASELINES=1 ctest -R cli.docs` rewrites it -->\n"
GENERATED_END = "<!-- end of the generated part -->\n"


def updating():
    return os.environ.get("JAWS_UPDATE_BASELINES", "0") not in ("", "0")


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


class DiagnosticsReference(JawsTestCase):
    def test_page_matches_the_catalog(self):
        proc = run("explain", "--markdown")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        generated = proc.stdout
        if updating():
            write(DOC, generated)
        current = read(DOC)
        if current != generated:
            diff = "".join(difflib.unified_diff(current.splitlines(True), generated.splitlines(True),
                                                DOC, "jaws explain --markdown"))
            self.fail(f"{DOC} is out of date; regenerate it with JAWS_UPDATE_BASELINES=1 "
                      f"(or `jaws explain --markdown > {DOC}`):\n{diff[:6000]}")

    def test_every_code_has_a_section(self):
        page = read(DOC)
        for code in ("JW1001", "JW1021", "JW2001", "JW9001"):
            self.assertIn(f"\n## {code} ", page)


class LanguageReference(JawsTestCase):
    def split(self, page):
        self.assertIn(GENERATED_BEGIN, page, f"{LANGUAGE} lost its generated-part markers")
        self.assertIn(GENERATED_END, page, f"{LANGUAGE} lost its generated-part markers")
        head, rest = page.split(GENERATED_BEGIN, 1)
        generated, tail = rest.split(GENERATED_END, 1)
        return head, generated, tail

    def test_schema_tables_match_the_stdlib(self):
        proc = run("explain", "--markdown-schemas")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        page = read(LANGUAGE)
        head, current, tail = self.split(page)
        if updating():
            write(LANGUAGE, head + GENERATED_BEGIN + proc.stdout + GENERATED_END + tail)
            current = proc.stdout
        if current != proc.stdout:
            diff = "".join(difflib.unified_diff(current.splitlines(True), proc.stdout.splitlines(True),
                                                LANGUAGE, "jaws explain --markdown-schemas"))
            self.fail(f"the block schemas of {LANGUAGE} differ from stdlib/; regenerate them with "
                      f"JAWS_UPDATE_BASELINES=1 ctest -R cli.docs:\n{diff[:6000]}")

    def test_every_block_schema_has_a_table(self):
        _, generated, _ = self.split(read(LANGUAGE))
        for schema in ("Project", "Stage", "Function", "Api", "Cors", "Throttle", "Route"):
            self.assertIn(f"\n### {schema}\n", "\n" + generated)
        self.assertIn("| `memory` | `size` `@min(128MB) @max(10240MB)` | `project.memory` |", generated)

    def test_examples_parse(self):
        """Every ```jaws block of the page is valid syntax (blocks are fragments,
        so only syntax diagnostics count)."""
        blocks = re.findall(r"```jaws\n(.*?)```", read(LANGUAGE), re.S)
        self.assertGreater(len(blocks), 15)
        for i, block in enumerate(blocks):
            with self.subTest(block=i, text=block[:80]):
                path = self.write(f"b{i}/main.jaws", block)
                proc = run("check", "--format", "json", path)
                self.assertNoCrash(proc)
                report = json.loads(proc.stdout)
                syntax = [d for d in report["diagnostics"] if d["code"].startswith("JW1")]
                self.assertEqual(syntax, [], block)

    def test_the_readme_links_it(self):
        self.assertIn("(docs/language.md)", read("README.md"))


class NoPointersOutside(unittest.TestCase):
    """Users have the project, not the design folder it was written from."""

    def test_docs_examples_and_readme(self):
        files = ["README.md"]
        for folder in ("docs", "examples"):
            for root, dirs, names in os.walk(folder):
                dirs[:] = [d for d in dirs if d not in ("node_modules", "build")]
                files += [os.path.join(root, n) for n in names if n.endswith((".md", ".jaws"))]
        self.assertGreater(len(files), 10)
        for path in files:
            with self.subTest(path=path):
                text = read(path)
                self.assertNotRegex(text, r"(?<![.\w])shared/design|/work/shared|\.\./shared/design")


if __name__ == "__main__":
    unittest.main()
