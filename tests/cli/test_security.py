"""What jaws reads and writes stays inside the project (docs/security.md).

Each test is one finding of the audit (issue 17), tried the way an attacker or a
careless user would: links out of the project, secrets by convention in a
source folder, /proc and FIFOs where sources are expected, build folders that
would swallow the project, temporaries at names someone else can plant. The
atomicity of `jaws build` (kill and concurrent builds) is test_build_atomic.py.
"""
import os
import shutil
import subprocess
import time
import zipfile

from jawscli import JAWS, JawsTestCase, run

HANDLER = "export const h = async () => ({ statusCode: 200 });\n"
PRIVATE_KEY = "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n-----END RSA PRIVATE KEY-----\n"
CERTIFICATE = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUJ0F3\n-----END CERTIFICATE-----\n"
CANARY = "jaws-canary-5f3c9a1e"


def project_text(handler="src/a.h", function="", project=""):
    return ('project p { runtime = "nodejs22.x" ' + project + ' }\nstage dev { }\n'
            'function f { handler = "' + handler + '"  schedule = "rate(1 day)" ' + function + ' }\n')


def tree(folder):
    """Every file below `folder` (links not followed) with its bytes, or the link's target."""
    out = {}
    for base, dirs, files in os.walk(folder):
        for name in files + [d for d in dirs if os.path.islink(os.path.join(base, d))]:
            full = os.path.join(base, name)
            rel = os.path.relpath(full, folder)
            out[rel] = ("link", os.readlink(full)) if os.path.islink(full) else open(full, "rb").read()
    return out


class SecurityCase(JawsTestCase):
    """A workspace `ws/` holding the project `ws/p/`, and things outside it."""

    def project(self, handler="src/a.h", function="", project="", files=None):
        self.write("ws/p/main.jaws", project_text(handler, function, project))
        self.write("ws/p/src/a.mjs", HANDLER)
        for relative, content in (files or {}).items():
            self.write("ws/p/" + relative, content)
        return self.path("ws", "p")

    def build(self, project, *args, out=None, env=None, timeout=60):
        out = out or self.path("out")
        proc = run("build", project, "-o", out, *args, env=env, timeout=timeout)
        self.assertNoCrash(proc)
        return proc, out

    def assertBuilt(self, proc):
        self.assertEqual(proc.returncode, 0, proc.stderr[-3000:])

    def assertRefused(self, proc, code, *mentions):
        self.assertEqual(proc.returncode, 1, proc.stderr[-3000:])
        self.assertIn(f"error[{code}]", proc.stderr)
        for text in mentions:
            self.assertIn(text, proc.stderr)

    def packaged(self, out):
        """name -> bytes of the one code package in `out`."""
        zips = [n for n in os.listdir(os.path.join(out, "artifacts")) if n.endswith(".zip")]
        self.assertEqual(len(zips), 1, zips)
        with zipfile.ZipFile(os.path.join(out, "artifacts", zips[0])) as archive:
            return {name: archive.read(name) for name in archive.namelist()}

    def canary_env(self):
        env = dict(os.environ)
        env["JAWS_SECURITY_CANARY"] = CANARY
        return env


