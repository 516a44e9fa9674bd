"""`jaws import` on the corpus (tests/import/corpus/): for every serverless.yml
and SAM template, the import's exit code and diagnostics, the generated .jaws files (baselines in
tests/import/expected/<project>/), `jaws fmt --check` on them (the importer
writes canonical layout), then `jaws check`, `jaws build` and cfn-lint on the
templates. A deprecated runtime is kept as written (the checker explains the
upgrade); to see whether the rest builds, the test then swaps it for a current
one. What each project reaches is in expected/<project>/status.txt, and the
figures of docs/import.md are printed. For a SAM template, the resource types
the SAM translator writes for the original are compared with those of
`jaws build` (expected/<project>/types.txt). JAWS_UPDATE_BASELINES=1 rewrites
the expected files."""
import json
import logging
import os
import re
import shutil
import subprocess
import tempfile
import unittest
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
JAWS = os.environ.get("JAWS_BIN", str(ROOT / "build" / "compiler" / "jaws"))
CORPUS = ROOT / "tests" / "import" / "corpus"
EXPECTED = ROOT / "tests" / "import" / "expected"
UPDATE = os.environ.get("JAWS_UPDATE_BASELINES") == "1"
WORKERS = 2  # the projects imported side by side
CURRENT = {"nodejs": "nodejs22.x", "python": "python3.13", "ruby": "ruby3.3", "go": "provided.al2023", "java": "java21"}


def run(*args, cwd=None):
    return subprocess.run([JAWS, *map(str, args)], capture_output=True, text=True, timeout=120, cwd=cwd)


def template_of(project: Path):
    """The SAM template of a corpus project (`template.yaml`, or `.yml` as published)."""
    return next((project / name for name in ("template.yaml", "template.yml") if (project / name).exists()), None)


class AnyManagedPolicy(dict):
    """The SAM translator's managed-policy map, without AWS: every name is an ARN."""

    def __contains__(self, name):
        return True

    def __missing__(self, name):
        return f"arn:aws:iam::aws:policy/{name}"


class ManagedPolicyLoader:
    def load(self):
        return AnyManagedPolicy()


def sam_resource_types(template: Path):
    """The resource types the SAM translator writes for a template."""
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
    logging.getLogger("samtranslator").setLevel(logging.ERROR)  # its metrics notices
    from samtranslator.translator.transform import transform
    from samtranslator.yaml_helper import yaml_parse

    document = json.loads(json.dumps(yaml_parse(template.read_text()), default=str))  # an unquoted version is a date
    parameters = {name: spec.get("Default", "value") for name, spec in (document.get("Parameters") or {}).items()}
    # The translator reads packaged code (what `sam package` writes): code in S3.
    packaged = "s3://bucket/code.zip"
    function_globals = (document.get("Globals") or {}).get("Function") or {}
    if "CodeUri" in function_globals:
        function_globals["CodeUri"] = packaged
    for resource in (document.get("Resources") or {}).values():
        properties = resource.setdefault("Properties", {}) if isinstance(resource, dict) else {}
        if resource.get("Type") == "AWS::Serverless::Function" and "InlineCode" not in properties and "ImageUri" not in properties:
            properties["CodeUri"] = packaged
        if resource.get("Type") == "AWS::Serverless::LayerVersion" and isinstance(properties.get("ContentUri"), str):
            properties["ContentUri"] = packaged
    translated = transform(document, parameters, ManagedPolicyLoader())
    return {resource["Type"] for resource in translated["Resources"].values()}


def type_comparison(sam: set, jaws: set):
    lines = [f"both: {', '.join(sorted(sam & jaws)) or '-'}",
             f"only SAM: {', '.join(sorted(sam - jaws)) or '-'}",
             f"only Jaws: {', '.join(sorted(jaws - sam)) or '-'}"]
    return "".join(line + "\n" for line in lines)


def codes(text):
    """`file:line:col: severity[CODE]` lines, paths relative to the project."""
    return sorted(set(re.findall(r"^\S*?([^/\s]+:\d+:\d+): (\w+)\[(JW\d+)\]", text, re.M)))


