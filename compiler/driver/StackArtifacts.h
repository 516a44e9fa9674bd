#pragma once
// The files of one stack (one stage, one region): its template, or when the
// stack is split its root template with the nested templates and uploaded
// bodies (docs/splitting.md), and its Swagger bodies; with what the manifest
// says of it. Pure: the packaging of code is done before (codeKeys).
#include <map>
#include <string>
#include <vector>

#include "diag/Diagnostic.h"
#include "emit/ManifestEmitter.h"
#include "model/Model.h"

namespace jaws {

struct Artifact {
  std::string path;  // relative to the build folder, '/'-separated
  std::string bytes;
};

struct StackOutput {
  std::vector<Artifact> files;  // <stage>/<region>/..., and artifacts/ (content-addressed)
  emit::Json root;              // the stack's template (the root when split)
  std::string templatePath;
  std::vector<emit::Json> nestedTemplates;
  std::vector<emit::ManifestNestedStack> nested;
  std::vector<std::string> uploads;  // what the stack reads from CodeBucket, when split
  Diagnostics diagnostics;           // budget and split problems, at `at`
};

// `codeKeys` maps each `source` folder to its package's key (artifacts/<key>).
StackOutput emitStack(const model::Stack& stack, const std::map<std::string, std::string>& codeKeys, bool yaml, Span at);

// The manifest's entry for an emitted stack; points into `output`.
emit::ManifestStack manifestEntry(const model::Stack& stack, const StackOutput& output);

}  // namespace jaws
