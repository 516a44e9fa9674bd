"""The jaws command line: subcommands, exit codes, help, version, explain."""
import json
import os
import re
import shutil
import subprocess
import unittest

import jawscli
from jawscli import JawsTestCase, read_tree, run


class ExitCodes(JawsTestCase):
    def test_clean_project_exits_0(self):
        proc = run("check", "examples/todo")
        self.assertNoCrash(proc)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(proc.stdout, "")

    def test_errors_exit_1(self):
        bad = self.write("bad.jaws", "let x = = 1\n")
        proc = run("check", bad)
        self.assertNoCrash(proc)
        self.assertEqual(proc.returncode, 1)

    def test_usage_errors_exit_2(self):
        for args in ([], ["frobnicate"], ["check", "--format", "xml", "."], ["check", "--no-such-flag"], ["explain"]):
            with self.subTest(args=args):
                proc = run(*args)
                self.assertNoCrash(proc)
                self.assertEqual(proc.returncode, 2, proc.stdout + proc.stderr)

    def test_unknown_command_is_named_with_a_suggestion(self):
        proc = run("chek", ".", cwd=self.tmp)
        self.assertEqual(proc.returncode, 2)
        self.assertIn("jaws: unknown command 'chek'; did you mean 'check'?", proc.stderr)
        self.assertIn("Commands: check, explain, fmt, build, lsp, stubs, serve, invoke, import.", proc.stderr)
        proc = run("frobnicate", cwd=self.tmp)
        self.assertEqual(proc.returncode, 2)
        self.assertIn("jaws: unknown command 'frobnicate'\n", proc.stderr)

    def test_several_projects_one_report(self):
        bad = self.write("bad.jaws", "let x = = 1\n")
        proc = run("check", "examples/todo", bad)
        self.assertEqual(proc.returncode, 1)
        self.assertIn("error[JW1004]", proc.stderr)


class StageAndRegionSelection(JawsTestCase):
    """`--stage` and `--region` that select nothing: the same coded error and
    exit code 1 from every command that takes them, and nothing written."""

    PROJECT = ('project p { regions = ["us-east-1"] }\n'
               'stage dev { }\n'
               'stage prod { regions = ["us-east-1", "eu-west-1"] }\n')

    def project(self):
        self.write("p/main.jaws", self.PROJECT)
        return self.path("p")

    def commands(self, *selection):
        out = self.path("out")
        return {"check": ("check", self.project(), *selection),
                "build": ("build", self.project(), "-o", out, *selection)}

    def test_unknown_stage(self):
        for name, args in self.commands("--stage", "prdo").items():
            with self.subTest(command=name):
                proc = run(*args)
                self.assertNoCrash(proc)
                self.assertEqual(proc.returncode, 1, proc.stderr)
                self.assertIn("jaws: error[JW2113]: `--stage prdo` names no stage of this project\n", proc.stderr)
                self.assertIn("  = help: did you mean `prod`?\n", proc.stderr)
                self.assertIn("  = note: the project's stages: dev, prod\n", proc.stderr)
                self.assertFalse(os.path.exists(self.path("out")))
        report = self.check_json(self.project(), "--stage", "nosuchstage")
        self.assertEqual(self.codes(report), ["JW2113"])

    def test_region_no_selected_stage_deploys_to(self):
        cases = {("--region", "eu-west-9"): "no stage deploys to `--region eu-west-9`",
                 ("--stage", "dev", "--region", "eu-west-1"): "stage `dev` never deploys to `--region eu-west-1`"}
        for selection, message in cases.items():
            for name, args in self.commands(*selection).items():
                with self.subTest(command=name, selection=selection):
                    proc = run(*args)
                    self.assertNoCrash(proc)
                    self.assertEqual(proc.returncode, 1, proc.stderr)
                    self.assertIn(f"jaws: error[JW2114]: {message}\n", proc.stderr)
                    self.assertFalse(os.path.exists(self.path("out")))

    def test_a_selection_that_matches_still_works(self):
        proc = run("check", self.project(), "--stage", "prod", "--region", "eu-west-1")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        proc = run("build", self.project(), "-o", self.path("out"), "--region", "eu-west-1")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertTrue(os.path.exists(self.path("out", "prod", "eu-west-1", "template.json")))
        self.assertFalse(os.path.exists(self.path("out", "dev")))


