#pragma once
// `jaws import template.yaml`: an AWS SAM template as a Jaws project
// (docs/import.md).
#include <string>
#include <yaml-cpp/yaml.h>

#include "import/ImportReport.h"
#include "import/ImportedProject.h"

namespace jaws::importer {

// Whether the document is a SAM template (`Transform: AWS::Serverless-2016-10-31`).
bool isSamTemplate(const YAML::Node& root);

// `codePrefix` is the folder of the template relative to the new project's
// folder ("" when they are the same), put before every handler; `projectName`
// names the project (SAM templates have no name: the caller gives its folder's).
ImportedProject importSam(const YAML::Node& root, const std::string& codePrefix, const std::string& projectName, ImportReport& report);

}  // namespace jaws::importer
