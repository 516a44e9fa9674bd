#pragma once
// The template parameters that locate the code: `CodeBucket` (chosen at
// deploy time) and one S3 key parameter per distinct `source` folder, whose
// default is that folder's package name (its content hash, computed by the
// packager), so changed code changes the key and CloudFormation updates the
// functions. One folder: `CodeKey`; several: `CodeKey` for ".", and
// `CodeKey<Folder>` for the others (`CodeKeyServicesUsers`).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/Model.h"

namespace jaws::emit {

inline constexpr const char* kCodeBucketParameter = "CodeBucket";

// The template's declaration of CodeBucket: a string without a default.
nlohmann::ordered_json codeBucketParameter();

struct CodeParameter {
  std::string name;                // CodeKey, CodeKeyServicesUsers
  std::string source;              // the function's `source` folder
  std::optional<std::string> key;  // the default; none when the caller has none
};

// `codeKeys` maps a source folder to its package's S3 key. Sorted by source.
std::vector<CodeParameter> codeParameters(const model::Stack& stack, const std::map<std::string, std::string>& codeKeys);

}  // namespace jaws::emit
