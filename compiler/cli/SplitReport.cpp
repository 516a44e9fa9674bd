#include "cli/SplitReport.h"

#include <memory>

#include <fmt/format.h>

#include "emit/split/StackSplitter.h"

namespace jaws::cli {

namespace {

std::string plural(std::size_t n, const char* word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); }

std::string counts(const emit::split::TemplateCounts& c, bool estimated) {
  return fmt::format("{:>4} resources  {}{:>9} bytes  {:>3} parameters  {:>3} outputs", c.resources, estimated ? "~" : " ",
                     c.bytes, c.parameters, c.outputs);
}

}  // namespace

std::string renderSplitReport(const sema::Analysis& analysis) {
  std::string out;
  for (std::size_t i = 0; i < analysis.stacks.size(); ++i) {
    const model::Stack& stack = analysis.stacks[i];
    std::shared_ptr<const emit::split::SplitPrediction> planned =
        i < analysis.splitPredictions.size() ? analysis.splitPredictions[i] : nullptr;
    if (planned == nullptr) {
      planned = std::make_shared<const emit::split::SplitPrediction>(
          emit::split::predictSplit(stack, emit::emitTemplate(stack, {})));
    }
    const emit::split::SplitPrediction& predicted = *planned;
    const std::string target = stack.stage.name + " " + stack.stage.region;
    if (!predicted.split) {
      out += fmt::format("plan: {}: one template: {}\n", target, counts(predicted.whole, false));
      continue;
    }
    out += fmt::format("plan: {}: {} resources, {} bytes in one template: split into a root template and {}\n", target,
                       predicted.whole.resources, predicted.whole.bytes,
                       plural(predicted.templates.size() - 1, "nested stack"));
    for (const auto& t : predicted.templates) {
      out += fmt::format("  {:<16} {}\n", t.name.empty() ? "(root)" : t.name, counts(t.predicted, true));
    }
    if (!predicted.issues.empty()) out += fmt::format("  {} (run `jaws check` for them)\n", plural(predicted.issues.size(), "problem"));
  }
  return out;
}

}  // namespace jaws::cli