class PackagedFiles(SecurityCase):
    """Findings 1, 2, 3, 11 and 12: what goes into the zip."""

    def test_a_link_out_of_the_project_is_not_packaged(self):
        secret = self.write("secret.txt", CANARY + "\n")
        p = self.project()
        os.symlink(secret, os.path.join(p, "src", "config.txt"))
        proc, out = self.build(p)
        self.assertRefused(proc, "JW9008", "src/config.txt")
        self.assertNotIn(CANARY, proc.stdout + proc.stderr)
        self.assertFalse(os.path.exists(out))

    def test_a_link_to_proc_environ_is_not_packaged(self):
        p = self.project()
        os.symlink("/proc/self/environ", os.path.join(p, "src", "env.txt"))
        proc, out = self.build(p, env=self.canary_env())
        self.assertRefused(proc, "JW9008", "src/env.txt")
        self.assertNotIn(CANARY, proc.stdout + proc.stderr)
        self.assertFalse(os.path.exists(out))

    def test_a_source_folder_outside_the_project_is_refused(self):
        self.write("ws/secretdir/.aws/credentials", "[default]\naws_secret_access_key = " + CANARY + "\n")
        self.write("ws/secretdir/a.mjs", HANDLER)
        p = self.project(handler="a.h", function='source = "../secretdir"')
        report = self.check_json(p)
        self.assertDiagnostic(report, "JW9009", line=3, message="../secretdir")
        proc, out = self.build(p)
        self.assertRefused(proc, "JW9009")
        self.assertFalse(os.path.exists(out))

    def test_a_source_folder_linked_out_of_the_project_is_refused(self):
        self.write("ws/secretdir/a.mjs", HANDLER)
        p = self.project(handler="a.h", function='source = "lib"')
        os.symlink(self.path("ws", "secretdir"), os.path.join(p, "lib"))
        self.assertDiagnostic(self.check_json(p), "JW9009", line=3, message="lib")
        proc, out = self.build(p)
        self.assertRefused(proc, "JW9009")
        self.assertFalse(os.path.exists(out))

    def test_secrets_by_convention_are_left_out(self):
        p = self.project(files={
            ".env": "TOKEN=" + CANARY, ".env.production": "TOKEN=" + CANARY,
            ".aws/credentials": "[default]\n", ".ssh/config": "Host x\n",
            "id_rsa": PRIVATE_KEY, "deploy/id_ed25519": PRIVATE_KEY, "server.key": PRIVATE_KEY,
            "tls/server.pem": PRIVATE_KEY, "tls/ca.pem": CERTIFICATE,
            ".npmrc": "//registry.npmjs.org/:_authToken=" + CANARY, ".pypirc": "[pypi]\n", ".netrc": "machine x\n",
            "infra/terraform.tfstate": "{}", "infra/terraform.tfstate.backup": "{}",
            "node_modules/.cache/babel/x.json": "{}", "node_modules/lib/index.js": "module.exports = 1;\n",
            ".git/config": "[core]\n", "src/__pycache__/m.pyc": "x",
        })
        proc, out = self.build(p)
        self.assertBuilt(proc)
        self.assertEqual(sorted(self.packaged(out)), ["node_modules/lib/index.js", "src/a.mjs", "tls/ca.pem"])

    def test_jawsignore_negations_take_a_default_back(self):
        p = self.project(files={".env.example": "TOKEN=\n", ".env": "TOKEN=" + CANARY, "docs/readme.md": "x",
                                ".jawsignore": "# take the example back, leave docs out\n!.env.example\ndocs/\n"})
        proc, out = self.build(p)
        self.assertBuilt(proc)
        self.assertEqual(sorted(self.packaged(out)), [".env.example", "src/a.mjs"])

    def test_a_credential_that_is_still_packaged_is_a_warning(self):
        p = self.project(files={"config/service-account.json": '{"private_key": "' + PRIVATE_KEY.replace("\n", "\\n") + '"}',
                                "config/aws.ini": "[default]\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n",
                                "tls/server.pem": PRIVATE_KEY, ".jawsignore": "!tls/server.pem\n"})
        proc, out = self.build(p)
        self.assertBuilt(proc)
        for name in ("config/service-account.json", "config/aws.ini", "tls/server.pem"):
            self.assertIn(name, self.packaged(out))
            self.assertRegex(proc.stderr, r"warning\[JW5011\]: " + name.replace(".", r"\."))
        self.assertNotIn(PRIVATE_KEY.splitlines()[1], proc.stderr)
        # The project's lint levels apply.
        quiet = self.project(project='lint = { "JW5011" = "off" }')
        proc, out = self.build(quiet, out=self.path("quiet"))
        self.assertBuilt(proc)
        self.assertNotIn("JW5011", proc.stderr)

    def test_a_link_that_stays_inside_the_project_is_followed(self):
        p = self.project(files={"lib/util.mjs": "export const u = 1;\n"})
        os.symlink("../lib", os.path.join(p, "src", "shared"))
        os.symlink("../lib/util.mjs", os.path.join(p, "src", "b.mjs"))
        proc, out = self.build(p)
        self.assertBuilt(proc)
        files = self.packaged(out)
        self.assertEqual(sorted(files), ["lib/util.mjs", "src/a.mjs", "src/b.mjs", "src/shared/util.mjs"])
        self.assertEqual(files["src/b.mjs"], b"export const u = 1;\n")

    def test_a_link_cycle_is_refused(self):
        p = self.project()
        os.symlink("..", os.path.join(p, "src", "loop"))
        proc, out = self.build(p, timeout=30)
        self.assertRefused(proc, "JW9010", "src/loop")
        self.assertFalse(os.path.exists(out))

    def test_an_empty_package_is_an_error(self):
        p = self.project(handler="a.h", function='source = "empty"', files={"empty/.env": "x=1\n"})
        proc, out = self.build(p)
        self.assertRefused(proc, "JW9011", "empty")
        self.assertFalse(os.path.exists(out))

    def test_a_fifo_in_a_source_folder_is_an_error(self):
        p = self.project()
        os.mkfifo(os.path.join(p, "src", "pipe"))
        proc, out = self.build(p, timeout=20)
        self.assertRefused(proc, "JW9007", "src/pipe")
        self.assertFalse(os.path.exists(out))
        # Excluded, it is never opened.
        self.write("ws/p/.jawsignore", "src/pipe\n")
        proc, out = self.build(p, timeout=20)
        self.assertBuilt(proc)

    def test_an_unreadable_folder_is_an_error_naming_it(self):
        p = self.project(files={"src/private/x.mjs": HANDLER})
        private = os.path.join(p, "src", "private")
        os.chmod(private, 0)
        self.addCleanup(os.chmod, private, 0o755)
        out = self.path("out")
        if os.geteuid() == 0:
            # root reads everything: run jaws as nobody, from a copy nobody may
            # run, in a tree nobody may read but for that folder.
            jaws = self.path("jaws")
            shutil.copy(JAWS, jaws)
            for folder in (self.tmp, self.path("ws"), p, os.path.join(p, "src")):
                os.chmod(folder, 0o777)
            proc = subprocess.run([jaws, "build", p, "-o", out], capture_output=True, text=True, timeout=60, cwd=self.tmp,
                                  preexec_fn=lambda: (os.setgid(65534), os.setuid(65534)))
        else:
            proc = run("build", p, "-o", out)
        self.assertNoCrash(proc)
        self.assertRefused(proc, "JW9001", "src/private")
        self.assertFalse(os.path.exists(out))


