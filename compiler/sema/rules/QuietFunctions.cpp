#include "sema/rules/QuietFunctions.h"

#include "sema/ModelReuse.h"

namespace jaws::sema {

QuietFunctions::QuietFunctions(const model::Stack& stack, const TargetRecord& record)
    : skipped_(stack.functions.size(), 0), reported_(stack.functions.size(), 0) {
  // A record evaluated in this check is not quiet yet (record() notes it
  // after the rules): one that is was taken, with its model at `index`.
  for (const auto& [name, function] : record.functions) {
    if (function.quiet && function.index && *function.index < skipped_.size()) skipped_[*function.index] = 1;
  }
}

void QuietFunctions::record(TargetRecord& record) const {
  std::size_t skipped = 0;
  for (std::uint8_t s : skipped_) skipped += s;
  record.quietSkipped = skipped;
  for (auto& [name, function] : record.functions) {
    function.quiet = function.index && *function.index < reported_.size() && reported_[*function.index] == 0;
  }
}

}  // namespace jaws::sema