class TextOutput(JawsTestCase):
    def test_clang_style_location_code_caret_and_summary(self):
        self.write("p/bad.jaws", "function f {\n  handler = = \"src/f.main\"\n}\n")
        proc = run("check", "p/bad.jaws", cwd=self.tmp)
        self.assertEqual(proc.returncode, 1)
        lines = proc.stderr.splitlines()
        first = lines.index("p/bad.jaws:2:13: error[JW1004]: unexpected `=`; expected an expression")
        self.assertEqual(lines[first + 1:first + 4], [
            "   |",
            ' 2 |   handler = = "src/f.main"',
            "   |             ^",
        ])
        self.assertRegex(proc.stderr, r"\n\d+ errors?, \d+ warnings?\n$")

    def test_help_line_and_fix_are_shown(self):
        self.write("bad.jaws", "function f {\n  handler = \"src/f.main\"\n  timeout = 10sec\n}\n")
        proc = run("check", "bad.jaws", cwd=self.tmp)
        self.assertIn("bad.jaws:3:13: error[JW1010]: unknown unit `sec` in `10sec`", proc.stderr)
        self.assertIn("  = help: did you mean `10s`?", proc.stderr)


class HelpAndVersion(JawsTestCase):
    def test_version(self):
        for flag in ("--version", "-V"):
            proc = run(flag)
            self.assertEqual(proc.returncode, 0)
            self.assertRegex(proc.stdout.strip(), r"^jaws \d+\.\d+\.\d+")

    def test_help_lists_the_commands(self):
        proc = run("--help")
        self.assertEqual(proc.returncode, 0)
        for command in ("check", "explain"):
            self.assertRegex(proc.stdout, rf"\n\s+{command}\s")

    def test_command_help(self):
        proc = run("check", "--help")
        self.assertEqual(proc.returncode, 0)
        for option in ("--format", "--root", "--stdlib"):
            self.assertIn(option, proc.stdout)
        proc = run("explain", "--help")
        self.assertEqual(proc.returncode, 0)
        self.assertIn("--markdown", proc.stdout)


class LocalHelper(JawsTestCase):
    """`serve` and `invoke` run in jaws-local, beside jaws, with the same command line."""

    def install(self, helper=None):
        """jaws copied into a folder of its own, with `helper` (a script) as its jaws-local."""
        os.makedirs(self.path("bin"))
        jaws = shutil.copy(jawscli.JAWS, self.path("bin", "jaws"))
        if helper is not None:
            os.chmod(self.write("bin/jaws-local", helper), 0o755)
        return jaws

    def test_serve_and_invoke_hand_the_command_line_on(self):
        jaws = self.install("#!/bin/sh\nprintf '%s|' \"$@\"\nexit 7\n")
        for args in (["invoke", "hello", self.tmp, "--event", "sqs"], ["serve", self.tmp, "--port", "0"]):
            proc = subprocess.run([jaws, *args], capture_output=True, text=True, timeout=60)
            self.assertEqual(proc.returncode, 7, proc.stderr)
            self.assertEqual(proc.stdout, "|".join(args) + "|")

    def test_usage_errors_are_caught_before_the_helper_runs(self):
        jaws = self.install("#!/bin/sh\necho helper ran\n")
        proc = subprocess.run([jaws, "invoke"], capture_output=True, text=True, timeout=60)
        self.assertEqual(proc.returncode, 2, proc.stderr)
        self.assertNotIn("helper ran", proc.stdout)

    def test_a_missing_helper_is_named(self):
        jaws = self.install()
        proc = subprocess.run([jaws, "serve", self.tmp], capture_output=True, text=True, timeout=60)
        self.assertEqual(proc.returncode, 1)
        self.assertIn("jaws: cannot run " + self.path("bin", "jaws-local"), proc.stderr)


    def dynamic_section(self):
        """`readelf -d` of the jaws binary (the test is skipped without binutils)."""
        if shutil.which("readelf") is None:
            self.skipTest("readelf (binutils) is not installed")
        dynamic = subprocess.run(["readelf", "-d", jawscli.JAWS], capture_output=True, text=True, timeout=60)
        self.assertEqual(dynamic.returncode, 0, dynamic.stderr)
        return dynamic.stdout

    def test_jaws_itself_needs_no_http_server_tls_or_event_loop(self):
        # Only jaws-local links cpp-httplib (and through it OpenSSL and brotli)
        # and libuv: loading and initializing them cost every command ten
        # times the start-up of `jaws --version`. A unity build batches
        # sources together, so this is pinned on the binary, not the code.
        dynamic = self.dynamic_section()
        needed = re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", dynamic)
        self.assertTrue(needed, dynamic)
        for library in needed:
            self.assertFalse(re.match(r"lib(cpp-httplib|ssl|crypto|brotli\w*|uv)\.so", library), needed)

    def test_jaws_asks_mimalloc_for_large_pages(self):
        # Set before mimalloc initializes (cli/front/LargePages.cpp): page
        # faults were a third of a short command's time. The sanitizer tree
        # links no mimalloc.
        if "libmimalloc" not in self.dynamic_section():
            self.skipTest("this jaws does not allocate with mimalloc")
        env = dict(os.environ, MIMALLOC_VERBOSE="1")
        proc = subprocess.run([jawscli.JAWS, "--version"], capture_output=True, text=True, timeout=60, env=env)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn("option 'large_os_pages': 1", proc.stderr)
        quiet = run("--version")
        self.assertEqual(quiet.stderr, "")