class SourceFiles(SecurityCase):
    """Finding 4: sources are regular files inside the workspace root."""

    def test_a_jaws_file_linked_to_proc_environ_is_refused(self):
        p = self.project()
        os.symlink("/proc/self/environ", os.path.join(p, "env.jaws"))
        for extra in ((), ("--root", "/")):
            for fmt in ("text", "json", "sarif"):
                proc = run("check", "--format", fmt, *extra, p, env=self.canary_env())
                self.assertNoCrash(proc)
                self.assertEqual(proc.returncode, 1)
                self.assertNotIn(CANARY, proc.stdout + proc.stderr)
                self.assertIn("JW9008" if not extra else "JW9007", proc.stdout + proc.stderr)

    def test_an_import_of_a_fifo_does_not_hang(self):
        p = self.project()
        with open(os.path.join(p, "main.jaws"), "a") as f:
            f.write('import "pipe.jaws"\n')
        os.mkfifo(os.path.join(p, "pipe.jaws"))
        started = time.monotonic()
        report = self.check_json(p, timeout=20)
        self.assertLess(time.monotonic() - started, 15)
        self.assertDiagnostic(report, "JW9007", message="pipe.jaws")

    def test_a_device_is_refused(self):
        p = self.project()
        os.symlink("/dev/zero", os.path.join(p, "zero.jaws"))
        self.assertDiagnostic(self.check_json(p, timeout=20), "JW9008", message="zero.jaws")
        self.assertDiagnostic(self.check_json("--root", "/", p, timeout=20), "JW9007", message="zero.jaws")

    def test_a_refused_file_is_never_shown_as_a_snippet(self):
        secret = self.write("outside.jaws", "let leaked = \"" + CANARY + "\" #\n")
        p = self.project()
        os.symlink(secret, os.path.join(p, "linked.jaws"))
        proc = run("check", p)
        self.assertEqual(proc.returncode, 1)
        self.assertIn("JW9008", proc.stderr)
        self.assertNotIn(CANARY, proc.stdout + proc.stderr)

    def test_a_jawsignore_that_is_a_fifo_or_a_device_is_refused(self):
        p = self.project()
        os.mkfifo(os.path.join(p, ".jawsignore"))
        proc, out = self.build(p, timeout=20)
        self.assertRefused(proc, "JW9007", ".jawsignore")
        os.unlink(os.path.join(p, ".jawsignore"))
        os.symlink("/dev/zero", os.path.join(p, ".jawsignore"))
        proc, out = self.build(p, timeout=20)
        self.assertRefused(proc, "JW9008", ".jawsignore")
        self.assertFalse(os.path.exists(out))

    def test_a_huge_jawsignore_is_refused(self):
        p = self.project()
        with open(os.path.join(p, ".jawsignore"), "wb") as f:
            f.truncate(64 * 1024 * 1024)
        proc, out = self.build(p, timeout=20)
        self.assertRefused(proc, "JW9014", ".jawsignore")


