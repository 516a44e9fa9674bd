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

// A nested stack of a split stack (docs/splitting.md).
struct ManifestNestedStack {
  std::string logicalId;  // its AWS::CloudFormation::Stack in the root template
  std::string file;       // relative to the build folder: artifacts/<key>
  std::string key;        // the S3 key its TemplateURL names in CodeBucket
  std::size_t resources = 0;
  std::size_t bytes = 0;
};

struct ManifestStack {
  const model::Stack* stack = nullptr;
  const Json* cfnTemplate = nullptr;  // the emitted template: parameters and capabilities come from it
  std::string templatePath;           // relative to the build folder: dev/us-east-1/template.json
  // A split stack: its nested stacks, what it reads from CodeBucket (files
  // relative to the build folder, sorted), and the nested templates, whose
  // resources decide the capabilities.
  std::vector<ManifestNestedStack> nested = {};
  std::vector<std::string> uploads = {};
  std::vector<const Json*> nestedTemplates = {};
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
// macros; a nested stack may hold anything and gets IAM and NAMED_IAM, unless
// its templates are given (`nested`): then theirs. Sorted.
std::vector<std::string> requiredCapabilities(const Json& cfnTemplate, const std::vector<const Json*>& nested = {});

}  // namespace jaws::emit
