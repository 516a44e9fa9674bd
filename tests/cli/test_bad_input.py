"""Every bad input of the foundation issue: a coded diagnostic with a position,
exit 1, and no crash, hang or stack overflow. Large inputs are generated in a
temporary folder at test time, never committed."""
import os
import random
import time
import unittest

from jawscli import JawsTestCase, run

DEPTH = 100_000


class LexicalGarbage(JawsTestCase):
    def test_unterminated_string(self):
        self.write("a.jaws", "let a = 1\nlet b = \"never closed\nlet c = 2\n")
        report = self.check_json("a.jaws", cwd=self.tmp)
        d = self.assertDiagnostic(report, "JW1001", line=2, column=9, file="a.jaws")
        self.assertPositioned(d)

    def test_unterminated_string_at_end_of_file(self):
        self.write("a.jaws", "let a = \"abc ${x")
        report = self.check_json("a.jaws", cwd=self.tmp)
        self.assertDiagnostic(report, "JW1001", line=1, column=9)
        self.assertEqual([d["code"] for d in report["diagnostics"] if d["code"].startswith("JW1")], ["JW1001"])

    def test_unterminated_block_comment(self):
        self.write("a.jaws", "let a = 1\n  /* a comment\nthat never ends")
        report = self.check_json("a.jaws", cwd=self.tmp)
        self.assertDiagnostic(report, "JW1002", line=2, column=3)

    def test_stray_characters(self):
        self.write("a.jaws", "let a = 1 # nope\nlet b = 2 ` \u00a7 \\\n")
        report = self.check_json("a.jaws", cwd=self.tmp)
        for column, line in ((11, 1), (11, 2), (13, 2), (15, 2)):
            self.assertPositioned(self.assertDiagnostic(report, "JW1003", line=line, column=column))

    def test_binary_garbage(self):
        rng = random.Random(20240601)
        garbage = bytes(rng.randrange(256) for _ in range(64 * 1024)) + b"\0\0\0"
        self.write("garbage.jaws", garbage)
        report = self.check_json("garbage.jaws", cwd=self.tmp)
        self.assertPositioned(self.assertDiagnostic(report, "JW9003", file="garbage.jaws"))
        # The file is not parsed, so "no project" would only repeat that.
        self.assertEqual(self.codes(report), ["JW9003"])
        # The text output shows the garbage line, but no raw control byte
        # reaches the terminal (an ESC would drive it).
        proc = run("check", "garbage.jaws", cwd=self.tmp)
        self.assertNoCrash(proc)
        self.assertNoControlBytes(proc.stdout + proc.stderr)

    def test_nul_and_control_bytes(self):
        # Valid UTF-8, so it is lexed: every control byte is a stray character.
        self.write("nul.jaws", b"let a = 1\0\0\x01\x02 let b = 2\n\x7f")
        report = self.check_json("nul.jaws", cwd=self.tmp)
        self.assertDiagnostic(report, "JW1003", line=1, column=10, message="U+0000")
        self.assertDiagnostic(report, "JW1003", line=2, column=1, message="U+007F")
        proc = run("check", "nul.jaws", cwd=self.tmp)
        self.assertNoControlBytes(proc.stdout + proc.stderr)
        self.assertIn("let a = 1\u2400\u2400\u2401\u2402 let b = 2", proc.stdout + proc.stderr)

    def test_escape_sequences_in_strings_do_not_reach_the_terminal(self):
        self.write("esc.jaws", "project p {}\nlet s = \"\x1b]0;pwned\x07\x1b[2J\" #\n")
        proc = run("check", "esc.jaws", cwd=self.tmp)
        self.assertNoCrash(proc)
        self.assertEqual(proc.returncode, 1)
        self.assertNoControlBytes(proc.stdout + proc.stderr)
        self.assertIn('let s = "\u241b]0;pwned\u2407\u241b[2J" #', proc.stdout + proc.stderr)

    def test_ascii_noise_does_not_crash(self):
        rng = random.Random(7)
        alphabet = "{}[]()<>=!?:;,.@|&\"'$\\/*#+-_aZ09 \n\t"
        for attempt in range(40):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 400)))
            self.write("noise.jaws", text)
            proc = run("check", "--format", "json", "noise.jaws", cwd=self.tmp, timeout=30)
            self.assertNoCrash(proc)
            self.assertIn(proc.returncode, (0, 1), text)

    def test_invalid_utf8(self):
        cases = {
            "lone continuation": (b"let a = \"\x80\"\n", 1, 10),
            "overlong slash": (b"let a = 1\nlet b = \"\xc0\xaf\"\n", 2, 10),
            "surrogate": (b"// \xed\xa0\x80\n", 1, 4),
            "past U+10FFFF": (b"let a = \"\xf4\x90\x80\x80\"", 1, 10),
            "truncated at the end": (b"let a = 1 // \xe2\x98", 1, 14),
            "latin-1": ("let caf\u00e9 = 1\n".encode("latin-1"), 1, 8),
        }
        for name, (content, line, column) in cases.items():
            with self.subTest(name):
                self.write("u.jaws", content)
                report = self.check_json("u.jaws", cwd=self.tmp)
                self.assertPositioned(self.assertDiagnostic(report, "JW9003", line=line, column=column))

    def test_integers_past_64_bits(self):
        self.write("n.jaws", "let a = 9223372036854775808\nlet b = 99999999999999999999999999999999999999\n"
                             "function f { handler = \"x\", memory = 9999999999999TB }\n")
        report = self.check_json("n.jaws", cwd=self.tmp)
        self.assertDiagnostic(report, "JW1007", line=1, column=9)
        self.assertDiagnostic(report, "JW1007", line=2, column=9)
        self.assertDiagnostic(report, "JW1007", line=3, column=38)


