#include "source/PackageRules.h"

#include <fnmatch.h>

#include <algorithm>
#include <cctype>

namespace jaws {

namespace {

PackagePattern parsePattern(std::string_view line, bool byDefault) {
  PackagePattern pattern;
  pattern.text = std::string(line);
  pattern.byDefault = byDefault;
  std::string glob(line);
  if (!glob.empty() && glob.front() == '!') {
    pattern.negated = true;
    glob.erase(0, 1);
  }
  if (!glob.empty() && glob.back() == '/') {
    pattern.folderOnly = true;
    glob.pop_back();
  }
  if (!glob.empty() && glob.front() == '/') {
    pattern.anchored = true;
    glob.erase(0, 1);
  }
  pattern.anchored = pattern.anchored || glob.find('/') != std::string::npos;
  pattern.glob = std::move(glob);
  return pattern;
}

bool matches(const PackagePattern& pattern, std::string_view relative, bool folder) {
  if (pattern.glob.empty() || (pattern.folderOnly && !folder)) return false;
  const std::size_t slash = relative.rfind('/');
  const std::string subject(pattern.anchored || slash == std::string_view::npos ? relative : relative.substr(slash + 1));
  return ::fnmatch(pattern.glob.c_str(), subject.c_str(), 0) == 0;
}

std::vector<PackagePattern> makeDefaults() {
  struct Default {
    const char* pattern;
    bool ifPrivateKey;
  };
  // docs/security.md lists these; keep the two in step.
  static const Default kDefaults[] = {
      // version control and desktop litter
      {".git/", false}, {".hg/", false}, {".svn/", false}, {".DS_Store", false},
      // caches
      {"__pycache__/", false}, {"*.pyc", false}, {".pytest_cache/", false}, {".mypy_cache/", false},
      {".ruff_cache/", false}, {"node_modules/.cache/", false}, {".terraform/", false},
      // jaws's own: sources, rules, the default build folder, temporaries
      {"*.jaws", false}, {".jawsignore", false}, {"/build/", false}, {".jaws-tmp-*", false},
      // secrets by convention
      {".env", false}, {".env.*", false}, {".aws/", false}, {".ssh/", false}, {".gnupg/", false},
      {"id_rsa", false}, {"id_dsa", false}, {"id_ecdsa", false}, {"id_ed25519", false},
      {"*.key", false}, {"*.p12", false}, {"*.pfx", false}, {"*.jks", false}, {"*.keystore", false},
      {"*.pem", true},
      {".npmrc", false}, {".pypirc", false}, {".netrc", false}, {".git-credentials", false},
      {"*.tfstate", false}, {"*.tfstate.backup", false},
  };
  std::vector<PackagePattern> patterns;
  for (const Default& d : kDefaults) {
    patterns.push_back(parsePattern(d.pattern, true));
    patterns.back().ifPrivateKey = d.ifPrivateKey;
  }
  return patterns;
}

}  // namespace

const std::vector<PackagePattern>& defaultPackageExclusions() {
  static const std::vector<PackagePattern> defaults = makeDefaults();
  return defaults;
}

PackageRules::PackageRules() : patterns_(defaultPackageExclusions()) {}

PackageRules::PackageRules(std::string_view ignoreText) : PackageRules() {
  std::size_t start = 0;
  while (start < ignoreText.size()) {
    std::size_t end = ignoreText.find('\n', start);
    if (end == std::string_view::npos) end = ignoreText.size();
    std::string_view line = ignoreText.substr(start, end - start);
    start = end + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    patterns_.push_back(parsePattern(line, false));
  }
}

PackageVerdict PackageRules::entry(std::string_view relative, bool folder) const {
  PackageVerdict verdict;
  // The last matching pattern decides: walk backwards and stop at the first.
  for (auto it = patterns_.rbegin(); it != patterns_.rend(); ++it) {
    if (!matches(*it, relative, folder)) continue;
    verdict.pattern = &*it;
    if (it->negated) return verdict;
    verdict.kind = it->ifPrivateKey ? PackageVerdict::Kind::ExcludedIfPrivateKey : PackageVerdict::Kind::Excluded;
    return verdict;
  }
  return verdict;
}

std::optional<PackageVerdict> PackageRules::excludedAbove(std::string_view relative) const {
  for (std::size_t slash = relative.find('/'); slash != std::string_view::npos; slash = relative.find('/', slash + 1)) {
    PackageVerdict above = entry(relative.substr(0, slash), true);
    if (above.kind == PackageVerdict::Kind::Excluded) return above;
  }
  return std::nullopt;
}

PackageVerdict PackageRules::file(std::string_view relative) const {
  return excludedAbove(relative).value_or(entry(relative, false));
}

PackageVerdict PackageRules::folder(std::string_view relative) const {
  return excludedAbove(relative).value_or(entry(relative, true));
}

SourceFolderRules loadPackageRules(const FileBoundary& project, const std::filesystem::path& sourceFolder) {
  SourceFolderRules out;
  FileRead read = project.read(sourceFolder / std::string(kIgnoreFileName), kMaxIgnoreFileBytes);
  if (read.ok()) {
    out.rules = PackageRules(read.text);
  } else if (read.status != FileStatus::Missing) {
    out.refusedIgnoreFile = std::move(read);
  }
  return out;
}

namespace {

bool isBase64(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '/'; }

// A run of at least `length` base64 characters starts within `window` bytes
// of `from`: the body of a key, not a string constant in a library that
// merely names the format.
bool base64RunFollows(std::string_view text, std::size_t from, std::size_t window, std::size_t length) {
  std::size_t run = 0;
  for (std::size_t i = from; i < text.size() && i < from + window + length; ++i) {
    run = isBase64(text[i]) ? run + 1 : 0;
    if (run >= length) return true;
  }
  return false;
}

bool holdsPemPrivateKey(std::string_view text) {
  static constexpr std::string_view kBegin = "-----BEGIN ", kEnd = "PRIVATE KEY-----";
  for (std::size_t at = text.find(kBegin); at != std::string_view::npos; at = text.find(kBegin, at + 1)) {
    // "-----BEGIN [RSA |EC |DSA |OPENSSH |ENCRYPTED ]PRIVATE KEY-----", then
    // the base64 body (after headers such as Proc-Type, or an escaped "\n").
    const std::size_t end = text.find(kEnd, at);
    if (end == std::string_view::npos || end - at > kBegin.size() + 16) continue;
    if (base64RunFollows(text, end + kEnd.size(), 200, 40)) return true;
  }
  return false;
}

bool holdsAwsSecretKey(std::string_view text) {
  // aws_secret_access_key = <40 characters>, in any case, as the credentials
  // file of the AWS CLI and SDKs writes it (also quoted, or after a colon).
  static constexpr std::string_view kName = "aws_secret_access_key";
  auto lower = [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; };
  for (auto it = std::search(text.begin(), text.end(), kName.begin(), kName.end(), lower); it != text.end();
       it = std::search(it + 1, text.end(), kName.begin(), kName.end(), lower)) {
    std::size_t i = static_cast<std::size_t>(it - text.begin()) + kName.size();
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '"' || text[i] == '\'')) ++i;
    if (i >= text.size() || (text[i] != '=' && text[i] != ':')) continue;
    ++i;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '"' || text[i] == '\'')) ++i;
    std::size_t run = 0;
    while (i + run < text.size() && isBase64(text[i + run])) ++run;
    if (run == 40) return true;
  }
  return false;
}

}  // namespace

std::string_view credentialIn(std::string_view contents) {
  if (holdsPemPrivateKey(contents)) return "a private key";
  if (holdsAwsSecretKey(contents)) return "an AWS secret access key";
  return "";
}

}  // namespace jaws