class Explain(JawsTestCase):
    def test_explain_prints_the_catalog_entry(self):
        proc = run("explain", "JW1003")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertTrue(proc.stdout.startswith("JW1003 (error): unexpected character {character}\n\n"), proc.stdout)
        self.assertIn("This character cannot start any token of the language.", proc.stdout)
        self.assertIn("Example:\n\n    let x = 1 # not a comment", proc.stdout)

    def test_codes_are_case_insensitive(self):
        self.assertEqual(run("explain", "jw1003").stdout, run("explain", "JW1003").stdout)

    def test_unknown_code(self):
        for code in ("JW0000", "JW99999", "nonsense"):
            with self.subTest(code=code):
                proc = run("explain", code)
                self.assertEqual(proc.returncode, 2)
                self.assertEqual(proc.stdout, "")
                self.assertIn(f"unknown diagnostic code or type '{code}' (codes look like JW1003; the types are ",
                              proc.stderr)
                self.assertRegex(proc.stderr, r"the types are .*\bProject, Stage, Function\b")
        proc = run("explain", "Fucntion")
        self.assertIn("jaws: did you mean 'Function'?", proc.stderr)

    def test_explain_a_block_schema(self):
        """JW3001's explanation sends users to `jaws explain` of the block's schema."""
        self.assertIn("`jaws explain` of the block's schema", run("explain", "JW3001").stdout)
        proc = run("explain", "Function")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        out = proc.stdout
        self.assertTrue(out.startswith("type Function (stdlib/schemas.jaws)\n\nAn AWS Lambda function.\n"), out)
        self.assertIn('handler: string @pattern("^[A-Za-z0-9_./-]+\\\\.[A-Za-z_$][A-Za-z0-9_$]*$")\n'
                      "    Required. The handler:", out)
        self.assertIn("memory: size @min(128MB) @max(10240MB) = project.memory\n"
                      "    Memory: 128MB to 10240MB, in whole megabytes.", out)
        self.assertIn("permissions?: Permission[]\n    What the function may do in AWS, as allow(actions, resources) "
                      "statements. Accepts deploy-time values.\n", out)
        self.assertEqual(run("explain", "function").stdout, out)
        for schema in ("Project", "Stage", "Api", "Cors", "Throttle", "Route", "Permission"):
            with self.subTest(schema=schema):
                proc = run("explain", schema)
                self.assertEqual(proc.returncode, 0, proc.stderr)
                self.assertTrue(proc.stdout.startswith(f"type {schema} (stdlib/schemas.jaws)\n"), proc.stdout)
        # A vocabulary: the values it allows.
        runtime = run("explain", "Runtime").stdout
        self.assertIn('Runtime = "nodejs24.x" | "nodejs22.x"', runtime)

    def test_explain_reads_the_schemas_at_run_time(self):
        """An attribute added to the stdlib appears with no change to the compiler."""
        stdlib = self.path("stdlib")
        os.makedirs(stdlib)
        with open(os.path.join("stdlib", "schemas.jaws"), encoding="utf-8") as f:
            schemas = f.read()
        schemas = schemas.replace("type Function {\n",
                                  "type Function {\n  /// Added by a test.\n  recursion: \"allow\" | \"terminate\" = \"terminate\"\n")
        for name in os.listdir("stdlib"):
            with open(os.path.join("stdlib", name), encoding="utf-8") as f:
                text = f.read()
            self.write(os.path.join("stdlib", name), schemas if name == "schemas.jaws" else text)
        proc = run("explain", "Function", "--stdlib", stdlib)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn('recursion: "allow" | "terminate" = "terminate"\n    Added by a test.\n', proc.stdout)
        proc = run("explain", "--markdown-schemas", "--stdlib", stdlib)
        self.assertIn('| `recursion` | `"allow" \\| "terminate"` | `"terminate"` | Added by a test. |', proc.stdout)
        self.assertNotIn("recursion", run("explain", "Function").stdout)

    def test_every_catalog_code_is_explained(self):
        markdown = run("explain", "--markdown").stdout
        codes = re.findall(r"^## (JW\d{4}) ", markdown, re.M)
        self.assertGreater(len(codes), 20)
        # A process per code: every code in the optimized tree, every eighth
        # under the sanitizers (the same lookup and rendering each time).
        for code in codes[:: 8 if jawscli.SANITIZED else 1]:
            with self.subTest(code=code):
                proc = run("explain", code)
                self.assertEqual(proc.returncode, 0)
                self.assertTrue(proc.stdout.startswith(code + " ("))