class DeepNesting(JawsTestCase):
    """100,000 levels: refused past 100 (JW1008), near where the limit is crossed."""

    def check_nesting(self, text, column=None, timeout=120):
        self.write("deep.jaws", text)
        start = time.monotonic()
        report = self.check_json("deep.jaws", cwd=self.tmp, timeout=timeout)
        d = self.assertDiagnostic(report, "JW1008", line=1)
        self.assertPositioned(d)
        self.assertEqual(d["message"], "nesting is deeper than 100 levels")
        # The rest of the file is not parsed: nothing else is reported about it.
        self.assertEqual(self.codes(report), ["JW1008"])
        if column is not None:
            self.assertEqual(d["column"], column)
        else:
            self.assertLess(d["column"], 2000)  # stopped near the start, not at the end
        return time.monotonic() - start

    def test_parentheses(self):
        self.check_nesting("let x = " + "(" * DEPTH + "1" + ")" * DEPTH + "\n", column=109)

    def test_lists(self):
        self.check_nesting("let x = " + "[" * DEPTH + "]" * DEPTH + "\n", column=109)

    def test_objects(self):
        self.check_nesting("let x = " + "{a = " * DEPTH + "1" + "}" * DEPTH + "\n", column=509)

    def test_negations(self):
        self.check_nesting("let x = " + "!" * DEPTH + "true\n", column=109)

    def test_interpolations(self):
        self.check_nesting("let x = " + "\"${" * DEPTH + "1" + "}\"" * DEPTH + "\n", column=309)

    def test_ternaries_nested_right(self):
        self.check_nesting("let x = " + "a ? b : " * DEPTH + "c\n")

    def test_ternaries_nested_in_the_middle(self):
        self.check_nesting("let x = " + "a ? " * DEPTH + "b" + " : c" * DEPTH + "\n")

    def test_unclosed_openers(self):
        self.check_nesting("let x = " + "(" * DEPTH, column=109)

    def test_long_chains(self):
        # Left-nested trees: as deep as the chain is long.
        for name, text in (("members", "let x = a" + ".b" * DEPTH + "\n"),
                           ("calls", "let x = f" + "()" * DEPTH + "\n"),
                           ("equalities", "let x = a" + " == a" * DEPTH + "\n"),
                           ("conjunctions", "let x = a" + " && a" * DEPTH + "\n")):
            with self.subTest(name):
                self.check_nesting(text)

    def test_types(self):
        for name, text in (("parentheses", "type T = " + "(" * DEPTH + "string" + ")" * DEPTH + "\n"),
                           ("records", "type T = " + "{a: " * DEPTH + "string" + "}" * DEPTH + "\n"),
                           ("lists", "type T = string" + "[]" * DEPTH + "\n"),
                           ("maps", "type T = " + "map<" * DEPTH + "string" + ">" * DEPTH + "\n")):
            with self.subTest(name):
                self.check_nesting(text)


class FilesAndImports(JawsTestCase):
    def test_missing_file(self):
        report = self.check_json("does/not/exist.jaws", cwd=self.tmp)
        d = self.assertDiagnostic(report, "JW9001", message="does/not/exist.jaws")
        self.assertIn("no such file", d["message"])
        self.assertEqual(self.codes(report), ["JW9001"])  # not also "no project"

    def test_folder_without_jaws_files(self):
        self.write("empty/readme.txt", "nothing here\n")
        report = self.check_json("empty", cwd=self.tmp)
        self.assertDiagnostic(report, "JW9002", message="empty")
        self.assertEqual(self.codes(report), ["JW9002"])

    def test_import_cycle(self):
        self.write("app/main.jaws", "import \"./a.jaws\"\nlet m = 1\n")
        self.write("app/a.jaws", "import \"./b.jaws\"\n")
        self.write("app/b.jaws", "import \"./a.jaws\"\n")
        report = self.check_json("app", cwd=self.tmp)
        d = self.assertDiagnostic(report, "JW2001", file="app/b.jaws", line=1, column=8)
        self.assertEqual(d["message"], "import cycle: app/a.jaws -> app/b.jaws -> app/a.jaws")
        self.assertEqual(len(self.diagnostics(report, "JW2001")), 1)

    def test_self_import(self):
        self.write("app/main.jaws", "import \"./main.jaws\"\n")
        report = self.check_json("app/main.jaws", cwd=self.tmp)
        self.assertDiagnostic(report, "JW2001", file="app/main.jaws", line=1, column=8,
                              message="app/main.jaws -> app/main.jaws")

    def test_import_outside_the_root(self):
        self.write("ws/app/main.jaws", "import \"../../outside.jaws\"\n")
        self.write("outside.jaws", "let o = 1\n")
        report = self.check_json("ws/app", cwd=self.tmp)
        d = self.assertDiagnostic(report, "JW2002", file="ws/app/main.jaws", line=1, column=8)
        self.assertIn("leaves the workspace root ws", d["message"])

    def test_explicit_root(self):
        self.write("ws/app/main.jaws", "import \"../shared.jaws\"\n")
        self.write("ws/shared.jaws", "let o = 1\n")
        report = self.check_json("--root", self.path("ws", "app"), "ws/app", cwd=self.tmp)
        self.assertDiagnostic(report, "JW2002", file="ws/app/main.jaws", line=1, column=8)

    def test_missing_import(self):
        self.write("app/main.jaws", "\n  import \"./nope.jaws\"\n")
        report = self.check_json("app", cwd=self.tmp)
        self.assertDiagnostic(report, "JW2003", file="app/main.jaws", line=2, column=10)
        # The missing file may hold the project: no "no project" on top.
        self.assertEqual(self.codes(report), ["JW2003"])

    def test_a_complete_program_without_a_project_still_says_so(self):
        self.write("app/main.jaws", "let a = 1\n")
        report = self.check_json("app", cwd=self.tmp)
        self.assertDiagnostic(report, "JW2102", file="app/main.jaws", line=1, column=1)


