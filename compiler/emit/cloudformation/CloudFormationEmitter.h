#pragma once
// The CloudFormation template of one stack (one stage, one region): plain
// CloudFormation, no Transform. Parameters locate the code, Resources are
// sorted by logical ID, Outputs by name; no timestamps, so the same model
// gives the same bytes. See docs/artifacts.md for every decision.
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "model/Model.h"

namespace jaws::emit {

using Json = nlohmann::ordered_json;

// `codeKeys` maps each function `source` folder to the S3 key of its package
// (the content-hash zip name): the defaults of the CodeKey parameters. A
// folder without a key gives a parameter without a default.
Json emitCloudFormation(const model::Stack& stack, const std::map<std::string, std::string>& codeKeys);

// The same template, with the declaration each resource came from, by logical
// ID ("function:listTodos", "api:todoApi", "resource:todos"): what the stack
// splitter keeps together (docs/splitting.md).
struct EmittedTemplate {
  Json document;
  std::map<std::string, std::string> owners;
};
// What a REST API's deployment ID ends with: the hash of its body (what is
// written), or as many zeros (`jaws check`: it plans the split from sizes and
// references, which the hash's digits do not change, and writes nothing).
enum class ContentHashes { Computed, Placeholder };
// `emitted`: resources emitted before for declarations whose model has not
// changed since, by owner ("function:listTodos"); they are taken (moved out)
// instead of emitting those declarations again (emit/TemplateReuse.h).
EmittedTemplate emitTemplate(const model::Stack& stack, const std::map<std::string, std::string>& codeKeys,
                             ContentHashes hashes = ContentHashes::Computed,
                             std::map<std::string, std::map<std::string, Json>>* emitted = nullptr);

// The canonical text of a template or any other JSON artifact: two-space
// indentation, a final newline. The budget and the files use this form.
std::string serializeJson(const Json& document);

}  // namespace jaws::emit
