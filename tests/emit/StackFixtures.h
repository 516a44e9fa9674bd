#pragma once
// Hand-built model::Stack values for the emitter tests (the evaluator that
// produces them from .jaws projects lands separately), and the golden-file
// check shared by the Emit* test files.
#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "model/Model.h"

namespace jaws::emit_test {

// ---- small builders ----
model::Value str(std::string text);
model::Value deployRef(model::DeployRef::Kind kind, std::string target, std::string attribute = "");
model::Value ssm(std::string name, bool secure = false);
model::Value secret(std::string name, std::string jsonKey = "", bool secure = false);
model::Value concat(std::vector<model::Value> parts);

model::Schema stringSchema();
model::Schema intSchema();
model::Schema boolSchema();
model::Schema refSchema(std::string name);
model::Schema arrayOf(model::Schema element);
model::Schema enumOf(std::vector<std::string> values);
model::Schema objectOf(std::vector<model::SchemaField> fields);
model::SchemaField field(std::string name, model::Schema schema, bool optional = false);

// A stack with project `project`, one stage and region, project tags.
model::Stack baseStack(std::string project, std::string stage, std::string region);
// A Node.js function with the defaults of the design's example (256 MB, 10 s,
// 14 days of logs), named `<project>-<stage>-<name>`.
model::Function function(const model::Stack& stack, std::string name, std::string handler);
model::Route route(model::HttpMethod method, std::string path, std::string function);
model::Api api(std::string name);

// ---- the focused cases (each one golden folder under tests/emit/golden/) ----
model::Stack todoStack(std::string stage = "dev", std::string region = "us-east-1");  // the design's §1 example
model::Stack authStack();           // every auth kind on one API, two Lambda authorizers
model::Stack corsOffStack();        // no CORS, validation off, greedy path, ANY, Python
model::Stack corsMultiOriginStack();  // several origins, credentials, max age, headers, throttle
model::Stack schedulesStack();      // two schedules on one function, one on another, no API
model::Stack rawResourcesStack();   // resources referring to each other, outputs with exports
model::Stack secureParamsStack();   // ssm, ssm @secure, secret with key, in env and resources
std::vector<model::Stack> multiRegionStacks();  // dev: us-east-1; prod: us-east-1 + eu-west-1, account, protect
model::Stack samCompareStack();     // one function, one route: compared with sam-translator

// Every declaration list reversed: what reading the files in another order
// gives the emitter, whose output must not change with it.
inline model::Stack reversedDeclarations(model::Stack stack) {
  std::reverse(stack.functions.begin(), stack.functions.end());
  std::reverse(stack.apis.begin(), stack.apis.end());
  std::reverse(stack.resources.begin(), stack.resources.end());
  std::reverse(stack.outputs.begin(), stack.outputs.end());
  std::reverse(stack.types.begin(), stack.types.end());
  return stack;
}

// ---- golden files ----
// Stands in for the packager's content-hash name of the "." folder.
inline const std::map<std::string, std::string> kGoldenCodeKeys = {{".", "5f0c6d1e2a9b8c47.zip"}};
// Every artifact `jaws build` writes for these stacks but the code packages,
// by path in the build folder (code keys from kGoldenCodeKeys).
std::vector<std::pair<std::string, std::string>> goldenArtifacts(const std::vector<model::Stack>& stacks);

// Compares `actual` with tests/emit/golden/<relativePath>; with
// JAWS_UPDATE_BASELINES=1 in the environment, rewrites the file instead.
// Returns an empty string on success, else a message with the first difference.
std::string checkGolden(const std::string& relativePath, const std::string& actual);

}  // namespace jaws::emit_test