class HugeInputs(JawsTestCase):
    """Ten megabytes on one line: linear time, a windowed snippet, exact columns."""

    SIZE = 10 * 1024 * 1024

    def test_ten_megabytes_of_string_on_one_line(self):
        body = ("x\u00e9" * (self.SIZE // 3))  # 'é' is two bytes: columns count code points
        text = "let s = \"" + body + "\" \u00a7\n"
        self.write("big.jaws", text)
        report = self.check_json("big.jaws", cwd=self.tmp, timeout=300)
        self.assertDiagnostic(report, "JW1003", line=1, column=len(text) - 1)
        proc = run("check", "big.jaws", cwd=self.tmp, timeout=300)
        self.assertNoCrash(proc)
        longest = max(len(line) for line in proc.stderr.splitlines())
        self.assertLess(longest, 400, "the snippet of a long line is shown as a window")

    def test_ten_megabytes_of_declarations_on_one_line(self):
        # 58 characters and 6 tokens a declaration: about a million tokens,
        # under the per-file limit (JW1022, below).
        count = self.SIZE // 58 + 1
        text = "".join(f"let v{i:07d} = \"{'x' * 40}\" " for i in range(count)) + "let broken = = 1\n"
        self.assertGreaterEqual(len(text), self.SIZE)
        self.write("decls.jaws", text)
        report = self.check_json("decls.jaws", cwd=self.tmp, timeout=600)
        self.assertDiagnostic(report, "JW1004", line=1, column=len(text) - 3)

    def test_ten_megabytes_of_tokens_are_refused_past_the_limit(self):
        # Five million `}`: each a token. The file is refused at the 2,097,152nd
        # token instead of holding gigabytes of tokens and parse tree.
        self.write("braces.jaws", "project p {}\n" + "}," * (self.SIZE // 2) + "\n")
        start = time.monotonic()
        report = self.check_json("braces.jaws", cwd=self.tmp, timeout=300)
        d = self.assertDiagnostic(report, "JW1022", line=2, message="more than 2097152 tokens")
        self.assertPositioned(d)
        self.assertEqual(self.codes(report), ["JW1022"])  # not parsed, so nothing else
        self.assertLess(time.monotonic() - start, 120)

    def test_ten_megabytes_of_stray_characters(self):
        # One run of stray characters is one token, so this is not refused as
        # too many tokens; each character is still one error, up to the limit.
        self.write("stray.jaws", "#" * self.SIZE + "\n")
        report = self.check_json("stray.jaws", cwd=self.tmp, timeout=300)
        self.assertEqual(len(self.diagnostics(report, "JW1003")), 50)
        self.assertDiagnostic(report, "JW1018", line=1, column=51)
        self.assertEqual(self.diagnostics(report, "JW1022"), [])

    def test_ten_megabytes_of_accented_stray_characters(self):
        self.write("stray.jaws", "\u00e9\u2192" * (self.SIZE // 5) + "\n")
        report = self.check_json("stray.jaws", cwd=self.tmp, timeout=300)
        self.assertEqual(len(self.diagnostics(report, "JW1003")), 50)
        self.assertDiagnostic(report, "JW1003", line=1, column=2, message="`\u2192` (U+2192)")
        self.assertDiagnostic(report, "JW1018", line=1, column=51)

    def test_file_over_the_size_limit(self):
        with open(self.path("huge.jaws"), "wb") as f:
            f.truncate(65 * 1024 * 1024)  # sparse: the limit is checked before reading
        report = self.check_json("huge.jaws", cwd=self.tmp, timeout=60)
        self.assertDiagnostic(report, "JW9004", message="the limit is 67108864 bytes")


if __name__ == "__main__":
    unittest.main()
