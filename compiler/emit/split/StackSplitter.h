#pragma once
// The stack splitter's entry point (docs/splitting.md): whether a stack's
// template is split, and if so its root template, nested templates and
// uploaded properties, each measured against CloudFormation's quotas.
//
// A stack is split when the project's `split` is "always", or, with "auto",
// when its one template would exceed a quota (resources, bytes, parameters,
// outputs). Otherwise the template is the one the emitter wrote, unchanged.
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "emit/cloudformation/CloudFormationEmitter.h"
#include "emit/split/GraphRefresh.h"
#include "emit/split/SplitPlanner.h"
#include "model/Model.h"

namespace jaws::emit::split {

// A problem that keeps the stack from being split within the quotas.
struct SplitIssue {
  enum class Kind {
    GroupTooLarge,     // one group (a declaration and what it keeps) exceeds a template's targets
    CycleTooLarge,     // groups tied by a reference cycle exceed them together
    RootTooLarge,      // the root cannot even hold its nested stacks
    UploadNotLiteral,  // a property too large for a template cannot be made literal for upload
    UploadTooLarge,    // ... or would be larger than the service reads (`limit`)
    OverQuota,         // a written template exceeds a CloudFormation quota after all
  };
  Kind kind;
  std::string key;                  // the group's key: the declaration ("function:fn1", "api:shop")
  std::vector<std::string> merged;  // CycleTooLarge: the other keys
  std::string what;                 // OverQuota: "nested stack Part01"; UploadNotLiteral: "Body"
  std::string amount;               // "520 resources"
  std::string limit;                // "450 resources"; UploadNotLiteral: the unresolved value
};

struct SplitFile {
  std::string name;  // the nested stack's logical ID, or the resource whose property it holds
  std::string key;   // S3 key and file name in artifacts/
  std::string text;
  TemplateCounts counts;  // nested templates: measured
  Json document;          // nested templates: the document `text` serializes
};

struct SplitStack {
  bool split = false;
  Json root;                       // the stack's template: the root when split
  std::string rootText;            // serialize(root): measured here, written as it is
  TemplateCounts rootCounts;       // measured (bytes of `rootText`)
  std::vector<SplitFile> nested;   // by name
  std::vector<SplitFile> uploads;  // large properties, by key
  std::vector<SplitIssue> issues;
};

struct SplitOptions {
  // The text of a template as it will be written (JSON or YAML): measured,
  // hashed into nested templates' keys.
  std::function<std::string(const Json&)> serialize;
  std::string templateSuffix = ".template.json";
  // `serialize` writes JSON (serializeJson): the text of a template that
  // stays whole is then its measure, and a template the quotas need not split
  // is written without being measured first.
  bool serializesJson = false;
};

// The whole split, ready to write.
SplitStack splitStack(const model::Stack& stack, EmittedTemplate emitted, const SplitOptions& options);

// What `jaws check` predicts without writing anything: whether the stack
// would be split, each template's counts (bytes estimated) and the issues.
struct SplitPrediction {
  bool split = false;
  TemplateCounts whole;                    // the single template (bytes of its JSON)
  std::vector<PlannedTemplate> templates;  // when split: [0] the root, then nested stacks
  std::vector<SplitIssue> issues;
};
SplitPrediction predictSplit(const model::Stack& stack, EmittedTemplate emitted);

// The same prediction of a template whose resources were mostly seen by the
// prediction before (the language server, emit/TemplateReuse.h): `sizes` and
// `readings` hold what was measured and read of the resources unchanged
// since (emitted by the same declarations), and the prediction reads only
// the others. It leaves there what it measured and read of every resource as
// emitted, and hands the template back instead of destroying it. The graph
// the prediction before planned with, when it kept one, is brought up to date
// rather than built again (refreshResourceGraph), from what was read of the
// resources read again before (`replaced`).
struct PredictionReuse {
  ResourceSizes sizes;
  ResourceReadings readings;
  ResourceReadings replaced;                  // in: what was read before of the resources not in `readings`
  std::optional<KeptGraph> graph;             // in: the last prediction's; out: this one's (none: not kept)
  std::map<std::string, std::string> owners;  // in: the owners `graph` was built with; out: the emitter's
  Json document;                              // out: the template, as the prediction left it
  std::set<std::string> rewritten;            // out: resources whose properties it uploaded (no longer as emitted)
  bool graphRefreshed = false;                // out: whether `graph` came in and was planned again
};
SplitPrediction predictSplit(const model::Stack& stack, EmittedTemplate emitted, PredictionReuse& reuse);

// The counts of a template (its bytes are those of `text`).
TemplateCounts countTemplate(const Json& cfnTemplate, const std::string& text);

}  // namespace jaws::emit::split
