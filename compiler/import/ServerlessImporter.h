#pragma once
// `jaws import serverless.yml`: a Serverless Framework v3 file as a Jaws
// project (docs/import.md).
#include <string>
#include <yaml-cpp/yaml.h>

#include "import/ImportReport.h"
#include "import/ImportedProject.h"

namespace jaws::importer {

// Whether the document is a Serverless Framework file (`service` and `provider`).
bool isServerlessFile(const YAML::Node& root);

// `codePrefix` is the folder of the serverless.yml relative to the new
// project's folder ("" when they are the same), put before every handler.
ImportedProject importServerless(const YAML::Node& root, const std::string& codePrefix, ImportReport& report);

}  // namespace jaws::importer
