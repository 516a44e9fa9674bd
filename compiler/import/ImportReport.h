#pragma once
// What an import could not carry over, as diagnostics against the YAML file.
// Every item left out goes through here, so nothing is dropped silently; the
// items that wait for a language feature go through one function,
// `needsLanguageFeature`, so they become translations when the feature lands.
#include <string>
#include <yaml-cpp/yaml.h>

#include "diag/Builders.h"
#include "diag/Diagnostic.h"

namespace jaws::importer {

// `node[key]` that is safe to chain: yaml-cpp throws when a lookup follows a
// missing key, so a missing key or a node that is no map gives an undefined node.
inline YAML::Node child(const YAML::Node& node, const std::string& key) {
  if (!node || !node.IsMap()) return YAML::Node(YAML::NodeType::Undefined);
  const YAML::Node value = node[key];
  return value ? value : YAML::Node(YAML::NodeType::Undefined);
}

class ImportReport {
 public:
  explicit ImportReport(FileId file) : file_(file) {}

  // The span of a YAML node (its first character), or of the file's start.
  Span at(const YAML::Node& node) const {
    const YAML::Mark mark = node.IsDefined() ? node.Mark() : YAML::Mark::null_mark();
    if (mark.pos < 0) return Span{file_, 0, 0};
    const auto pos = static_cast<std::uint32_t>(mark.pos);
    return Span{file_, pos, pos + 1};
  }

  void add(Diagnostic diagnostic) { diagnostics_.push_back(std::move(diagnostic)); }

  // A setting that waits for a function option the language does not have
  // (provisioned concurrency, a KMS key, a file system). The one place to turn
  // into translations when they land.
  void needsLanguageFeature(const YAML::Node& node, const std::string& item, const std::string& feature) {
    add(diag::ImportNeedsLanguageFeature(at(node), item, feature));
  }

  // True when nothing was left out (infos about ignored settings aside).
  bool complete() const {
    for (const Diagnostic& d : diagnostics_) {
      if (d.severity == Severity::Error || d.severity == Severity::Warning) return false;
    }
    return true;
  }
  const Diagnostics& diagnostics() const { return diagnostics_; }
  FileId file() const { return file_; }

 private:
  FileId file_;
  Diagnostics diagnostics_;
};

}  // namespace jaws::importer
