"""`jaws build` is one atomic step as seen from the build folder
(docs/build.md): killed at any moment, or raced by a second build into the
same folder, the folder is exactly one complete build, byte for byte the
previous one or the new one, and no temporary is left where a user would see
it once the next build has run.

Two versions of one project build to different file sets (their stages have
different names), so a folder that mixes them, or keeps a file of the older
one, matches neither reference."""
import fcntl
import os
import random
import subprocess
import time

from jawscli import JAWS, JawsTestCase, read_tree

STAGES = 12


def project_text(version):
    stages = "".join(f"stage {version}{i} {{ }}\n" for i in range(STAGES))
    functions = "".join(f'function f{i} {{ handler = "src/h.h"  schedule = "rate({i + 2} days)" }}\n' for i in range(8))
    return 'project p { runtime = "nodejs22.x" }\n' + stages + functions


def temporaries(folder):
    """jaws's own temporaries below `folder` (and `folder` itself): hidden `.jaws-*` names."""
    found = []
    for base, dirs, files in os.walk(folder):
        found += [os.path.join(base, n) for n in dirs + files if n.startswith(".jaws-") or ".jaws-tmp" in n]
    return found


class AtomicBuilds(JawsTestCase):
    def setUp(self):
        super().setUp()
        rng = random.Random(17)
        self.projects = {}
        for version in ("a", "b"):
            folder = self.path("ws", version)
            self.write(f"ws/{version}/main.jaws", project_text(version))
            self.write(f"ws/{version}/src/h.mjs", f"export const h = async () => '{version}';\n")
            # Incompressible, so packaging takes a while and the zip is large.
            self.write(f"ws/{version}/src/blob.bin", rng.randbytes(1024 * 1024))
            self.projects[version] = folder
        self.references = {}
        for version, folder in self.projects.items():
            reference = self.path("ref-" + version)
            started = time.monotonic()
            self.assertBuilt(self.build(folder, reference))
            self.duration = time.monotonic() - started
            self.references[version] = read_tree(reference)
        self.assertNotEqual(set(self.references["a"]), set(self.references["b"]))
        self.out = self.path("site", "out")

    def build(self, project, out):
        return subprocess.run([JAWS, "build", project, "-o", out], capture_output=True, text=True, timeout=120)

    def assertBuilt(self, proc):
        self.assertNoCrash(proc)
        self.assertEqual(proc.returncode, 0, proc.stderr[-3000:])

    def assertOneBuild(self, allowed):
        current = read_tree(self.out)
        matches = [version for version in allowed if self.references[version] == current]
        self.assertTrue(matches, f"the build folder is not one complete build: {sorted(current)[:12]} ...")
        return matches[0]

    def test_a_killed_build_leaves_the_previous_or_the_new_build(self):
        rng = random.Random(int(os.environ.get("JAWS_KILL_SEED", "20240617")))
        self.assertBuilt(self.build(self.projects["a"], self.out))
        previous = "a"
        kills = 0
        for attempt in range(20):
            version = "b" if previous == "a" else "a"
            # Half of the moments anywhere, half near the end, where the files
            # are written and swapped in.
            moment = rng.uniform(0, 1.2) if attempt % 2 else rng.uniform(0.7, 1.05)
            proc = subprocess.Popen([JAWS, "build", self.projects[version], "-o", self.out],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(moment * self.duration)
            if proc.poll() is None:
                proc.kill()
                kills += 1
            proc.wait()
            previous = self.assertOneBuild([previous, version])
        self.assertGreater(kills, 0)
        # The next build cleans whatever the killed ones left beside the folder.
        self.assertBuilt(self.build(self.projects["b"], self.out))
        self.assertOneBuild(["b"])
        self.assertEqual(temporaries(os.path.dirname(self.out)), [])

    def test_concurrent_builds_into_one_folder_do_not_mix(self):
        for attempt in range(4):
            first = subprocess.Popen([JAWS, "build", self.projects["a"], "-o", self.out], stderr=subprocess.PIPE, text=True)
            second = subprocess.Popen([JAWS, "build", self.projects["b"], "-o", self.out], stderr=subprocess.PIPE, text=True)
            for proc in (first, second):
                _, err = proc.communicate(timeout=120)
                self.assertEqual(proc.returncode, 0, err)
            self.assertOneBuild(["a", "b"])
            self.assertEqual(temporaries(os.path.dirname(self.out)), [])

    def test_a_build_waits_while_the_folder_is_locked(self):
        # The lock is the folder's parent, flock(2)ed for the time a build
        # checks, writes and swaps its folder (docs/build.md).
        parent = os.path.dirname(self.out)
        os.makedirs(parent)
        fd = os.open(parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            proc = subprocess.Popen([JAWS, "build", self.projects["a"], "-o", self.out], stderr=subprocess.PIPE, text=True)
            message = proc.stderr.readline()
            self.assertIn("waiting for another jaws build", message)
            time.sleep(0.2)
            self.assertIsNone(proc.poll())
            self.assertFalse(os.path.exists(self.out))
        finally:
            os.close(fd)
        _, err = proc.communicate(timeout=120)
        self.assertEqual(proc.returncode, 0, message + err)
        self.assertOneBuild(["a"])


if __name__ == "__main__":
    import unittest
    unittest.main()