class EscapingPaths(SecurityCase):
    """Findings 5, 6 and 7: nothing is written outside the project and the build folder."""

    def test_a_handler_outside_the_project_is_an_error(self):
        for handler in ("../../../../etc/passwd.handler", "/etc/passwd.handler"):
            with self.subTest(handler=handler):
                p = self.project(handler=handler)
                self.assertDiagnostic(self.check_json(p), "JW9009", line=3)
                proc, out = self.build(p)
                self.assertRefused(proc, "JW9009")
                self.assertFalse(os.path.exists(out))

    def test_a_handler_linked_out_of_the_project_is_an_error(self):
        self.write("ws/outside/a.mjs", HANDLER)
        p = self.project(handler="mod/a.h")
        os.symlink(self.path("ws", "outside"), os.path.join(p, "mod"))
        self.assertDiagnostic(self.check_json(p), "JW9009", line=3, message="mod/a")

    def test_a_handler_file_linked_out_of_the_project_is_an_error_for_every_function_of_its_module(self):
        # The module's answer is looked up once and shared by its functions.
        self.write("ws/outside/shared.mjs", HANDLER)
        self.write("ws/p/main.jaws", 'project p { runtime = "nodejs22.x" }\nstage dev { }\n'
                   'function f { handler = "src/shared.f"  schedule = "rate(1 day)" }\n'
                   'function g { handler = "src/shared.g"  schedule = "rate(1 day)" }\n'
                   'function h { handler = "src/own.h"  schedule = "rate(1 day)" }\n')
        self.write("ws/p/src/own.mjs", HANDLER)
        p = self.path("ws", "p")
        os.symlink(self.path("ws", "outside", "shared.mjs"), os.path.join(p, "src", "shared.mjs"))
        report = self.check_json(p)
        self.assertDiagnostic(report, "JW9009", line=3, message="src/shared")
        self.assertDiagnostic(report, "JW9009", line=4, message="src/shared")
        self.assertEqual([d.get("line") for d in self.diagnostics(report, "JW9009")], [3, 4])

    def test_stubs_never_write_through_a_link_out_of_the_project(self):
        os.makedirs(self.path("ws", "outside"))
        self.write("ws/p/main.jaws", project_text("mod/a.h"))
        p = self.path("ws", "p")
        os.symlink(self.path("ws", "outside"), os.path.join(p, "mod"))
        proc = run("stubs", p)
        self.assertNoCrash(proc)
        self.assertEqual(proc.returncode, 1, proc.stdout + proc.stderr)
        self.assertIn("JW9009", proc.stderr)
        self.assertEqual(os.listdir(self.path("ws", "outside")), [])

    def test_the_project_folder_is_refused_as_build_folder(self):
        p = self.project()
        before = tree(p)
        proc, _ = self.build(p, out=p)
        self.assertRefused(proc, "JW9013")
        self.assertEqual(tree(p), before)

    def test_a_folder_that_holds_the_project_is_refused(self):
        p = self.project()
        before = tree(self.path("ws"))
        proc, _ = self.build(p, out=self.path("ws"))
        self.assertRefused(proc, "JW9013")
        self.assertEqual(tree(self.path("ws")), before)

    def test_a_folder_that_holds_a_source_folder_is_refused(self):
        self.write("ws/p/services/users/a.mjs", HANDLER)
        p = self.project(handler="a.h", function='source = "services/users"')
        before = tree(p)
        for out in (os.path.join(p, "services"), os.path.join(p, "services", "users")):
            with self.subTest(out=out):
                proc, _ = self.build(p, out=out)
                self.assertRefused(proc, "JW9013", "services/users")
                self.assertEqual(tree(p), before)

    def test_a_build_folder_packaged_with_the_sources_is_refused(self):
        p = self.project()
        proc, out = self.build(p, out=os.path.join(p, "src", "out"))
        self.assertRefused(proc, "JW9016", "src/out")
        self.assertFalse(os.path.exists(out))
        # Excluded from packaging, it is fine; so is the default build/.
        self.write("ws/p/.jawsignore", "dist/\n")
        proc, out = self.build(p, out=os.path.join(p, "dist"))
        self.assertBuilt(proc)
        proc = run("build", p)
        self.assertBuilt(proc)
        self.assertEqual(sorted(self.packaged(os.path.join(p, "build"))), ["src/a.mjs"])

    def test_a_folder_jaws_did_not_write_is_never_replaced(self):
        p = self.project()
        home = self.path("home")
        self.write("home/notes.txt", "precious\n")
        self.write("home/manifest.json", '{"name": "not a jaws build"}\n')
        before = tree(home)
        proc, _ = self.build(p, out=home)
        self.assertRefused(proc, "JW9012", "home")
        self.assertEqual(tree(home), before)
        # An empty folder, or an earlier build, is fine.
        os.makedirs(self.path("empty"))
        self.assertBuilt(self.build(p, out=self.path("empty"))[0])
        self.assertBuilt(self.build(p, out=self.path("empty"))[0])

    def test_fmt_formats_the_target_of_a_link_and_keeps_the_link(self):
        shared = self.write("ws/shared/x.jaws", "let   a =   1\n")
        p = self.project()
        link = os.path.join(p, "x.jaws")
        os.symlink("../shared/x.jaws", link)
        proc = run("fmt", p)
        self.assertNoCrash(proc)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertTrue(os.path.islink(link))
        self.assertEqual(os.readlink(link), "../shared/x.jaws")
        self.assertEqual(open(shared).read(), "let a = 1\n")

    def test_fmt_refuses_a_link_out_of_the_workspace(self):
        outside = self.write("outside.jaws", "let   a =   1\n")
        p = self.project()
        link = os.path.join(p, "x.jaws")
        os.symlink(outside, link)
        proc = run("fmt", p)
        self.assertNoCrash(proc)
        self.assertEqual(proc.returncode, 1)
        self.assertIn("JW9008", proc.stderr)
        self.assertTrue(os.path.islink(link))
        self.assertEqual(open(outside).read(), "let   a =   1\n")

    def test_fmt_of_a_fifo_does_not_hang(self):
        p = self.project()
        os.mkfifo(os.path.join(p, "pipe.jaws"))
        proc = run("fmt", "--check", p, timeout=20)
        self.assertNoCrash(proc)
        self.assertEqual(proc.returncode, 1)
        self.assertIn("JW9007", proc.stderr)


