#pragma once
// The AWS rules (JW4xxx) and the lints (JW5xxx). Stack rules run on the model
// of each target (their diagnostics are merged across targets); program rules
// run once, on the bound program and all the stacks.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "diag/Diagnostic.h"
#include "model/Model.h"
#include "sema/Evaluator.h"
#include "sema/Program.h"

namespace jaws::emit {
class TemplateReuse;
}  // namespace jaws::emit

namespace jaws::emit::split {
struct SplitPrediction;
}  // namespace jaws::emit::split

namespace jaws::stubs {
class ExportScanCache;
}  // namespace jaws::stubs

namespace jaws::sema {

class QuietFunctions;  // sema/rules/QuietFunctions.h

// The split prediction the template rules ask for, of a stack over its
// quotas (or split always). It reads nothing but the stack, so a check may
// run it apart from the other rules, on another thread, and put its reports
// where the rules would have made them.
struct SplitPredictionRequest {
  bool wanted = false;
  std::size_t at = 0;       // where its reports go among the target's diagnostics
  bool tooMany = false;     // over the resource quota (else `split = "always"`)
  std::size_t resources = 0;
  std::int64_t limit = 0;   // the resource quota
  std::string where;        // the stack, for messages
  Span projectSpan;
};

// `splitPrediction`, when given, receives the split the template rules
// planned (left null when they needed none); `templateReuse`, when given,
// plans it from what changed since its last plan (emit/TemplateReuse.h).
// With `deferred`, the template rules leave the prediction there instead of
// making it (predictSplitFor). `quiet`, when given, says which functions the
// rules that look at one function skip, and learns which they reported on.
void checkStackRules(const model::Stack& stack, Evaluator& evaluator, Diagnostics& out,
                     std::shared_ptr<const emit::split::SplitPrediction>* splitPrediction = nullptr,
                     emit::TemplateReuse* templateReuse = nullptr, SplitPredictionRequest* deferred = nullptr,
                     QuietFunctions* quiet = nullptr);
// Makes the prediction `request` asks for (nothing when none is wanted),
// its reports appended to `out`.
void predictSplitFor(const model::Stack& stack, const SplitPredictionRequest& request, emit::TemplateReuse* templateReuse,
                     std::shared_ptr<const emit::split::SplitPrediction>* splitPrediction, Diagnostics& out);
// `handlerScans`: the language server's, kept between checks (null: none).
void checkProgramRules(const Program& program, const std::vector<model::Stack>& stacks, const std::string& projectDir,
                       Diagnostics& out, stubs::ExportScanCache* handlerScans = nullptr);
// Frees what the program rules never read of a stack whose stack rules have
// run: its APIs, resources and types, and each function's environment,
// permissions, tags and layers. The program rules read the stage, the stack's
// name, its outputs and its functions' names, code, handlers and invokers.
void keepWhatProgramRulesRead(model::Stack& stack);

}  // namespace jaws::sema
