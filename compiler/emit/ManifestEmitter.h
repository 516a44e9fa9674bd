#pragma once
// manifest.json: what a deploy script needs to deploy every stack the build
// wrote, without reading the templates: stage, region, stack name, template
// path, parameter values, required capabilities, termination protection.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/Model.h"

namespace jaws::emit {

using Json = nlohmann::ordered_json;

struct ManifestStack {
  const model::Stack* stack = nullptr;
  const Json* cfnTemplate = nullptr;  // the emitted template: parameters and capabilities come from it
  std::string templatePath;           // relative to the build folder: dev/us-east-1/template.json
};

// A code package: the zip of one `source` folder.
struct CodeArtifact {
  std::string source;  // "."
  std::string key;     // S3 key, the CodeKey default: "<hash>.zip"
  std::string path;    // relative to the build folder: artifacts/<hash>.zip
};

// Stacks are listed sorted by stage, then region; artifacts by source.
Json emitManifest(const std::string& project, std::vector<ManifestStack> stacks, std::vector<CodeArtifact> artifacts);

// The capabilities `aws cloudformation deploy` must acknowledge for a
// template: CAPABILITY_IAM for IAM resources, CAPABILITY_NAMED_IAM as well
// when one has a custom name, CAPABILITY_AUTO_EXPAND for SAM resources or
// macros; a nested stack may hold anything and gets IAM and NAMED_IAM. Sorted.
std::vector<std::string> requiredCapabilities(const Json& cfnTemplate);

}  // namespace jaws::emit