class ImportCorpus(unittest.TestCase):
    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp(prefix="jaws-import-"))

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def compare(self, expected: Path, actual: str):
        if UPDATE:
            expected.parent.mkdir(parents=True, exist_ok=True)
            expected.write_text(actual)
            return
        self.assertTrue(expected.exists(), f"{expected} is missing (JAWS_UPDATE_BASELINES=1 writes it)")
        self.assertEqual(expected.read_text(), actual, f"{expected} differs")

    def import_one(self, source: Path, file: str):
        project = self.tmp / source.name
        shutil.copytree(source, project)
        before = {p.name for p in project.iterdir()}
        result = run("import", project / file)
        written = sorted(p for p in project.glob("*.jaws") if p.name not in before)
        status = {"import": "complete" if result.returncode == 0 else "partial" if written else "failed"}
        expected = EXPECTED / source.name
        diagnostics = "".join(f"{where} {severity} {code}\n" for where, severity, code in codes(result.stderr))
        self.compare(expected / "import.txt", diagnostics)
        for file in written:
            self.compare(expected / file.name, file.read_text())
        if not written:
            return status, None
        fmt = run("fmt", "--check", project)
        self.assertEqual(fmt.returncode, 0, f"jaws fmt would change the import: {fmt.stdout}{fmt.stderr}")
        # `jaws build` checks first (its errors are `jaws check`'s): one process
        # for both, and `jaws check` alone only to tell a failed build from a failed check.
        out = self.tmp / f"{source.name}-out"
        build = run("build", project, "-o", out)
        status["check"] = "ok" if build.returncode == 0 else "errors"
        if build.returncode != 0 and set(re.findall(r"error\[(JW\d+)\]", build.stderr)) <= {"JW4013", "JW3008"}:
            # Only the runtime: swap it for a current one of its language.
            for file in written:
                text = re.sub(r'runtime(\s*)= "([a-z]+)[^"]*"', lambda m: f'runtime{m.group(1)}= "{CURRENT.get(m.group(2), m.group(0))}"', file.read_text())
                file.write_text(text)
            shutil.rmtree(out, ignore_errors=True)
            build = run("build", project, "-o", out)
            status["check"] = "ok after the runtime upgrade" if build.returncode == 0 else "errors"
        if build.returncode != 0:
            check = run("check", project)
            self.assertNotEqual(check.returncode, 0, f"jaws check passes, jaws build fails: {build.stderr}")
            return status, None
        status["build"] = "ok"
        return status, sorted(out.glob("*/*/template.json"))

    def corpus(self, projects, file_of, after=None):
        """Imports, checks, builds and lints each project; the statuses and templates.
        `after(templates)` runs while cfn-lint does."""
        self.assertIsNotNone(shutil.which("cfn-lint"), "cfn-lint is not installed")
        statuses, templates = {}, {}
        # Two projects at a time (the jaws processes), their results and failures
        # taken in order on this thread, where subTest is safe.
        with ThreadPoolExecutor(WORKERS) as pool:
            futures = [(source, pool.submit(self.import_one, source, file_of(source))) for source in projects]
            for source, future in futures:
                with self.subTest(project=source.name):
                    statuses[source.name], templates[source.name] = future.result()
        everything = [str(t) for ts in templates.values() if ts for t in ts]
        # One cfn-lint over every template (its start-up, ~1.5 s of CPU, paid once);
        # `after` (the SAM translator, Python) runs meanwhile on the other core.
        linter = subprocess.Popen(["cfn-lint", "--format", "parseable", *everything], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if after:
            after(templates)
        lint_output = linter.communicate(timeout=600)[0]
        for name, status in statuses.items():
            if templates.get(name):
                errors = [line for line in lint_output.splitlines() if f"/{name}-out/" in line and ":E" in line]
                status["cfn-lint"] = "clean" if not errors else f"{len(errors)} errors"
            with self.subTest(project=name):
                self.compare(EXPECTED / name / "status.txt", "".join(f"{k}: {v}\n" for k, v in status.items()))
        total = len(statuses)
        count = lambda key, value: sum(1 for s in statuses.values() if s.get(key, "").startswith(value))
        print(f"\n{total} projects: {count('import', 'complete')} import completely, "
              f"{count('check', 'ok')} check ({count('check', 'ok after')} after the runtime upgrade), "
              f"{count('build', 'ok')} build, {count('cfn-lint', 'clean')} lint clean")
        return statuses, templates

    def test_serverless_corpus(self):
        projects = sorted(p for p in CORPUS.iterdir() if (p / "serverless.yml").exists())
        self.assertGreaterEqual(len(projects), 20)
        self.corpus(projects, lambda p: "serverless.yml")

    def test_sam_corpus(self):
        projects = sorted(p for p in CORPUS.iterdir() if template_of(p))
        self.assertGreaterEqual(len(projects), 15)
        only_sam, only_jaws = {}, {}
        self.corpus(projects, lambda p: template_of(p).name, lambda templates: self.compare_types(projects, templates, only_sam, only_jaws))
        print("only SAM:", dict(sorted(only_sam.items(), key=lambda kv: -kv[1])))
        print("only Jaws:", dict(sorted(only_jaws.items(), key=lambda kv: -kv[1])))

    def compare_types(self, projects, templates, only_sam, only_jaws):
        """The resource types: what the SAM translator writes for the original,
        against what `jaws build` writes for the import."""
        for source in projects:
            built = templates.get(source.name)
            if not built:
                continue
            jaws = {r["Type"] for r in json.loads(built[0].read_text())["Resources"].values()}
            sam = sam_resource_types(template_of(source))
            with self.subTest(project=source.name):
                self.compare(EXPECTED / source.name / "types.txt", type_comparison(sam, jaws))
            for t in sam - jaws:
                only_sam[t] = only_sam.get(t, 0) + 1
            for t in jaws - sam:
                only_jaws[t] = only_jaws.get(t, 0) + 1


class ImportInputs(unittest.TestCase):
    """Bad inputs and items left out, each a coded diagnostic at the YAML's line:col."""

    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp(prefix="jaws-import-"))

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def imported(self, text):
        (self.tmp / "serverless.yml").write_text(text)
        return run("import", self.tmp / "serverless.yml")

    def test_invalid_yaml(self):
        result = self.imported("service: a\nprovider: [\n")
        self.assertEqual(result.returncode, 1)
        self.assertIn("error[JW6000]", result.stderr)
        self.assertEqual(list(self.tmp.glob("*.jaws")), [])

    def test_unknown_format(self):
        result = self.imported("hello: world\n")
        self.assertEqual(result.returncode, 1)
        self.assertIn("serverless.yml:1:1: error[JW6001]", result.stderr)

    def test_existing_files_are_never_overwritten(self):
        (self.tmp / "project.jaws").write_text("// mine\n")
        result = self.imported("service: a\nprovider:\n  name: aws\n  runtime: nodejs22.x\n")
        self.assertEqual(result.returncode, 1)
        self.assertIn("JW6002", result.stderr)
        self.assertEqual((self.tmp / "project.jaws").read_text(), "// mine\n")

    def test_left_out_items_and_exit_code(self):
        text = ("service: a\nprovider:\n  name: aws\n  runtime: nodejs22.x\n  kmsKeyArn:\n    arn:aws:kms:us-east-1:1:key/x\n"
                "functions:\n  f:\n    handler: h.main\n    environment:\n      A: !ImportValue other\n"
                "      B: ${file(./x.yml):b}\n    events:\n      - websocket: $connect\n")
        (self.tmp / "h.js").write_text("exports.main = async () => {};\n")
        result = self.imported(text)
        self.assertEqual(result.returncode, 1)
        for expected in ["5:3: warning[JW6005]", "11:10: warning[JW6008]", "12:10: warning[JW6004]", "14:9: warning[JW6003]"]:
            self.assertIn(expected, result.stderr)
        self.assertEqual(run("check", self.tmp).returncode, 0)

    def test_function_options_and_resource_options(self):
        (self.tmp / "h.js").write_text("exports.main = async () => {};\n")
        result = self.imported(
            "service: a\nprovider:\n  name: aws\n  runtime: nodejs22.x\n  tracing:\n    lambda: true\n"
            "functions:\n  f:\n    handler: h.main\n    name: a-${sls:stage}-f\n    ephemeralStorageSize: 1024\n"
            "    vpc:\n      securityGroupIds: [sg-1]\n      subnetIds: [subnet-1]\n"
            "    onError: !GetAtt Failed.Arn\n    maximumRetryAttempts: 1\n    destinations:\n      onSuccess: g\n"
            "  g:\n    handler: h.main\n    role: arn:aws:iam::123456789012:role/r\n"
            "resources:\n  Resources:\n    Failed:\n      Type: AWS::SQS::Queue\n      DeletionPolicy: Retain\n"
            "    Other:\n      Type: AWS::SQS::Queue\n      DependsOn: [Failed, FLambdaFunction]\n")
        self.assertEqual(result.returncode, 0, result.stderr)
        functions, resources = (self.tmp / "functions.jaws").read_text(), (self.tmp / "resources.jaws").read_text()
        for expected in ['name       = "a-${stage}-f"', 'tracing    = "active"', 'vpc        = { subnets = ["subnet-1"], securityGroups = ["sg-1"] }',
                         "deadLetter = Failed.arn", "async      = { retries = 1, onSuccess = g.arn }", "storage    = 1024MB",
                         'role    = "arn:aws:iam::123456789012:role/r"']:
            self.assertIn(expected, functions)
        self.assertIn('@deletionPolicy("Retain")\nresource Failed', resources)
        self.assertIn('@dependsOn(Failed, f)\nresource Other', resources)
        self.assertEqual(run("check", self.tmp).returncode, 0, run("check", self.tmp).stderr)

    def test_complete_import_exits_0(self):
        (self.tmp / "h.js").write_text("exports.main = async () => {};\n")
        result = self.imported("service: a\nprovider:\n  name: aws\n  runtime: nodejs22.x\n  stage: ${opt:stage, 'prod'}\n"
                               "functions:\n  f:\n    handler: h.main\n    environment:\n      S: ${sls:stage}-${aws:region}\n"
                               "    events:\n      - schedule: rate(1 hour)\n")
        self.assertEqual(result.returncode, 0, result.stderr)
        functions = (self.tmp / "functions.jaws").read_text()
        self.assertIn('env     = { S = "${stage}-${region}" }', functions)
        self.assertIn('events  = [schedule("rate(1 hour)")]', functions)
        self.assertIn("stage prod {}", (self.tmp / "project.jaws").read_text())


    def test_per_stage_params(self):
        """`params`: a param per key (its default from `default`), a stage per other key with its values."""
        (self.tmp / "h.js").write_text("exports.main = async () => {};\n")
        result = self.imported(
            "service: a\nprovider:\n  name: aws\n  runtime: nodejs22.x\n  stage: dev\n"
            "  environment:\n    DOMAIN: ${param:domain}\n    WORKERS: ${param:workers}\n    MODE: ${param:mode, 'safe'}\n"
            "params:\n  default:\n    domain: ${sls:stage}.preview.example.com\n    workers: 2\n"
            "  prod:\n    domain: example.com\n    workers: 10\n    forgotten: x\n"
            "functions:\n  f:\n    handler: h.main\n    events:\n      - schedule: rate(1 hour)\n")
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertIn("serverless.yml:17:5: warning[JW6006]: `params.prod.forgotten` is not carried over", result.stderr)
        project = (self.tmp / "project.jaws").read_text()
        for expected in ['env     = { DOMAIN = domain, WORKERS = workers, MODE = "safe" }',
                         'param domain: string = "${stage}.preview.example.com"', 'param workers: string = "2"',
                         "stage dev {}", 'stage prod {\n  domain  = "example.com"\n  workers = "10"\n}']:
            self.assertIn(expected, project)
        self.assertEqual(run("check", self.tmp).returncode, 0, run("check", self.tmp).stderr)
        self.assertEqual(run("fmt", "--check", self.tmp).returncode, 0)
        self.built()
        for stage, domain, workers in [("dev", "dev.preview.example.com", "2"), ("prod", "example.com", "10")]:
            template = json.loads((self.out / stage / "us-east-1" / "template.json").read_text())
            env = next(r for r in template["Resources"].values()
                       if r["Type"] == "AWS::Lambda::Function")["Properties"]["Environment"]["Variables"]
            self.assertEqual((env["DOMAIN"], env["WORKERS"], env["MODE"]), (domain, workers, "safe"))

    def test_http_api_authorizers_and_cors(self):
        """provider.httpApi: JWT and request authorizers by name on the routes, a CORS object on the API."""
        (self.tmp / "h.js").write_text("exports.main = async () => {};\n")
        result = self.imported(
            "service: a\nprovider:\n  name: aws\n  runtime: nodejs22.x\n  httpApi:\n    cors:\n"
            "      allowedOrigins: [https://app.example.com]\n      maxAge: 600\n      exposedResponseHeaders: [X-A]\n"
            "    authorizers:\n      auth0:\n        issuerUrl: https://example.auth0.com/\n        audience: [shop-api]\n"
            "      custom:\n        type: request\n        functionName: authz\n"
            "functions:\n  f:\n    handler: h.main\n    events:\n"
            "      - httpApi:\n          method: GET\n          path: /items\n          authorizer:\n            name: auth0\n"
            "            scopes: [read:items]\n"
            "      - httpApi:\n          method: POST\n          path: /items\n          authorizer:\n            name: custom\n"
            "  authz:\n    handler: h.main\n")
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertIn("serverless.yml:9:7: warning[JW6006]: `provider.httpApi.cors.exposedResponseHeaders`", result.stderr)
        api = (self.tmp / "api.jaws").read_text()
        for expected in ['cors = { origins = ["https://app.example.com"], maxAge = 600s }', 'issuer   = "https://example.auth0.com/"',
                         'audience = ["shop-api"]', 'scopes   = ["read:items"]', "POST /items -> f { auth = authorizer(authz) }"]:
            self.assertIn(expected, api)
        checked = run("check", self.tmp)
        self.assertEqual(checked.returncode, 0, checked.stderr)

    def built(self, stage="dev"):
        """`jaws build` of the imported project: the template of `stage` (the others beside it)."""
        out = Path(tempfile.mkdtemp(prefix="jaws-import-out-"))  # outside the source folder, which is packaged
        self.addCleanup(shutil.rmtree, out, True)
        built = run("build", self.tmp, "-o", out)
        self.assertEqual(built.returncode, 0, built.stderr)
        self.out = out
        return json.loads((out / stage / "us-east-1" / "template.json").read_text())

    def test_api_gateway_settings(self):
        """provider.apiGateway and endpointType on the REST api; API keys and the usage plan as resources; the rest reported."""
        (self.tmp / "h.js").write_text("exports.main = async () => {};\n")
        result = self.imported(
            "service: a\nprovider:\n  name: aws\n  runtime: nodejs22.x\n  endpointType: regional\n  apiGateway:\n"
            "    description: The shop\n    binaryMediaTypes: ['image/png']\n    minimumCompressionSize: 1024\n"
            "    shouldStartNameWithService: true\n    apiKeys:\n      - free\n      - name: partner\n        value: abcdefghijklmnopqrstuvwxyz\n"
            "    usagePlan:\n      quota:\n        limit: 5000\n        period: month\n      throttle:\n        burstLimit: 200\n"
            "        rateLimit: 100\n  httpApi:\n    payload: '1.0'\n    metrics: true\n    name: shop-http\n"
            "functions:\n  f:\n    handler: h.main\n    events:\n      - http:\n          method: get\n          path: items\n"
            "          private: true\n      - httpApi: GET /open\n")
        self.assertEqual(result.returncode, 1, result.stderr)
        for expected in ["9:5: warning[JW6005]: `provider.apiGateway.minimumCompressionSize`", "10:5: info[JW6007]",
                         "23:5: warning[JW6005]: `provider.httpApi.payload`", "24:5: warning[JW6005]: `provider.httpApi.metrics`",
                         "25:5: info[JW6007]: `provider.httpApi.name`"]:
            self.assertIn(expected, result.stderr)
        self.assertNotIn("JW6006", result.stderr)
        api, resources = (self.tmp / "api.jaws").read_text(), (self.tmp / "resources.jaws").read_text()
        for expected in ['endpoint         = "REGIONAL"', 'description      = "The shop"', 'binaryMediaTypes = ["image/png"]']:
            self.assertIn(expected, api)
        for expected in ['@dependsOn(restApi)\nresource usagePlan: "AWS::ApiGateway::UsagePlan"',
                         "ApiStages = [{ ApiId = restApi.id, Stage = stage }]", 'Quota     = { Limit = 5000, Period = "MONTH" }',
                         'resource apiKeyPartner: "AWS::ApiGateway::ApiKey"', "UsagePlanId = usagePlan.ref"]:
            self.assertIn(expected, resources)
        template = self.built()
        resources = template["Resources"]
        rest = next(r for r in resources.values() if r["Type"] == "AWS::ApiGateway::RestApi")["Properties"]
        self.assertEqual((rest["Body"]["x-amazon-apigateway-binary-media-types"], rest["EndpointConfiguration"]["Types"], rest["Description"]),
                         (["image/png"], ["REGIONAL"], "The shop"))
        self.assertEqual(resources["UsagePlan"]["Properties"]["Quota"], {"Limit": 5000, "Period": "MONTH"})
        self.assertEqual(resources["UsagePlan"]["Properties"]["ApiStages"], [{"ApiId": {"Ref": "RestApiRestApi"}, "Stage": "dev"}])
        self.assertEqual(sorted(r["Properties"]["Name"] for r in resources.values() if r["Type"] == "AWS::ApiGateway::ApiKey" and "Name" in r["Properties"]),
                         ["free", "partner"])
        self.assertEqual([r["Properties"]["UsagePlanId"] for r in resources.values() if r["Type"] == "AWS::ApiGateway::UsagePlanKey"].count({"Ref": "UsagePlan"}), 2)

    def test_conditions_on_the_stage(self):
        """resources.Conditions over the stage and region as lets; Condition / condition as @when; Fn::If as a conditional."""
        (self.tmp / "h.js").write_text("exports.main = async () => {};\n")
        result = self.imported(
            "service: a\nprovider:\n  name: aws\n  runtime: nodejs22.x\n  stage: ${opt:stage, 'dev'}\n"
            "  environment:\n    LEVEL: !If [IsProd, warn, debug]\nparams:\n  prod:\n    x: ${sls:stage}\n"
            "functions:\n  f:\n    handler: h.main\n    environment:\n      XX: ${param:x, 'none'}\n"
            "  audit:\n    handler: h.main\n    condition: IsProd\n"
            "resources:\n  Conditions:\n    IsProd: !Equals ['${self:provider.stage}', prod]\n"
            "    IsUs: !Equals [!Ref AWS::Region, us-east-1]\n    Both: !And [!Condition IsProd, !Condition IsUs]\n"
            "    ByAccount: !Equals ['${aws:accountId}', '1']\n"
            "  Resources:\n    Audit:\n      Type: AWS::SQS::Queue\n      Condition: Both\n"
            "    Other:\n      Type: AWS::SQS::Queue\n      Condition: ByAccount\n"
            "  Outputs:\n    AuditUrl:\n      Condition: Both\n      Value: !Ref Audit\n")
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertIn("serverless.yml:24:16: warning[JW6012]: the condition `ByAccount`", result.stderr)
        self.assertIn("serverless.yml:31:18: warning[JW6012]", result.stderr)
        self.assertNotIn("JW6006", result.stderr)
        project, functions, resources = (self.tmp / "project.jaws").read_text(), (self.tmp / "functions.jaws").read_text(), (self.tmp / "resources.jaws").read_text()
        for expected in ['let isProd = stage == "prod"', 'let isUs = region == "us-east-1"', "let both = isProd && isUs",
                         'env     = { LEVEL = (isProd ? "warn" : "debug") }']:
            self.assertIn(expected, project)
        self.assertIn("@when(isProd)\nfunction audit", functions)
        self.assertIn('@when(both)\nresource Audit: "AWS::SQS::Queue"', resources)
        self.assertIn("@when(both)\noutput AuditUrl = Audit.ref", resources)
        self.assertIn('resource Other: "AWS::SQS::Queue"', resources)
        dev = self.built()
        prod = json.loads((self.out / "prod" / "us-east-1" / "template.json").read_text())
        functions_of = lambda t: sorted(r["Properties"]["Environment"]["Variables"]["LEVEL"] for r in t["Resources"].values()
                                        if r["Type"] == "AWS::Lambda::Function")
        self.assertEqual((functions_of(dev), functions_of(prod)), (["debug"], ["warn", "warn"]))
        self.assertNotIn("Audit", dev["Resources"])
        self.assertEqual(prod["Resources"]["Audit"]["Type"], "AWS::SQS::Queue")
        self.assertIn("AuditUrl", prod.get("Outputs", {}))
        self.assertNotIn("AuditUrl", dev.get("Outputs", {}))

    def test_mappings(self):
        """resources.Mappings looked up by `${sls:stage}` with Fn::FindInMap: a let choosing the row, its member at the use."""
        result = self.imported(
            "service: a\nprovider:\n  name: aws\n  runtime: nodejs22.x\n  stage: dev\nparams:\n  prod:\n    p: x\n"
            "resources:\n  Mappings:\n    Sizes:\n      dev:\n        Shards: 1\n      prod:\n        Shards: 4\n"
            "  Resources:\n    Events:\n      Type: AWS::Kinesis::Stream\n      Properties:\n"
            "        ShardCount: !FindInMap [Sizes, '${sls:stage}', Shards]\n")
        self.assertIn("let sizes = stage == \"dev\" ? { Shards = 1 } : stage == \"prod\" ? { Shards = 4 } : null",
                      " ".join((self.tmp / "project.jaws").read_text().split()))
        self.assertIn("ShardCount = sizes.Shards", (self.tmp / "resources.jaws").read_text())
        self.assertNotIn("Mappings", result.stderr)
        template = self.built()
        self.assertEqual(template["Resources"]["Events"]["Properties"]["ShardCount"], 1)

