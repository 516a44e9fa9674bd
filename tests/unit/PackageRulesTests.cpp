// source/PackageRules: the default exclusions, `.jawsignore` patterns and
// negations (last match wins, an excluded folder is never entered), and the
// credential markers behind JW5011 and the `*.pem` default.
#include <catch2/catch.hpp>

#include "source/PackageRules.h"

using namespace jaws;
using Kind = PackageVerdict::Kind;

namespace {

Kind fileKind(const PackageRules& rules, std::string_view path) { return rules.file(path).kind; }

}  // namespace

TEST_CASE("secrets by convention and caches are left out by default", "[source][security]") {
  const PackageRules rules;
  for (const char* path : {".env", "config/.env.production", ".aws/credentials", "deploy/.ssh/config", "id_rsa",
                           "keys/id_ed25519", "tls/server.key", "app.p12", ".npmrc", ".pypirc", ".netrc",
                           ".git-credentials", "infra/terraform.tfstate", "infra/terraform.tfstate.backup",
                           "node_modules/.cache/babel/x.json", "src/__pycache__/m.cpython-312.pyc", ".git/config",
                           "main.jaws", ".jawsignore", "build/artifacts/x.zip", ".jaws-tmp-build-Ab12Cd/x"}) {
    INFO(path);
    CHECK(fileKind(rules, path) == Kind::Excluded);
  }
  // A `.pem` is left out only when it holds a private key (bundles ship).
  CHECK(fileKind(rules, "certifi/cacert.pem") == Kind::ExcludedIfPrivateKey);
  for (const char* path : {"src/a.mjs", "node_modules/lib/index.js", "lib/build/x.js", "environment.js", "src/keys.js"}) {
    INFO(path);
    CHECK(fileKind(rules, path) == Kind::Packaged);
  }
}

TEST_CASE(".jawsignore adds patterns and takes defaults back, the last match deciding", "[source][security]") {
  const PackageRules rules("# docs are not code\ndocs/\n*.test.js\n/tmp\nfixtures/*.json\n!.env.example\n!keep.test.js\n");
  CHECK(fileKind(rules, "docs/readme.md") == Kind::Excluded);
  CHECK(fileKind(rules, "src/docs/x.md") == Kind::Excluded);  // a name at any depth
  CHECK(fileKind(rules, "src/a.test.js") == Kind::Excluded);
  CHECK(fileKind(rules, "src/keep.test.js") == Kind::Packaged);
  CHECK(fileKind(rules, "tmp") == Kind::Excluded);
  CHECK(fileKind(rules, "src/tmp") == Kind::Packaged);  // anchored
  CHECK(fileKind(rules, "fixtures/a.json") == Kind::Excluded);
  CHECK(fileKind(rules, ".env.example") == Kind::Packaged);
  CHECK(fileKind(rules, ".env") == Kind::Excluded);
  CHECK(rules.file("docs/readme.md").pattern->text == "docs/");
  CHECK_FALSE(rules.file("docs/readme.md").pattern->byDefault);
  CHECK(rules.file("build/x").pattern->byDefault);
}

TEST_CASE("a file below a folder that is left out cannot be taken back", "[source][security]") {
  const PackageRules rules("gen/\n!gen/keep.mjs\n");
  CHECK(fileKind(rules, "gen/keep.mjs") == Kind::Excluded);
  CHECK(rules.file("gen/keep.mjs").pattern->text == "gen/");
  const PackageRules taken("gen/*.mjs\n!gen/keep.mjs\n!/build/\n");
  CHECK(fileKind(taken, "gen/keep.mjs") == Kind::Packaged);
  CHECK(fileKind(taken, "gen/other.mjs") == Kind::Excluded);
  CHECK(taken.folder("build").kind == Kind::Packaged);
  CHECK(PackageRules().folder("build").kind == Kind::Excluded);
  CHECK(PackageRules().folder("build/sub").kind == Kind::Excluded);
}

TEST_CASE("credentials are recognised by their form, not by mentions of the format", "[source][security]") {
  const std::string key = "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n";
  CHECK(credentialIn(key) == "a private key");
  CHECK(credentialIn("-----BEGIN OPENSSH PRIVATE KEY-----\r\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAA\r\n") ==
        "a private key");
  // A service account key: the line breaks are escaped inside JSON.
  CHECK(credentialIn(R"({"private_key": "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n"})") ==
        "a private key");
  CHECK(credentialIn("[default]\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n") ==
        "an AWS secret access key");
  CHECK(credentialIn("AWS_SECRET_ACCESS_KEY: \"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\"") == "an AWS secret access key");
  // Libraries that name the formats are not credentials.
  CHECK(credentialIn("const PEM = '-----BEGIN RSA PRIVATE KEY-----';\nexport function parse(x) { return x; }\n").empty());
  CHECK(credentialIn("self.aws_secret_access_key = secret_key\nconfig['aws_secret_access_key']\n").empty());
  CHECK(credentialIn("-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUJ0F3AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n").empty());
}