class ExplainValues(JawsTestCase):
    def test_a_function_url_is_listed_per_target(self):
        self.write("p/main.jaws",
                   'project p { runtime = "nodejs22.x"  lint = { "JW5005" = "off" } }\n'
                   'stage dev { }\nstage prod { }\n'
                   'function f { handler = "src/f.main"  url = stage == "prod" ? { auth = "iam", stream = true } : true }\n')
        proc = run("check", self.path("p"), "--explain-values")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        dev, prod = proc.stdout.split("prod (us-east-1)")
        self.assertIn('url                  = { auth = "none", cors = false, stream = false }', dev)
        self.assertIn('url                  = { auth = "iam", cors = false, stream = true }', prod)


class ParallelTargets(JawsTestCase):
    """Targets are evaluated and checked on several threads (`--jobs`): what
    jaws reports and writes must not depend on how many."""

    def assertSameForEveryJobCount(self, project, expect_exit):
        reports = [run("check", "--format", "json", "-j", jobs, project) for jobs in ("1", "2", "7")]
        for proc in reports:
            self.assertNoCrash(proc)
            self.assertEqual(proc.returncode, expect_exit, proc.stdout[-2000:] + proc.stderr[-2000:])
        self.assertEqual(reports[0].stdout, reports[1].stdout)
        self.assertEqual(reports[0].stdout, reports[2].stdout)
        return json.loads(reports[0].stdout)

    def test_examples_build_the_same_bytes_with_one_thread_or_several(self):
        examples = [e for e in sorted(os.listdir("examples")) if os.path.isdir(os.path.join("examples", e)) and not e.startswith(".")]
        self.assertGreaterEqual(len(examples), 4)
        for example in examples:
            with self.subTest(example=example):
                self.assertSameForEveryJobCount(os.path.join("examples", example), 0)
                trees = []
                for jobs in ("1", "3"):
                    out = self.path(f"{example}-j{jobs}")
                    proc = run("build", os.path.join("examples", example), "-o", out, "-j", jobs)
                    self.assertEqual(proc.returncode, 0, proc.stderr[-3000:])
                    trees.append(read_tree(out))
                self.assertTrue(any(name.endswith(".json") for name in trees[0]))
                self.assertEqual(trees[0], trees[1])

    def test_diagnostics_of_some_targets_are_merged_the_same_way(self):
        stages = "".join(f'stage t{i} {{ regions = ["us-east-1", "eu-west-1"] }}\n' for i in range(5))
        self.write("p/main.jaws",
                   'project p { runtime = "nodejs22.x" }\n' + stages +
                   'function f { handler = "src/f.main"  memory = stage == "t3" ? 20000MB : 128MB\n'
                   '  timeout = region == "eu-west-1" ? 9000s : 10s  url = true }\n'
                   'function g { handler = "src/g.main"  memory = 1MB  url = true }\n')
        self.write("p/src/f.js", "exports.main = async () => ({});\n")
        self.write("p/src/g.js", "exports.main = async () => ({});\n")
        report = self.assertSameForEveryJobCount(self.path("p"), 1)
        notes = [[n["message"] for n in d["notes"]] for d in report["diagnostics"]]
        # Errors in one stage (two targets), in one region (five) and in all ten.
        self.assertIn(["only in t3 (us-east-1), t3 (eu-west-1)"], notes)
        self.assertIn(["only in t0 (eu-west-1), t1 (eu-west-1), t2 (eu-west-1), t3 (eu-west-1), t4 (eu-west-1)"], notes)
        self.assertIn([], notes)
        self.assertGreaterEqual(len(notes), 3)

    def test_jobs_must_be_a_positive_count(self):
        for bad in ("0", "-1", "many"):
            proc = run("check", "-j", bad, "examples/todo")
            self.assertEqual(proc.returncode, 2, proc.stderr)


if __name__ == "__main__":
    unittest.main()
