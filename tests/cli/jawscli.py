"""Helpers for the command-line tests: run the jaws binary, parse its output.

The binary comes from the JAWS_BIN environment variable (CTest sets it to the
build's `jaws`). Tests run from the repository root.
"""
import json
import os
import shutil
import subprocess
import tempfile
import unittest

JAWS = os.environ.get("JAWS_BIN", "")
# The binary is the sanitizer tree's (CTest says so): each process starts in
# a tenth of a second instead of milliseconds.
SANITIZED = os.environ.get("JAWS_SANITIZED") == "1"

# What a sanitizer prints when it finds a bug; its exit code may be 1, which
# is also jaws's "the input has errors", so the output is checked as well.
SANITIZER_MARKERS = ("ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "runtime error:", "SUMMARY: UndefinedBehaviorSanitizer")


def run(*args, cwd=None, timeout=60, env=None):
    """Runs jaws with `args`; returns the CompletedProcess with text output."""
    if not JAWS:
        raise unittest.SkipTest("JAWS_BIN is not set")
    return subprocess.run([JAWS, *args], cwd=cwd, timeout=timeout, env=env, capture_output=True,
                          text=True, errors="replace")


def read_tree(folder):
    """Every file under `folder`, by path relative to it: its bytes."""
    out = {}
    for base, _, names in os.walk(folder):
        for name in names:
            full = os.path.join(base, name)
            with open(full, "rb") as f:
                out[os.path.relpath(full, folder)] = f.read()
    return out


class JawsTestCase(unittest.TestCase):
    """A test with a temporary folder and assertions about jaws runs."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="jaws-cli-")
        self.addCleanup(shutil.rmtree, self.tmp, ignore_errors=True)

    def path(self, *parts):
        return os.path.join(self.tmp, *parts)

    def write(self, relative, content):
        """Writes text (UTF-8) or bytes to a file in the temporary folder."""
        full = self.path(relative)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        mode = "wb" if isinstance(content, (bytes, bytearray)) else "w"
        with open(full, mode, **({} if mode == "wb" else {"encoding": "utf-8", "newline": ""})) as f:
            f.write(content)
        return full

    def assertNoCrash(self, proc):
        self.assertGreaterEqual(proc.returncode, 0, f"killed by signal {-proc.returncode}\n{proc.stderr[-3000:]}")
        self.assertIn(proc.returncode, (0, 1, 2), proc.stderr[-3000:])
        for marker in SANITIZER_MARKERS:
            self.assertNotIn(marker, proc.stderr, proc.stderr[-3000:])

    def check_json(self, *args, timeout=60, expect_exit=1, cwd=None):
        """`jaws check --format json ARGS`: asserts no crash and the exit code; returns the report."""
        proc = run("check", "--format", "json", *args, timeout=timeout, cwd=cwd)
        self.assertNoCrash(proc)
        self.assertEqual(proc.returncode, expect_exit, proc.stdout[-3000:] + proc.stderr[-3000:])
        try:
            return json.loads(proc.stdout)
        except json.JSONDecodeError as e:
            self.fail(f"--format json printed invalid JSON ({e}): {proc.stdout[:500]}")

    def codes(self, report):
        return [d["code"] for d in report["diagnostics"]]

    def assertNoControlBytes(self, text):
        """Text output is for a terminal: nothing below U+0020 but newlines, no DEL, no C1 controls."""
        bad = sorted({f"U+{ord(c):04X}" for c in text if (ord(c) < 0x20 and c != "\n") or 0x7F <= ord(c) < 0xA0})
        self.assertEqual(bad, [], text[:2000])

    def diagnostics(self, report, code):
        return [d for d in report["diagnostics"] if d["code"] == code]

    def assertDiagnostic(self, report, code, line=None, column=None, file=None, message=None):
        """Asserts that `report` has a diagnostic `code` (at line:column of file, if given); returns it."""
        found = self.diagnostics(report, code)
        summary = [(d["code"], d.get("file"), d.get("line"), d.get("column"), d["message"]) for d in report["diagnostics"]]
        self.assertTrue(found, f"no {code} in {summary[:20]}")
        for d in found:
            if line is not None and d.get("line") != line:
                continue
            if column is not None and d.get("column") != column:
                continue
            if file is not None and d.get("file") != file:
                continue
            if message is not None and message not in d["message"]:
                continue
            return d
        self.fail(f"no {code} at {file}:{line}:{column} (message containing {message!r}) in {summary[:20]}")

    def assertPositioned(self, diagnostic):
        for key in ("file", "line", "column", "endLine", "endColumn"):
            self.assertIn(key, diagnostic)
        self.assertGreaterEqual(diagnostic["line"], 1)
        self.assertGreaterEqual(diagnostic["column"], 1)
        self.assertGreaterEqual((diagnostic["endLine"], diagnostic["endColumn"]), (diagnostic["line"], diagnostic["column"]))