class Temporaries(SecurityCase):
    """Finding 9: no temporary at a name someone else can plant."""

    def test_a_link_planted_at_a_temporary_name_is_not_followed(self):
        p = self.project()
        out = self.path("out")
        self.assertBuilt(self.build(p, out=out)[0])
        victim = self.write("victim.txt", "precious\n")
        targets = [rel for rel in tree(out)]
        # Start jaws with a known pid, plant links at every name derived from
        # it, then let it run.
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(write_end)
            os.read(read_end, 1)
            os.execv(JAWS, [JAWS, "build", p, "-o", out])
        os.close(read_end)
        for rel in targets:
            os.symlink(victim, os.path.join(out, f"{rel}.jaws-tmp-{pid}"))
        os.write(write_end, b"x")
        os.close(write_end)
        _, status = os.waitpid(pid, 0)
        self.assertEqual(os.waitstatus_to_exitcode(status), 0)
        self.assertEqual(open(victim).read(), "precious\n")

    def test_stubs_write_through_no_planted_link(self):
        self.write("ws/p/main.jaws", project_text("src/new.h"))
        p = self.path("ws", "p")
        victim = self.write("victim.txt", "precious\n")
        os.makedirs(os.path.join(p, "src"))
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(write_end)
            os.read(read_end, 1)
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.execv(JAWS, [JAWS, "stubs", p])
        os.close(read_end)
        for name in ("new.mjs", "jaws_models.d.ts"):
            os.symlink(victim, os.path.join(p, "src", f".{name}.jaws-stubs-{pid}.tmp"))
        os.write(write_end, b"x")
        os.close(write_end)
        _, status = os.waitpid(pid, 0)
        self.assertEqual(os.waitstatus_to_exitcode(status), 0)
        self.assertEqual(open(victim).read(), "precious\n")
        self.assertTrue(os.path.isfile(os.path.join(p, "src", "new.mjs")))


if __name__ == "__main__":
    import unittest
    unittest.main()