class SamInputs(unittest.TestCase):
    """SAM templates: what is translated, and each item left out as a coded diagnostic."""

    HEAD = "AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\n"

    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp(prefix="jaws-import-sam-"))
        (self.tmp / "src").mkdir()
        (self.tmp / "src" / "app.js").write_text("exports.handler = async () => {};\n")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def imported(self, text):
        (self.tmp / "template.yaml").write_text(self.HEAD + text)
        return run("import", self.tmp / "template.yaml")

    def read(self, name):
        return (self.tmp / name).read_text()

    def test_complete_template(self):
        result = self.imported(
            "Globals:\n  Function:\n    Runtime: nodejs22.x\n    CodeUri: src/\n    Timeout: 10\n"
            "    Environment:\n      Variables:\n        STAGE: !Ref Stage\n"
            "Parameters:\n  Stage:\n    Type: String\n    Default: dev\n    AllowedValues: [dev, prod]\n"
            "  Size:\n    Type: Number\n    Default: 5\n    MinValue: 1\n"
            "Conditions:\n  IsProd: !Equals [!Ref Stage, prod]\n"
            "Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n    DeletionPolicy: Retain\n    Properties:\n      VisibilityTimeout: 60\n"
            "  Audit:\n    Type: AWS::SQS::Queue\n    Condition: IsProd\n"
            "  Table:\n    Type: AWS::Serverless::SimpleTable\n"
            "  Worker:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: app.handler\n"
            "      Tracing: Active\n      MemorySize: !If [IsProd, 1024, 256]\n"
            "      Environment:\n        Variables:\n          TABLE: !Ref Table\n"
            "      Policies:\n        - DynamoDBReadPolicy:\n            TableName: !Ref Table\n        - AWSLambdaBasicExecutionRole\n"
            "      Events:\n        Queue:\n          Type: SQS\n          Properties:\n            Queue: !GetAtt Jobs.Arn\n            BatchSize: 5\n"
            "        Get:\n          Type: Api\n          Properties:\n            Path: /items/{id}\n            Method: get\n"
            "Outputs:\n  Url:\n    Value: !Sub https://${ServerlessRestApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/Prod/items\n")
        self.assertEqual(result.returncode, 1, result.stderr)  # the computed MemorySize is left out
        self.assertIn("template.yaml:38:19: warning[JW6006]", result.stderr)
        self.assertIn("info[JW6010]", result.stderr)
        for absent in ["JW6009", "JW6011", "JW6012", "JW6003", "JW6008"]:
            self.assertNotIn(absent, result.stderr)
        project, functions, resources = self.read("project.jaws"), self.read("functions.jaws"), self.read("resources.jaws")
        self.assertIn("stage dev {}\nstage prod {}", project)
        self.assertIn('let isProd = stage == "prod"', project)
        self.assertIn("@min(1)\nparam size: number = 5", project)
        self.assertIn('handler = "src/app.handler"', functions)
        self.assertIn('tracing = "active"', functions)
        self.assertIn('env     = { TABLE = Table.ref, STAGE = stage }', functions)
        self.assertIn('"arn:aws:dynamodb:${region}:${account}:table/${Table.ref}"', functions)
        self.assertIn("events = [sqs(Jobs, { batchSize = 5 })]", functions)
        self.assertIn('@deletionPolicy("Retain")\nresource Jobs: "AWS::SQS::Queue"', resources)
        self.assertIn('@when(isProd)\nresource Audit: "AWS::SQS::Queue"', resources)
        self.assertIn('BillingMode          = "PAY_PER_REQUEST"', resources)
        self.assertIn('output Url = "${restApi.url}/items"', resources)
        self.assertIn("GET /items/{id} -> worker", self.read("api.jaws"))
        self.assertEqual(run("check", self.tmp).returncode, 0, run("check", self.tmp).stderr)

    def test_left_out_items_and_exit_code(self):
        result = self.imported(
            "Parameters:\n  Bucket:\n    Type: String\n  Key:\n    Type: AWS::SSM::Parameter::Value<String>\n    Default: /app/key\n"
            "Conditions:\n  HasKey: !Equals [!Ref Key, x]\n"
            "Resources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: src/\n      Handler: app.handler\n"
            "      Runtime: nodejs22.x\n      Policies:\n        - AmazonS3FullAccess\n        - NoSuchPolicy: {}\n"
            "      Events:\n        Iot:\n          Type: IoTRule\n          Properties:\n            Sql: SELECT 1\n"
            "  Machine:\n    Type: AWS::Serverless::StateMachine\n")
        self.assertEqual(result.returncode, 1)
        for expected in ["4:3: warning[JW6011]", "10:11: warning[JW6012]", "19:11: warning[JW6009]", "20:11: warning[JW6009]",
                         "23:17: warning[JW6003]", "27:11: warning[JW6006]"]:
            self.assertIn(expected, result.stderr)
        self.assertIn("param key: string = ssm(\"/app/key\")", self.read("project.jaws"))

    def test_mappings(self):
        """Mappings looked up by the stage or region as lets choosing the row, literal lookups as the value; a target without a row fails `jaws check`."""
        result = self.imported(
            "Parameters:\n  Stage:\n    Type: String\n    Default: dev\n    AllowedValues: [dev, prod]\n"
            "Mappings:\n  StageSettings:\n    dev:\n      LogLevel: debug\n    prod:\n      LogLevel: warn\n"
            "  RegionMap:\n    us-east-1:\n      Ami: ami-1\n  Fixed:\n    all:\n      Name: shop\n"
            "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: src/\n      Handler: app.handler\n"
            "      Runtime: nodejs22.x\n      Environment:\n        Variables:\n"
            "          LEVEL: !FindInMap [StageSettings, !Ref Stage, LogLevel]\n          AMI: !FindInMap [RegionMap, !Ref AWS::Region, Ami]\n"
            "          NAME: !FindInMap [Fixed, all, Name]\n          BAD: !FindInMap [RegionMap, !Ref AWS::AccountId, Ami]\n")
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertIn("template.yaml:32:16: warning[JW6008]: `Fn::FindInMap` is not carried over: its key is known only at deploy time", result.stderr)
        self.assertNotIn("JW6006", result.stderr)
        project, functions = self.read("project.jaws"), self.read("functions.jaws")
        flat = " ".join(project.split())  # the formatter breaks the long lets
        self.assertIn('let stageSettings = stage == "dev" ? { LogLevel = "debug" } : stage == "prod" ? { LogLevel = "warn" } : null', flat)
        self.assertIn('let regionMap = region == "us-east-1" ? { Ami = "ami-1" } : null', project)
        self.assertIn('env     = { LEVEL = stageSettings.LogLevel, AMI = regionMap.Ami, NAME = "shop" }', functions)
        out = Path(tempfile.mkdtemp(prefix="jaws-import-out-"))
        self.addCleanup(shutil.rmtree, out, True)
        built = run("build", self.tmp, "-o", out)
        self.assertEqual(built.returncode, 0, built.stderr)
        for stage, level in [("dev", "debug"), ("prod", "warn")]:
            template = json.loads((out / stage / "us-east-1" / "template.json").read_text())
            fn = next(r for r in template["Resources"].values() if r["Type"] == "AWS::Lambda::Function")["Properties"]
            self.assertEqual(fn["Environment"]["Variables"], {"LEVEL": level, "AMI": "ami-1", "NAME": "shop"})
        # A region the table has no row for: an error of `jaws check` at the use, for that target.
        (self.tmp / "project.jaws").write_text(self.read("project.jaws").replace('regions = ["us-east-1"]', 'regions = ["us-east-1", "eu-west-1"]'))
        checked = run("check", self.tmp)
        self.assertEqual(checked.returncode, 1)
        self.assertIn("error[JW3016]: null has no member `Ami`", checked.stderr)

    def test_a_plain_cloudformation_template_is_refused(self):
        (self.tmp / "template.yaml").write_text("Resources:\n  Q:\n    Type: AWS::SQS::Queue\n")
        result = run("import", self.tmp / "template.yaml")
        self.assertEqual(result.returncode, 1)
        self.assertIn("template.yaml:1:1: error[JW6001]", result.stderr)
        self.assertEqual(list(self.tmp.glob("*.jaws")), [])


if __name__ == "__main__":
    unittest.main()
