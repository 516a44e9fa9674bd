"""Helpers for the `jaws serve` and `jaws invoke` tests: a copy of the test
project in a temporary folder, a `jaws serve` on a free port (--port 0, the
port read from its banner), its output collected by a thread, and polling
with deadlines instead of fixed sleeps.
"""
import http.client
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
import unittest

JAWS = os.environ.get("JAWS_BIN", "")
HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.path.join(HERE, "project")
SANITIZER_MARKERS = ("ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "runtime error:")
# Generous: CI runs the tests in parallel on 2 cores, under ASan too.
DEADLINE = 30.0


def wait_until(predicate, timeout=DEADLINE, interval=0.02, what="condition"):
    """Polls `predicate` until it returns a true value; fails after `timeout`."""
    end = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(interval)


class Server:
    """`jaws serve --port 0 DIR`, stopped (and reaped) by stop()."""

    def __init__(self, folder, *args):
        if not JAWS:
            raise unittest.SkipTest("JAWS_BIN is not set")
        self.lines = []
        self.lock = threading.Lock()
        self.proc = subprocess.Popen([JAWS, "serve", folder, "--port", "0", *args], stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, text=True, errors="replace")
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        line = self.wait_for_line(r"listening on http://127\.0\.0\.1:(\d+)")
        self.port = int(re.search(r":(\d+)", line).group(1))

    def _read(self):
        for line in self.proc.stdout:
            with self.lock:
                self.lines.append(line.rstrip("\n"))

    def output(self):
        with self.lock:
            return "\n".join(self.lines)

    def wait_for_line(self, pattern, timeout=DEADLINE, start=0):
        """The first output line from index `start` matching `pattern`."""
        regex = re.compile(pattern)

        def find():
            with self.lock:
                for line in self.lines[start:]:
                    if regex.search(line):
                        return line
            if self.proc.poll() is not None and not self.reader.is_alive():
                raise AssertionError(f"jaws serve exited ({self.proc.returncode}):\n{self.output()}")
            return None

        return wait_until(find, timeout, what=f"a line matching {pattern!r}; output so far:\n{self.output()}")

    def mark(self):
        with self.lock:
            return len(self.lines)

    def request(self, method, path, body=None, headers=None, timeout=DEADLINE):
        """(status, headers dict with lower-case names, body text)."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            data = body if body is None or isinstance(body, bytes) else (
                body if isinstance(body, str) else json.dumps(body)).encode("utf-8")
            connection.request(method, path, body=data, headers=headers or {})
            response = connection.getresponse()
            text = response.read().decode("utf-8", errors="replace")
            return response.status, {k.lower(): v for k, v in response.getheaders()}, text
        finally:
            connection.close()

    def json(self, method, path, body=None, headers=None):
        status, response_headers, text = self.request(method, path, body, headers)
        try:
            return status, response_headers, json.loads(text)
        except json.JSONDecodeError:
            raise AssertionError(f"{method} {path}: {status} not JSON: {text!r}\n{self.output()}")

    def stop(self):
        """SIGINT, as Ctrl-C; returns the exit code. Kills after the deadline."""
        if self.proc.poll() is None:
            self.proc.send_signal(2)
            try:
                self.proc.wait(timeout=DEADLINE)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.reader.join(timeout=DEADLINE)
        self.proc.stdout.close()
        return self.proc.returncode


class LocalTestCase(unittest.TestCase):
    """A test with its own copy of the test project."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="jaws-local-")
        self.addCleanup(shutil.rmtree, self.tmp, ignore_errors=True)
        self.project = os.path.join(self.tmp, "project")
        shutil.copytree(PROJECT, self.project)

    def serve(self, *args):
        server = Server(self.project, *args)
        self.addCleanup(self._stop, server)
        return server

    def _stop(self, server):
        code = server.stop()
        for marker in SANITIZER_MARKERS:
            self.assertNotIn(marker, server.output())
        self.assertEqual(code, 0, server.output())

    def write(self, relative, text):
        path = os.path.join(self.project, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        # Write then rename, as editors save: the server never reads half a file.
        with open(path + ".partial", "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(path + ".partial", path)

    def read(self, relative):
        with open(os.path.join(self.project, relative), encoding="utf-8") as f:
            return f.read()

    def invoke(self, *args, stdin=None):
        if not JAWS:
            raise unittest.SkipTest("JAWS_BIN is not set")
        proc = subprocess.run([JAWS, "invoke", *args], input=stdin, capture_output=True, text=True,
                              timeout=DEADLINE * 2, errors="replace")
        for marker in SANITIZER_MARKERS:
            self.assertNotIn(marker, proc.stderr)
        return proc
